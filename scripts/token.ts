import { resolve } from 'node:path';
import { keySetup, signToken } from '../lib/auth.ts';
import { ConfigError, loadConfig } from '../lib/config.ts';
import { NoPlatformData, prepareDatabases } from './platform.ts';

const USAGE = 'Usage: npm run token -- <memberId> [--ttl 8h]   (ttl: a number followed by s, m, h or d)';

/** The member id and lifetime from the command line, or null when they do not parse. */
function tokenArguments(args: string[]): { memberId: string; ttl: string } | null {
  const ttlAt = args.indexOf('--ttl');
  const ttl = ttlAt >= 0 ? args[ttlAt + 1] : '8h';
  const positional = args.filter((a, i) => !a.startsWith('--') && (ttlAt < 0 || i !== ttlAt + 1));
  if (positional.length !== 1 || !ttl || !/^\d+[smhd]$/.test(ttl)) return null;
  return { memberId: positional[0]!, ttl };
}

// Prints a signed JWT for a seeded member (embedded mode only). Reads what `npm start` made; never creates anything.
async function main(): Promise<number> {
  const parsed = tokenArguments(process.argv.slice(2));
  if (!parsed) {
    console.error(USAGE);
    return 2;
  }
  const cfg = loadConfig();
  if (cfg.production) {
    console.error('npm run token is for embedded mode only: in production, tokens come from your identity provider.');
    return 1;
  }
  if (cfg.OIDC_JWKS_URL && cfg.OIDC_ISSUER && cfg.OIDC_AUDIENCE) {
    console.error('OIDC is configured: tokens come from the identity provider, not from this command.');
    return 1;
  }
  const dbs = await prepareDatabases({ ...cfg, LOG_LEVEL: 'silent' }, { poolSize: 2, reuseRunning: true, existingOnly: true });
  try {
    const rows: { member_id: string; agency_id: string; tier: string | null; roles: string[] }[] = await dbs.kernel.query(
      'SELECT member_id, agency_id, tier, roles FROM access.principals WHERE member_id = $1 AND active', [parsed.memberId],
    );
    const p = rows[0];
    if (!p) {
      const demo: { member_id: string }[] = await dbs.kernel.query(
        "SELECT member_id FROM access.principals WHERE active AND member_id LIKE 'demo-%' ORDER BY member_id",
      );
      const where = cfg.DATABASE_URL ? 'the database at DATABASE_URL' : `the data in ${resolve(cfg.DATA_DIR)}`;
      console.error(`No active member "${parsed.memberId}" in ${where}.${demo.length
        ? ` Demo members: ${demo.map((d) => d.member_id).join(', ')}.`
        : ' It holds no demo members: load the seeds (npm start, or npm run seed).'}`);
      return 1;
    }
    const keys = await keySetup(cfg);
    console.log(await signToken(keys, { sub: p.member_id, agency: p.agency_id, tier: p.tier, roles: p.roles }, parsed.ttl));
    return 0;
  } finally {
    await dbs.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(err instanceof ConfigError || err instanceof NoPlatformData ? err.message : `Could not mint a token: ${(err as Error).message}`);
  process.exit(1);
});
