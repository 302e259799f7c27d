import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SignJWT, createRemoteJWKSet, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { ANONYMOUS } from './access.ts';
import { BoundedMap } from './boundedMap.ts';
import type { Viewer } from './access.ts';
import type { Config } from './config.ts';
import { unauthenticated } from './errors.ts';
import { viewerOfPrincipal } from './principals.ts';
import type { PrincipalStore } from './principals.ts';

export const EMBEDDED_ISSUER = 'eunomia-embedded';
export const EMBEDDED_AUDIENCE = 'eunomia';

/** How tokens are verified: a local HS256 secret (embedded) or an OIDC issuer's JWKS (production). */
export type KeySetup =
  | { kind: 'secret'; secret: Uint8Array; issuer: string; audience: string }
  | { kind: 'jwks'; keys: JWTVerifyGetKey; issuer: string; audience: string; algorithms: string[] };

/** Reads JWT_SECRET, or the secret generated once into DATA_DIR. */
export async function embeddedSecret(cfg: Pick<Config, 'JWT_SECRET' | 'DATA_DIR'>): Promise<Uint8Array> {
  if (cfg.JWT_SECRET) return new TextEncoder().encode(cfg.JWT_SECRET);
  return new TextEncoder().encode(await secretFile(cfg.DATA_DIR, 'jwt-secret'));
}

/** A random secret stored in DATA_DIR/<name>, created on first use. */
export async function secretFile(dataDir: string, name: string): Promise<string> {
  const path = join(dataDir, name);
  try {
    const text = (await readFile(path, 'utf8')).trim();
    if (text.length >= 32) return text;
  } catch {
    // first start: create it below
  }
  await mkdir(dataDir, { recursive: true });
  const value = randomBytes(32).toString('base64url');
  await writeFile(path, value + '\n', { mode: 0o600, flag: 'w' });
  await chmod(path, 0o600);
  return value;
}

export async function keySetup(cfg: Config): Promise<KeySetup> {
  if (cfg.OIDC_JWKS_URL && cfg.OIDC_ISSUER && cfg.OIDC_AUDIENCE) {
    return {
      kind: 'jwks',
      keys: createRemoteJWKSet(new URL(cfg.OIDC_JWKS_URL)),
      issuer: cfg.OIDC_ISSUER,
      audience: cfg.OIDC_AUDIENCE,
      algorithms: cfg.OIDC_ALGORITHMS.split(','),
    };
  }
  return { kind: 'secret', secret: await embeddedSecret(cfg), issuer: EMBEDDED_ISSUER, audience: EMBEDDED_AUDIENCE };
}

/** Signs a token for a member with the embedded secret. */
export async function signToken(
  setup: KeySetup,
  claims: { sub: string; agency: string; tier: string | null; roles: string[] },
  ttl: string | number = '8h',
): Promise<string> {
  if (setup.kind !== 'secret') throw new Error('Tokens can only be minted with the embedded secret.');
  return new SignJWT({ agency: claims.agency, tier: claims.tier, roles: claims.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(setup.issuer)
    .setAudience(setup.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(setup.secret);
}

/** How many verified tokens a process remembers (the oldest is forgotten first). */
const VERIFIED_TOKENS = 10_000;

/**
 * Turns an Authorization header into a Viewer: no header means anonymous; a bad token is never downgraded. A token's
 * signature is checked once and its claims remembered until it expires; the member behind it is looked up every time.
 */
export class Authenticator {
  private verified = new BoundedMap<{ payload: JWTPayload; expiresAt: number }>(VERIFIED_TOKENS);

  constructor(private setup: KeySetup, private principals: PrincipalStore, private now: () => number = Date.now) {}

  async viewerFor(authorization: string | undefined | null): Promise<Viewer> {
    if (!authorization) return ANONYMOUS;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const payload = await this.verify(m[1]!);
    const sub = payload.sub;
    if (!sub) throw unauthenticated('The access token names no subject.');
    const principal = await this.principals.find(sub);
    if (!principal || !principal.active) throw unauthenticated('The access token names an unknown or inactive member.');
    if (typeof payload.agency === 'string' && payload.agency !== principal.agencyId) {
      throw unauthenticated('The access token was issued for another agency; sign in again.');
    }
    return viewerOfPrincipal(principal);
  }

  private async verify(token: string): Promise<JWTPayload> {
    const known = this.verified.get(token);
    if (known && this.now() < known.expiresAt) return known.payload;
    if (known) this.verified.delete(token);
    const payload = await this.verifySignature(token);
    this.verified.set(token, { payload, expiresAt: payload.exp! * 1000 });
    return payload;
  }

  private async verifySignature(token: string): Promise<JWTPayload> {
    try {
      const s = this.setup;
      const common = { issuer: s.issuer, audience: s.audience, requiredClaims: ['exp', 'sub'], currentDate: new Date(this.now()) };
      const { payload } = s.kind === 'secret'
        ? await jwtVerify(token, s.secret, { ...common, algorithms: ['HS256'] })
        : await jwtVerify(token, s.keys, { ...common, algorithms: s.algorithms });
      return payload;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw unauthenticated('The access token has expired.');
      throw unauthenticated('The access token is invalid.');
    }
  }
}
