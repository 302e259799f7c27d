import { z } from 'zod';
import { parseProxyTrust } from './proxyTrust.ts';

// Every environment variable the platform reads, parsed once.
const port = z.coerce.number().int().min(1).max(65535);
const optionalUrl = z.string().url().optional();
const count = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** The gateway's protections: operation limits, per-viewer rate limit, operation timeout, proxy trust. */
const gatewaySchema = z.object({
  MAX_DEPTH: count(2, 100, 7),
  MAX_ALIASES: count(0, 1000, 15),
  MAX_DIRECTIVES: count(0, 1000, 5),
  MAX_TOKENS: count(100, 1_000_000, 1000),
  MAX_COST: count(100, 100_000_000, 20_000),
  RATE_LIMIT_PER_MINUTE: count(1, 1_000_000, 600),
  RATE_LIMIT_BURST: count(1, 1_000_000, 200),
  OPERATION_TIMEOUT_MS: count(1, 600_000, 10_000),
  /** How the gateway calls its subgraphs: an undici keep-alive pool, or @apollo/gateway's default (make-fetch-happen). */
  SUBGRAPH_FETCHER: z.enum(['pooled', 'default']).default('pooled'),
  TRUST_PROXY: z.string().default('0').superRefine((spec, ctx) => {
    try {
      parseProxyTrust(spec);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  }),
});

/** What is wrong with an SMTP URL, or null. */
function smtpUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a URL like smtp://user:password@mail.example.org:587 or smtps://user:password@mail.example.org:465';
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return `must start with smtp:// or smtps:// (not ${url.protocol}//)`;
  if (!url.hostname) return 'must name the mail server (smtp://host:port)';
  if (Boolean(url.username) !== Boolean(url.password)) return 'must give both a user and a password (smtp://user:password@host:port), or neither';
  return null;
}

export type GatewayLimits = z.infer<typeof gatewaySchema>;

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** The migration role's connection (owner of the schemas); DATABASE_URL is then the runtime role's (see lib/databaseRoles.ts). */
  MIGRATION_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  EMBEDDED_PG_PORT: port.optional(),
  SUBGRAPH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  OIDC_ISSUER: z.string().min(1).optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  OIDC_JWKS_URL: optionalUrl,
  /** The web console's client id at the OpenID provider (authorization code flow with PKCE). */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_SCOPE: z.string().min(1).default('openid'),
  /** The built web console (web/dist); the gateway serves it at /. */
  CONSOLE_DIR: z.string().min(1).optional(),
  OIDC_ALGORITHMS: z.string().regex(/^(RS256|ES256)(,(RS256|ES256))*$/, 'must list RS256 and/or ES256').default('RS256,ES256'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GATEWAY_INTROSPECT: z.enum(['0', '1']).default('0'),
  SERVICE: z.string().optional(),
  MEILI_URL: optionalUrl,
  MEILI_KEY: z.string().optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(100_000),
  /**
   * Signs the audit log's checkpoints (HMAC-SHA256). Kept out of the database, so that whoever can write there cannot
   * forge one. Unset: DATA_DIR/audit-checkpoint-key, created on first use (embedded mode only).
   */
  AUDIT_CHECKPOINT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Where signed checkpoints are appended, one JSON line each (default DATA_DIR/audit-checkpoints.jsonl). */
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: count(1, 86_400, 300),
  /** How long the audit subgraph keeps its verdict on the whole chain before walking it again (0: every time). */
  AUDIT_CHAIN_CACHE_SECONDS: count(0, 3_600, 30),
  /**
   * Where e-mail is sent: `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://...` (TLS). Unset: e-mail
   * goes to the platform's local outbox (development), which members read in the console.
   */
  SMTP_URL: z.string().superRefine((value, ctx) => {
    const problem = smtpUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }).optional(),
  /** The sender of the platform's e-mail: an address, or a name and an address (`Eunomia <notifications@example.org>`). */
  MAIL_FROM: z.string().regex(/^(?:[^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'must be an e-mail address, or a name and <address>')
    .default('Eunomia <notifications@eunomia.invalid>'),
  /** The web console's address as members reach it, for links in e-mail (default: the gateway's, http://HOST:PORT). */
  PUBLIC_URL: z.string().url().regex(/^https?:\/\//, 'must be an http:// or https:// URL').optional(),
}).extend(gatewaySchema.shape);

export type Config = z.infer<typeof schema> & {
  production: boolean;
  /** Per-subgraph port overrides: `<NAME>_PORT` (e.g. DIRECTORY_PORT). */
  subgraphPorts: Record<string, number>;
  /** Per-subgraph URL overrides: `<NAME>_URL` (e.g. DIRECTORY_URL). */
  subgraphUrls: Record<string, string>;
};

export class ConfigError extends Error {}

// An empty variable means unset, as shells and compose files often leave them.
const setVariables = (rawEnv: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== undefined && v !== ''));

function parseOrThrow<T>(s: z.ZodType<T>, env: Record<string, unknown>): T {
  const parsed = s.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Only the gateway's limits, read from the environment (defaults for what is unset). */
export function loadGatewayLimits(rawEnv: NodeJS.ProcessEnv = process.env): GatewayLimits {
  return parseOrThrow(gatewaySchema, setVariables(rawEnv));
}

/** The gateway's limits out of a loaded configuration (what startGateway's `limits` takes). */
export function gatewayLimitsOf(cfg: Config): GatewayLimits {
  return Object.fromEntries(Object.keys(gatewaySchema.shape).map((k) => [k, cfg[k as keyof GatewayLimits]])) as GatewayLimits;
}

/**
 * Parse and validate the environment; throws ConfigError naming every bad variable. `subgraphs` names the subgraphs
 * whose `<NAME>_PORT` and `<NAME>_URL` are read (the caller's list: the kernel knows none).
 */
export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env, subgraphs: readonly string[] = []): Config {
  const env = setVariables(rawEnv);
  const cfg = parseOrThrow(schema, env);
  const subgraphPorts: Record<string, number> = {};
  const subgraphUrls: Record<string, string> = {};
  const problems: string[] = [];
  for (const name of subgraphs) {
    for (const kind of ['PORT', 'URL'] as const) {
      const key = `${name.toUpperCase()}_${kind}`;
      const value = env[key];
      if (value === undefined) continue;
      if (kind === 'PORT') {
        const r = port.safeParse(value);
        if (r.success) subgraphPorts[name] = r.data;
        else problems.push(`  ${key}: must be a port number`);
      } else {
        const r = z.string().url().safeParse(value);
        if (r.success) subgraphUrls[name] = r.data;
        else problems.push(`  ${key}: must be a URL`);
      }
    }
  }
  const production = cfg.NODE_ENV === 'production';
  if (production) {
    if (!cfg.DATABASE_URL) problems.push('  DATABASE_URL: required when NODE_ENV=production');
    if (!cfg.SUBGRAPH_SECRET) problems.push('  SUBGRAPH_SECRET: required when NODE_ENV=production');
    const oidc = cfg.OIDC_JWKS_URL && cfg.OIDC_ISSUER && cfg.OIDC_AUDIENCE;
    if (!oidc && !cfg.JWT_SECRET) {
      problems.push('  OIDC_JWKS_URL, OIDC_ISSUER, OIDC_AUDIENCE: required when NODE_ENV=production (or JWT_SECRET)');
    }
  }
  if ((cfg.OIDC_JWKS_URL || cfg.OIDC_ISSUER || cfg.OIDC_AUDIENCE) && !(cfg.OIDC_JWKS_URL && cfg.OIDC_ISSUER && cfg.OIDC_AUDIENCE)) {
    problems.push('  OIDC_JWKS_URL, OIDC_ISSUER, OIDC_AUDIENCE: set all three or none');
  }
  if (production && cfg.SMTP_URL && !env.MAIL_FROM) problems.push('  MAIL_FROM: required when SMTP_URL is set in production (the sender of the e-mail)');
  if (problems.length) throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
  return { ...cfg, production, subgraphPorts, subgraphUrls };
}

/** The web console's address for links members follow from outside (e-mail): PUBLIC_URL, or the gateway's on this host. */
export function publicUrlOf(cfg: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  if (cfg.PUBLIC_URL) return cfg.PUBLIC_URL.replace(/\/+$/, '');
  const host = ['0.0.0.0', '127.0.0.1', '::', ''].includes(cfg.HOST) ? 'localhost' : cfg.HOST;
  return `http://${host}:${cfg.PORT}`;
}
