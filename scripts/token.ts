import { ConfigError, loadConfig } from '../lib/config.ts';
import { keySetup, signToken } from '../lib/auth.ts';
import { prepareDatabases } from './platform.ts';

// Prints a signed JWT for a seeded member (embedded mode only).
async function main() {
  const args = process.argv.slice(2);
  const memberId = args.find((a) => !a.startsWith('--'));
  const ttlIndex = args.indexOf('--ttl');
  const ttl = ttlIndex >= 0 ? args[ttlIndex + 1] : '8h';
  if (!memberId || !ttl || !/^\d+[smhd]$/.test(ttl)) {
    console.error('Usage: npm run token -- <memberId> [--ttl 8h]   (ttl: a number followed by s, m, h or d)');
    process.exit(2);
  }
  const cfg = loadConfig();
  if (cfg.production) {
    console.error('npm run token is for embedded mode only: in production, tokens come from your identity provider.');
    process.exit(1);
  }
  const keys = await keySetup(cfg);
  if (keys.kind !== 'secret') {
    console.error('OIDC is configured: tokens come from the identity provider, not from this command.');
    process.exit(1);
  }
  const dbs = await prepareDatabases({ ...cfg, LOG_LEVEL: 'silent' }, { poolSize: 2, reuseRunning: true });
  try {
    const rows: { member_id: string; agency_id: string; tier: string | null; roles: string[]; active: boolean }[] =
      await dbs.kernel.query('SELECT member_id, agency_id, tier, roles, active FROM access.principals WHERE member_id = $1', [memberId]);
    const p = rows[0];
    if (!p || !p.active) {
      console.error(`No active member "${memberId}". Has the platform been started once (npm start) so the seeds are loaded?`);
      process.exitCode = 1;
      return;
    }
    console.log(await signToken(keys, { sub: p.member_id, agency: p.agency_id, tier: p.tier, roles: p.roles }, ttl));
  } finally {
    await dbs.close();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `Could not mint a token: ${(err as Error).message}`);
  process.exit(1);
});
