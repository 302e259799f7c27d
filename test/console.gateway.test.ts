import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

// The gateway as the console's web server: files, caching, security headers, app routes, sign-in endpoints.

let dev: TestPlatform;
let prod: TestPlatform;
beforeAll(async () => {
  [dev, prod] = await Promise.all([
    startTestPlatform(),
    startTestPlatform({ env: { NODE_ENV: 'production', DATABASE_URL: 'postgres://unused:unused@127.0.0.1:1/unused' } }),
  ]);
});
afterAll(async () => Promise.all([dev?.stop(), prod?.stop()]));

// What a browser sends when a person opens an address.
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const base = (p: TestPlatform) => p.gatewayUrl.replace(/\/graphql$/, '');

describe('the console at /', () => {
  it('serves the app with a strict Content-Security-Policy and no inline script', async () => {
    const r = await fetch(`${base(dev)}/`);
    const html = await r.text();
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('no-cache');
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('serves hashed assets for a year, compressed, and 404s a missing one instead of the app', async () => {
    const html = await (await fetch(`${base(dev)}/`)).text();
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const r = await fetch(`${base(dev)}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${base(dev)}/assets/missing-0000.js`)).status).toBe(404);
  });

  it('answers every app route with the app (shareable links), and /graphql opened in a browser leads to a page', async () => {
    for (const path of ['/compare?topic=MONITORING&j=ES-CT,DE,NL&at=2024-01-01', '/procedures/proc-es-ct-monitoring', '/sign-in']) {
      const r = await fetch(`${base(dev)}${path}`);
      expect(r.status, path).toBe(200);
      expect(await r.text()).toContain('<div id="root"></div>');
    }
    const inDev = await fetch(dev.gatewayUrl, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect([inDev.status, inDev.headers.get('location')]).toEqual([302, '/graphiql']);
    const inProd = await fetch(prod.gatewayUrl, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect([inProd.status, inProd.headers.get('location')]).toEqual([302, '/']);
  });

  it('loads no third-party script: GraphiQL is self-contained and a GET query opened in a browser answers data, not a page', async () => {
    const graphiql = await (await fetch(`${base(dev)}/graphiql`)).text();
    expect(graphiql).toContain('<script');
    expect(graphiql).not.toMatch(/<(script|link)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    for (const p of [dev, prod]) {
      const r = await fetch(`${p.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' } });
      const text = await r.text();
      expect(r.headers.get('content-type')).not.toMatch(/html/);
      expect(JSON.parse(text)).toEqual({ data: { __typename: 'Query' } });
    }
  });

  it('tells the console how to sign in: demo members in development, none configured in production without a client id', async () => {
    expect(await (await fetch(`${base(dev)}/console/config.json`)).json()).toEqual({ auth: 'demo' });
    expect(await (await fetch(`${base(prod)}/console/config.json`)).json()).toEqual({ auth: 'none' });
  });
});

describe('demo sign-in', () => {
  it('lists the demo members with name, agency, tier and roles, and mints a token the API accepts', async () => {
    const list = await (await fetch(`${base(dev)}/auth/demo/members`)).json() as { members: { id: string; displayName: string; agency: { name: string }; tier: string | null; roles: string[] }[] };
    expect(list.members.map((m) => m.id)).toEqual([
      'demo-admin', 'demo-auditor', 'demo-manager-de', 'demo-manager-es', 'demo-partner', 'demo-practitioner-de',
      'demo-practitioner-es', 'demo-reviewer', 'demo-trainer',
    ]);
    expect(list.members.find((m) => m.id === 'demo-manager-es')).toMatchObject({ agency: { name: "Mossos d'Esquadra – Police of the Generalitat of Catalonia" }, tier: 'MANAGER', roles: ['EDITOR'] });
    const r = await fetch(`${base(dev)}/auth/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ member: 'demo-manager-es' }) });
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const { token } = await r.json() as { token: string };
    const me = await fetch(dev.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { id tier } }' }) });
    expect(await me.json()).toEqual({ data: { me: { id: 'demo-manager-es', tier: 'MANAGER' } } });
  });

  it('refuses members that are not demo members and bad bodies', async () => {
    const post = (body: string) => fetch(`${base(dev)}/auth/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await post(JSON.stringify({ member: 'someone-else' }))).status).toBe(404);
    expect((await post('not json')).status).toBe(400);
    expect((await post(JSON.stringify({ member: '../../etc' }))).status).toBe(400);
  });

  it('does not exist in production', async () => {
    const members = await fetch(`${base(prod)}/auth/demo/members`);
    expect(members.status).toBe(404);
    expect(await members.json()).toEqual({ errors: [{ message: 'Demo sign-in exists only in embedded development mode.', extensions: { code: 'NOT_FOUND' } }] });
    const token = await fetch(`${base(prod)}/auth/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ member: 'demo-manager-es' }) });
    expect(token.status).toBe(404);
  });
});
