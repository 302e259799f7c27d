import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Authenticator, keySetup } from '../lib/auth.ts';
import { loadConfig } from '../lib/config.ts';
import { PrincipalStore } from '../lib/principals.ts';
import type { Databases } from '../scripts/platform.ts';
import { freshDatabases } from './support/platform.ts';

// Production verifies tokens against an OIDC issuer's JWKS; a local HTTP server plays the issuer.
let dbs: Databases;
let server: ReturnType<typeof createServer>;
let authenticator: Authenticator;
const ISSUER = 'https://id.example.eu/realms/lea';
const keys = await generateKeyPair('RS256');
const other = await generateKeyPair('RS256');

beforeAll(async () => {
  dbs = await freshDatabases({ seeded: true });
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const cfg = loadConfig({
    OIDC_JWKS_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`,
    OIDC_ISSUER: ISSUER,
    OIDC_AUDIENCE: 'eunomia',
  });
  authenticator = new Authenticator(await keySetup(cfg), new PrincipalStore(dbs.kernel));
});
afterAll(async () => {
  server?.close();
  await dbs?.close();
});

const token = (key: CryptoKey, sub: string, opts: { aud?: string; kid?: string; ttl?: string } = {}) =>
  new SignJWT({ agency: 'es-ct-mossos' })
    .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'k1' })
    .setSubject(sub).setIssuer(ISSUER).setAudience(opts.aud ?? 'eunomia').setIssuedAt().setExpirationTime(opts.ttl ?? '5m')
    .sign(key);

describe('OIDC verification', () => {
  it('accepts an RS256 token signed by the issuer and resolves the member', async () => {
    const viewer = await authenticator.viewerFor(`Bearer ${await token(keys.privateKey, 'demo-manager-es')}`);
    expect(viewer).toMatchObject({ memberId: 'demo-manager-es', tier: 'MANAGER', orgKind: 'LEA', jurisdictionPath: ['ES-CT', 'ES', 'EU'] });
  });

  it.each([
    ['another key', () => token(other.privateKey, 'demo-manager-es')],
    ['another audience', () => token(keys.privateKey, 'demo-manager-es', { aud: 'other-app' })],
    ['an HS256 token', () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('demo-manager-es').setIssuer(ISSUER)
      .setAudience('eunomia').setExpirationTime('5m').sign(new TextEncoder().encode('x'.repeat(32)))],
    ['an unknown member', () => token(keys.privateKey, 'not-a-member')],
  ])('refuses %s with UNAUTHENTICATED', async (_name, make) => {
    await expect(authenticator.viewerFor(`Bearer ${await make()}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('verified tokens remembered until they expire', () => {
  it('refuses a token it accepted once its expiry has passed, and a changed signature at any time', async () => {
    let clock = Date.now();
    const remembering = new Authenticator(await keySetup(loadConfig({
      OIDC_JWKS_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`, OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: 'eunomia',
    })), new PrincipalStore(dbs.kernel), () => clock);
    const good = await token(keys.privateKey, 'demo-manager-es', { ttl: '2m' });
    const header = `Bearer ${good}`;
    expect((await remembering.viewerFor(header)).memberId).toBe('demo-manager-es');
    expect((await remembering.viewerFor(header)).memberId).toBe('demo-manager-es');
    const [h, p, sig] = good.split('.');
    const forged = `${h}.${p}.${sig!.slice(0, -4)}${sig!.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    await expect(remembering.viewerFor(`Bearer ${forged}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    clock += 3 * 60_000;
    await expect(remembering.viewerFor(header)).rejects.toMatchObject({
      message: 'The access token has expired.', extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('still refuses a remembered token once its member is made inactive', async () => {
    const principals = new PrincipalStore(dbs.kernel, 0);
    const remembering = new Authenticator(await keySetup(loadConfig({
      OIDC_JWKS_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`, OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: 'eunomia',
    })), principals);
    const header = `Bearer ${await token(keys.privateKey, 'demo-practitioner-es')}`;
    expect((await remembering.viewerFor(header)).memberId).toBe('demo-practitioner-es');
    await dbs.kernel.query(`UPDATE access.principals SET active = false WHERE member_id = 'demo-practitioner-es'`);
    try {
      await expect(remembering.viewerFor(header)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    } finally {
      await dbs.kernel.query(`UPDATE access.principals SET active = true WHERE member_id = 'demo-practitioner-es'`);
    }
  });
});
