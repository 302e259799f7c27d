import { SignJWT, base64url } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_AUDIENCE, EMBEDDED_ISSUER } from '../lib/auth.ts';
import { SUBGRAPH_SECRET_HEADER } from '../lib/secret.ts';
import { TEST_JWT_SECRET, TEST_SUBGRAPH_SECRET, codes, postGraphQL, startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true });
});
afterAll(async () => {
  await platform?.stop();
});

const ME = '{ me { id tier roles email agency { id orgKind jurisdiction { code parent { code } } } } }';

describe('the gateway with demo tokens of each tier', () => {
  it.each([
    ['demo-practitioner-es', 'PRACTITIONER', 'LEA', 'ES-CT'],
    ['demo-manager-es', 'MANAGER', 'LEA', 'ES-CT'],
    ['demo-practitioner-de', 'PRACTITIONER', 'LEA', 'DE-BY'],
    ['demo-manager-de', 'MANAGER', 'LEA', 'DE-BY'],
    ['demo-trainer', 'PRACTITIONER', 'LEA', 'EU'],
    ['demo-reviewer', 'PRACTITIONER', 'LEA', 'EU'],
    ['demo-partner', null, 'PARTNER', 'EU'],
    ['demo-admin', null, 'PUBLIC_AUTHORITY', 'EU'],
    ['demo-auditor', null, 'PUBLIC_AUTHORITY', 'EU'],
  ])('%s signs in with the right tier and organisation', async (id, tier, orgKind, jurisdiction) => {
    const r = await platform.query<{ me: { id: string; tier: string | null; agency: { orgKind: string; jurisdiction: { code: string } } } }>(ME, {}, id);
    expect(r.status).toBe(200);
    expect(r.data!.me.id).toBe(id);
    expect(r.data!.me.tier).toBe(tier);
    expect(r.data!.me.agency.orgKind).toBe(orgKind);
    expect(r.data!.me.agency.jurisdiction.code).toBe(jurisdiction);
  });

  it('shows anonymous callers public data only', async () => {
    const r = await platform.query<{ me: null; member: null; agency: { name: string; members: unknown[] } }>(
      '{ me { id } member(id: "demo-manager-es") { id } agency(id: "es-ct-mossos") { name members { id } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ me: null, member: null, agency: { name: expect.stringContaining('Mossos'), members: [] } });
  });

  it('gives a partner a null email with FORBIDDEN, and LEA staff the email', async () => {
    const partner = await platform.query<{ member: { email: string | null } }>('{ member(id: "demo-manager-de") { id email } }', {}, 'demo-partner');
    expect(partner.data!.member.email).toBeNull();
    expect(codes(partner)).toEqual(['FORBIDDEN']);
    const lea = await platform.query<{ member: { email: string } }>('{ member(id: "demo-manager-de") { email } }', {}, 'demo-practitioner-es');
    expect(lea.data!.member.email).toBe('markus.weber@demo.polizei-by.example');
  });

  it('carries mutations through to the owning subgraph with its error codes', async () => {
    const r = await platform.query('mutation { inviteMember(input: { displayName: "X Y", email: "bad", agency: "es-ct-mossos", tier: MANAGER }) { id } }', {}, 'demo-admin');
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    const f = await platform.query('mutation { inviteMember(input: { displayName: "X Y", email: "x@y.example", agency: "es-ct-mossos", tier: MANAGER }) { id } }', {}, 'demo-manager-es');
    expect(codes(f)).toEqual(['FORBIDDEN']);
  });

  it('serves GraphiQL from local assets, health and readiness', async () => {
    const base = platform.gatewayUrl.replace(/\/graphql$/, '');
    const page = await fetch(`${base}/graphiql`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', subgraphs: Object.fromEntries(platform.subgraphs.map((s) => [s.name, true])) });
  });
});

describe('authentication', () => {
  const sign = (claims: Record<string, unknown>, opts: { secret?: string; exp?: number | string; iss?: string; aud?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(claims.sub ?? 'demo-manager-es'))
      .setIssuer(opts.iss ?? EMBEDDED_ISSUER)
      .setAudience(opts.aud ?? EMBEDDED_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? '1h')
      .sign(new TextEncoder().encode(opts.secret ?? TEST_JWT_SECRET));
  const call = (token: string) => postGraphQL(platform.gatewayUrl, '{ jurisdictions { code } }', {}, token);

  it('accepts a good token', async () => {
    const r = await call(await sign({ sub: 'demo-manager-es' }));
    expect(r.status).toBe(200);
  });

  it.each([
    ['an expired token', () => sign({ sub: 'demo-manager-es' }, { exp: Math.floor(Date.now() / 1000) - 60 })],
    ['a wrong signature', () => sign({ sub: 'demo-manager-es' }, { secret: 'another-secret-another-secret-another' })],
    ['alg none', async () => {
      const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
      const body = base64url.encode(JSON.stringify({ sub: 'demo-manager-es', iss: EMBEDDED_ISSUER, aud: EMBEDDED_AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 }));
      return `${header}.${body}.`;
    }],
    ['an unknown member', () => sign({ sub: 'nobody-at-all' })],
    ['another issuer', () => sign({ sub: 'demo-manager-es' }, { iss: 'https://evil.example' })],
    ['another audience', () => sign({ sub: 'demo-manager-es' }, { aud: 'someone-else' })],
    ['a stale agency claim', () => sign({ sub: 'demo-manager-es', agency: 'de-by-polizei' })],
    ['garbage', async () => 'not.a.token'],
  ])('refuses %s with UNAUTHENTICATED instead of treating it as anonymous', async (_name, make) => {
    const r = await call(await make());
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.data).toBeUndefined();
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const r = await postGraphQL(platform.gatewayUrl, '{ me { id } }', {}, null, { authorization: 'Basic abc' });
    expect(r.status).toBe(401);
  });
});

describe('subgraphs called directly', () => {
  it('answer 401 without the shared secret, even with a valid token', async () => {
    const token = await platform.token('demo-manager-es');
    for (const s of platform.subgraphs) {
      const r = await postGraphQL(s.url, '{ _service { sdl } }', {}, token);
      expect(r.status).toBe(401);
      const wrong = await postGraphQL(s.url, '{ _service { sdl } }', {}, token, { [SUBGRAPH_SECRET_HEADER]: 'not-the-secret' });
      expect(wrong.status).toBe(401);
    }
  });

  it('answer with the secret and still verify the forwarded token themselves', async () => {
    for (const s of platform.subgraphs) {
      const ok = await postGraphQL<{ _service: { sdl: string } }>(s.url, '{ _service { sdl } }', {}, null, { [SUBGRAPH_SECRET_HEADER]: TEST_SUBGRAPH_SECRET });
      expect(ok.status).toBe(200);
      expect(ok.data!._service.sdl).toContain('@key');
      const forged = await postGraphQL(s.url, '{ _service { sdl } }', {}, 'forged.token.value', { [SUBGRAPH_SECRET_HEADER]: TEST_SUBGRAPH_SECRET });
      expect(forged.status).toBe(401);
    }
  });
});

describe('production mode', () => {
  let prod: TestPlatform;
  beforeAll(async () => {
    prod = await startTestPlatform({
      seeded: true,
      env: { NODE_ENV: 'production', DATABASE_URL: 'postgres://unused:unused@127.0.0.1:1/unused' },
    });
  });
  afterAll(async () => prod?.stop());

  it('turns GraphiQL and introspection off', async () => {
    const base = prod.gatewayUrl.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/graphiql`)).status).toBe(404);
    const r = await prod.query('{ __schema { types { name } } }');
    expect(r.data ?? null).toBeNull();
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const ok = await prod.query<{ jurisdiction: { name: string } }>('{ jurisdiction(code: "ES") { name } }');
    expect(ok.data!.jurisdiction.name).toBe('Spain');
  });
});
