import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, expectAccessible, launchBrowser, NO_CHROMIUM, screenshot } from './support/browser.ts';
import { startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

// The production sign-in, end to end: a real OpenID provider (the certified `oidc-provider`) runs in this process;
// the console signs in with the authorization code flow and PKCE, the gateway verifies the provider's JWT access
// token through its JWKS, and the header shows the member. Then the token is renewed silently, and sign-out ends it.

const AUDIENCE = 'https://api.eunomia.test';
const CLIENT_ID = 'eunomia-console';
/** Short enough that the console renews it during the test (oidc-client-ts starts 60 s before expiry). */
const ACCESS_TOKEN_TTL = 64;
/** The provider's accounts: seeded member ids are the subjects the gateway resolves. */
const ACCOUNTS = new Set(['demo-manager-es', 'demo-partner', 'demo-practitioner-es']);

// oidc-provider ships no type declarations (and @types/oidc-provider is not a dependency): the little used here is
// typed locally, and the module is named through a constant so the compiler does not look for its declarations.
const OIDC_PROVIDER = 'oidc-provider';
interface ProviderClass {
  new (issuer: string, configuration: {
    clients: Record<string, unknown>[];
    pkce: { required: () => boolean };
    clientBasedCORS: (ctx: unknown, origin: string) => boolean;
    ttl: Record<string, number>;
    jwks: { keys: Record<string, unknown>[] };
    cookies: { keys: string[] };
    findAccount: (ctx: unknown, sub: string) => Promise<{ accountId: string; claims: () => Promise<{ sub: string }> } | undefined>;
    features: Record<string, Record<string, unknown>>;
  }): { callback(): (req: IncomingMessage, res: ServerResponse) => void };
}

let providerServer: Server;
let issuer: string;
let platform: TestPlatform;
let browser: Browser;
let consoleOrigin: string;

/** Starts listening first (the issuer needs the port), then handles requests once the provider exists. */
async function listen(): Promise<{ server: Server; port: number; handle(h: (req: IncomingMessage, res: ServerResponse) => void): void }> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    if (handler) return handler(req, res);
    res.writeHead(503).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, port: (server.address() as AddressInfo).port, handle: (h) => { handler = h; } };
}

beforeAll(async () => {
  if (NO_CHROMIUM) return;
  const { default: Provider } = (await import(OIDC_PROVIDER)) as { default: ProviderClass };
  const listening = await listen();
  providerServer = listening.server;
  // Browser-facing URLs use "localhost" for both sites so the provider's session cookie is same-site with the console.
  issuer = `http://localhost:${listening.port}`;
  [platform, browser] = await Promise.all([
    startTestPlatform({
      env: {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://unused:unused@127.0.0.1:1/unused',
        OIDC_ISSUER: issuer,
        OIDC_AUDIENCE: AUDIENCE,
        OIDC_JWKS_URL: `http://127.0.0.1:${listening.port}/jwks`,
        OIDC_CLIENT_ID: CLIENT_ID,
      },
    }),
    launchBrowser(),
  ]);
  consoleOrigin = `http://localhost:${new URL(platform.gatewayUrl).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const provider = new Provider(issuer, {
    clients: [{
      client_id: CLIENT_ID,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [`${consoleOrigin}/auth/callback`, `${consoleOrigin}/auth/silent`],
      post_logout_redirect_uris: [`${consoleOrigin}/`],
    }],
    pkce: { required: () => true },
    // CORS for the token endpoint only from the console; lifetimes said out loud rather than left to defaults.
    clientBasedCORS: (_ctx, origin) => origin === consoleOrigin,
    ttl: { AccessToken: ACCESS_TOKEN_TTL, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['cookie-key-for-this-test-only-0123456789'] },
    findAccount: async (_ctx, sub) => (ACCOUNTS.has(sub) ? { accountId: sub, claims: async () => ({ sub }) } : undefined),
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => AUDIENCE,
        // The access token is for the API even though the openid scope is asked for.
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, indicator: string) => {
          if (indicator !== AUDIENCE) throw new Error(`unknown resource ${indicator}`);
          return { scope: 'api', audience: AUDIENCE, accessTokenTTL: ACCESS_TOKEN_TTL, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
  });
  listening.handle(provider.callback());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await new Promise((ok) => (providerServer ? providerServer.close(ok) : ok(undefined)));
});

const stored = (page: Page) => page.evaluate(() => ({
  local: Object.keys(localStorage),
  session: Object.keys(sessionStorage),
  token: (JSON.parse(sessionStorage.getItem('eunomia.session') ?? 'null') as { token: string; mode: string } | null),
}));

/** Errors our pages log or throw (the provider's pages fetch web fonts they cannot reach offline: not ours). */
function consoleErrors(page: Page): () => string[] {
  const errors: string[] = [];
  const ours = () => page.url().startsWith(consoleOrigin);
  page.on('pageerror', (e) => { if (ours()) errors.push(`pageerror: ${e.message}`); });
  page.on('console', (m) => { if (m.type() === 'error' && ours()) errors.push(`console.error: ${m.text()} (${m.location().url})`); });
  return () => errors;
}

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe.skipIf(NO_CHROMIUM)(`production sign-in with OpenID Connect ${NO_CHROMIUM ?? CHROMIUM}`, () => {
  it('signs in at the provider, comes back signed in, renews the token silently, and signs out', async () => {
    expect(await (await fetch(`${consoleOrigin.replace('localhost', '127.0.0.1')}/console/config.json`)).json())
      .toEqual({ auth: 'oidc', issuer, clientId: CLIENT_ID, scope: 'openid' });

    // Only the page the provider sends the hidden renewal frame back to may be framed, and only by the console itself.
    const policyOf = async (path: string) => (await fetch(`${consoleOrigin.replace('localhost', '127.0.0.1')}${path}`)).headers.get('content-security-policy');
    expect(await policyOf('/')).toContain("frame-ancestors 'none'");
    expect(await policyOf('/auth/silent')).toContain("frame-ancestors 'self'");
    expect(await policyOf('/')).toContain(`frame-src 'self' ${issuer}`);

    const context = await browser.newContext({ baseURL: consoleOrigin, viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors = consoleErrors(page);
    await page.goto('/sign-in?next=%2Fcompare');
    const button = page.getByRole('button', { name: 'Sign in with your organisation' });
    await button.waitFor();
    await expectAccessible(page, 'the production sign-in page');
    await button.click();

    // The provider's own pages (its development login and consent): not ours, so not held to our checks.
    await page.waitForURL(`${issuer}/**`);
    await page.locator('input[name=login]').fill('demo-manager-es');
    await page.locator('input[name=password]').fill('any');
    await screenshot(page, 'oidc-provider-login');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL(`${consoleOrigin}/compare`);
    const member = page.getByTestId('member');
    await expect.poll(() => member.textContent(), { timeout: 30_000 }).toMatch(/Jordi Ferrer \(demo\).*Mossos d'Esquadra.*Manager/);

    const first = await stored(page);
    expect(first.local).toEqual([]);
    expect(first.token?.mode).toBe('oidc');
    expect(first.session.some((k) => k.startsWith('oidc.user:'))).toBe(true);
    const claims = claimsOf(first.token!.token);
    expect(claims).toMatchObject({ iss: issuer, aud: AUDIENCE, sub: 'demo-manager-es', client_id: CLIENT_ID });
    // The gateway takes the provider's token as it is (verified against the provider's JWKS), through the public API.
    const me = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${first.token!.token}` },
      body: JSON.stringify({ query: '{ me { id tier agency { id } } }' }),
    });
    expect(await me.json()).toEqual({ data: { me: { id: 'demo-manager-es', tier: 'MANAGER', agency: { id: 'es-ct-mossos' } } } });

    // Silent renew: before the short-lived token expires the console gets a new one from the provider (prompt=none in
    // a hidden frame) and keeps the member signed in.
    await expect.poll(async () => {
      const now = (await stored(page)).token?.token;
      return Boolean(now && now !== first.token!.token);
    }, { timeout: 90_000, interval: 1_000 }).toBe(true);
    const renewed = await stored(page);
    expect(claimsOf(renewed.token!.token)).toMatchObject({ sub: 'demo-manager-es', aud: AUDIENCE });
    expect(renewed.local).toEqual([]);
    await page.goto('/');
    await expect.poll(() => page.getByTestId('member').textContent(), { timeout: 30_000 }).toMatch(/Jordi Ferrer/);
    await expect.poll(() => page.getByTestId('recent-versions').count(), { timeout: 30_000 }).toBe(1);
    await expectAccessible(page, 'the console signed in through the provider');
    await screenshot(page, 'oidc-signed-in');

    // Sign-out: the console forgets the token and the provider ends its session.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${issuer}/**`);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${consoleOrigin}/`);
    await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const after = await stored(page);
    expect(after.token).toBeNull();
    expect(after.session.filter((k) => k.startsWith('oidc.user:'))).toEqual([]);
    expect(after.local).toEqual([]);
    expect(errors()).toEqual([]);
    await context.close();
  }, 240_000);
});
