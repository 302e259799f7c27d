import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError, loadConfig } from '../lib/config.ts';
import { DEFAULT_GATEWAY_PORT, SUBGRAPHS, defaultSubgraphPort } from '../schema/subgraphs.ts';

// The compose file is the production shape: it must agree with schema/subgraphs.ts and pass lib/config.ts.

interface ComposeService {
  build?: unknown;
  environment?: Record<string, unknown> | string[];
  ports?: unknown[];
  depends_on?: Record<string, { condition?: string }> | string[];
}

const composePath = fileURLToPath(new URL('../docker-compose.yml', import.meta.url));
// Compose resolves `<<` merge keys, so the test must too.
const compose = parse(readFileSync(composePath, 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };

function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((line) => {
      const i = line.indexOf('=');
      return i < 0 ? [line, ''] : [line.slice(0, i), line.slice(i + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

const appServices = Object.entries(compose.services)
  .filter(([, s]) => s.build !== undefined)
  .map(([key, s]) => ({ key, service: s, env: environmentOf(s) }));
const serviceRunning = (name: string) => appServices.find((s) => s.env.SERVICE === name);
const gateway = serviceRunning('gateway');

// What an operator would export: https URLs for URL-ish names, a long random string otherwise.
function plausible(name: string): string {
  if (/(_URL|_ISSUER)$/.test(name)) return `https://id.example.eu/${name.toLowerCase()}`;
  return randomBytes(16).toString('hex');
}

const supplied = new Map<string, string>();
/** Compose's own interpolation: `${VAR}`, `${VAR:-default}`, `${VAR:?message}`, `$$`. */
function interpolate(value: string): string {
  return value
    .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}/g, (_m, name: string, op: string | undefined, arg: string | undefined) => {
      if (op?.endsWith('-')) return arg ?? '';
      if (!supplied.has(name)) supplied.set(name, plausible(name));
      return supplied.get(name)!;
    })
    .replace(/\$\$/g, '$');
}
const resolved = (env: Record<string, string>) => Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(v)]));

const urlVariable = (name: string) => `${name.toUpperCase()}_URL`;
/** The configuration as scripts/serve.ts, which every service runs, loads it. */
const loadServed = (env: Record<string, string>) => loadConfig(env, SUBGRAPHS.map((s) => s.name));

describe('docker-compose.yml', () => {
  it('runs the gateway on the default gateway port, published', () => {
    expect(gateway, 'no service with SERVICE=gateway').toBeDefined();
    const port = String(DEFAULT_GATEWAY_PORT);
    expect(gateway!.env.PORT).toBe(port);
    expect((gateway!.service.ports ?? []).map(String)).toContain(`${port}:${port}`);
  });

  it.each(SUBGRAPHS.map((s) => s.name))('runs the %s subgraph on its default port, unpublished, behind the gateway', (name) => {
    const sub = serviceRunning(name);
    expect(sub, `no service with SERVICE=${name}`).toBeDefined();
    const port = defaultSubgraphPort(name);
    expect(sub!.env.PORT).toBe(String(port));
    expect(sub!.service.ports).toBeUndefined();
    expect(gateway!.env[urlVariable(name)]).toBe(`http://${sub!.key}:${port}/graphql`);
    expect(sub!.key).toBe(name);
  });

  it('runs no service that schema/subgraphs.ts does not list, and routes the gateway to no other', () => {
    expect(appServices.map((s) => s.env.SERVICE).sort()).toEqual(['gateway', ...SUBGRAPHS.map((s) => s.name)].sort());
    const routed = Object.keys(gateway!.env).filter((k) => /^[A-Z]+_URL$/.test(k) && k !== 'DATABASE_URL' && k !== 'MEILI_URL');
    expect(routed.sort()).toEqual(SUBGRAPHS.map((s) => urlVariable(s.name)).sort());
  });

  it.each(appServices.map((s) => [s.key, s] as const))('%s is configured for production', (_key, { env, service }) => {
    expect(env.NODE_ENV).toBe('production');
    expect(env.DATABASE_URL).toMatch(/^postgres(ql)?:\/\/.+@postgres:5432\//);
    for (const name of ['SUBGRAPH_SECRET', 'OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL']) {
      // Required from the operator's environment, never a value written in the file.
      expect(env[name], name).toMatch(new RegExp(`^\\$\\{${name}:\\?[^}]*\\}$`));
    }
    const dependsOn = service.depends_on;
    expect(Array.isArray(dependsOn) ? undefined : dependsOn?.postgres?.condition).toBe('service_healthy');
  });

  it.each(appServices.map((s) => [s.key, s] as const))('%s environment passes loadConfig', (_key, { env }) => {
    const cfg = loadServed(resolved(env));
    expect(cfg.production).toBe(true);
    expect(String(cfg.PORT)).toBe(env.PORT);
    expect(cfg.SERVICE).toBe(env.SERVICE);
    expect(cfg.OIDC_JWKS_URL).toMatch(/^https:\/\//);
  });

  it('gives the gateway every subgraph URL through loadConfig', () => {
    const cfg = loadServed(resolved(gateway!.env));
    expect(cfg.subgraphUrls).toEqual(
      Object.fromEntries(SUBGRAPHS.map((s) => [s.name, `http://${s.name}:${defaultSubgraphPort(s.name)}/graphql`])),
    );
  });

  it('points the search subgraph at the Meilisearch service with its master key', () => {
    const search = serviceRunning('search')!;
    const meili = compose.services.meilisearch!;
    const cfg = loadServed(resolved(search.env));
    expect(cfg.MEILI_URL).toBe('http://meilisearch:7700');
    expect(search.env.MEILI_KEY).toBe(environmentOf(meili).MEILI_MASTER_KEY);
    expect((search.service.depends_on as Record<string, { condition?: string }>).meilisearch?.condition).toBe('service_healthy');
    for (const other of appServices.filter((s) => s.env.SERVICE !== 'search')) expect(other.env.MEILI_URL, other.key).toBeUndefined();
  });

  it('refuses to start the gateway without SUBGRAPH_SECRET', () => {
    const { SUBGRAPH_SECRET: _dropped, ...rest } = resolved(gateway!.env);
    expect(() => loadServed(rest)).toThrow(ConfigError);
    expect(() => loadServed(rest)).toThrow(/SUBGRAPH_SECRET/);
  });
});
