import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../lib/config.ts';

describe('configuration', () => {
  it('has defaults for embedded mode', () => {
    const cfg = loadConfig({});
    expect(cfg).toMatchObject({ PORT: 4000, DATA_DIR: '.data', production: false });
    expect(cfg.DATABASE_URL).toBeUndefined();
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DIRECTORY_PORT: '99999' })).toThrow(/DIRECTORY_PORT/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://id.example' })).toThrow(/OIDC_JWKS_URL/);
  });

  it('reads per-subgraph ports and URLs', () => {
    const cfg = loadConfig({ DIRECTORY_PORT: '5001', DIRECTORY_URL: 'http://directory:4001/graphql' });
    expect(cfg.subgraphPorts).toEqual({ directory: 5001 });
    expect(cfg.subgraphUrls).toEqual({ directory: 'http://directory:4001/graphql' });
  });

  it('refuses production without a database, a JWT verification setup and the subgraph secret', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).toMatch(/DATABASE_URL/);
    expect(String(error)).toMatch(/SUBGRAPH_SECRET/);
    expect(String(error)).toMatch(/OIDC_JWKS_URL/);
    const ok = loadConfig({
      NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/eunomia', SUBGRAPH_SECRET: 's'.repeat(32),
      OIDC_JWKS_URL: 'https://id.example/jwks', OIDC_ISSUER: 'https://id.example', OIDC_AUDIENCE: 'eunomia',
    });
    expect(ok.production).toBe(true);
  });
});
