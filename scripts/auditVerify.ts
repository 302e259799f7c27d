import { describeVerdict, verifyAuditChain } from '../lib/audit/verify.ts';
import { ConfigError, loadConfig } from '../lib/config.ts';
import { NoPlatformData, prepareDatabases } from './platform.ts';

// Checks the audit log's hash chain: exits 0 when intact, 1 naming the first broken row.
async function main(): Promise<number> {
  const cfg = loadConfig();
  const dbs = await prepareDatabases(cfg, { poolSize: 2, reuseRunning: true, existingOnly: true });
  try {
    const verdict = await verifyAuditChain(dbs.kernel);
    console.log(describeVerdict(verdict));
    return verdict.intact ? 0 : 1;
  } finally {
    await dbs.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(err instanceof ConfigError || err instanceof NoPlatformData ? err.message : `Audit verification failed: ${(err as Error).message}`);
  process.exit(2);
});
