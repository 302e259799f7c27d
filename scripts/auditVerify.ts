import { parseArgs } from 'node:util';
import { checkpointKey, readCheckpoints } from '../lib/audit/checkpoint.ts';
import type { Anchor } from '../lib/audit/checkpoint.ts';
import { describeVerdict, verifyAuditChain } from '../lib/audit/verify.ts';
import { ConfigError, loadConfig } from '../lib/config.ts';
import { NoPlatformData, prepareDatabases } from './platform.ts';

// Checks the audit log's hash chain, and that it still holds what checkpoints recorded: exits 0 when intact, 1 naming
// the first break, 2 when it could not check.
//   npm run audit:verify [-- --expect-seq N --expect-hash H] [-- --checkpoints FILE]

class Usage extends Error {}

async function anchorsFrom(argv: string[], cfg: ReturnType<typeof loadConfig>): Promise<{ anchors: Anchor[] } | { problem: string }> {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: { 'expect-seq': { type: 'string' }, 'expect-hash': { type: 'string' }, checkpoints: { type: 'string' } },
  });
  const anchors: Anchor[] = [];
  const seq = values['expect-seq'];
  const hash = values['expect-hash'];
  if ((seq === undefined) !== (hash === undefined)) throw new Usage('--expect-seq and --expect-hash go together.');
  if (seq !== undefined && hash !== undefined) {
    if (!/^[1-9]\d*$/.test(seq)) throw new Usage('--expect-seq must be a positive whole number.');
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Usage('--expect-hash must be 64 hexadecimal characters.');
    anchors.push({ seq, hash });
  }
  if (values.checkpoints !== undefined) {
    const read = await readCheckpoints(values.checkpoints, await checkpointKey(cfg, { create: false }));
    if ('problem' in read) return read;
    anchors.push(...read.checkpoints);
  }
  return { anchors };
}

async function main(): Promise<number> {
  const cfg = loadConfig();
  const wanted = await anchorsFrom(process.argv.slice(2), cfg);
  if ('problem' in wanted) {
    console.log(`Checkpoints not trusted: ${wanted.problem}.`);
    return 1;
  }
  const dbs = await prepareDatabases(cfg, { poolSize: 2, reuseRunning: true, existingOnly: true });
  try {
    const verdict = await verifyAuditChain(dbs.kernel, 1000, wanted.anchors);
    console.log(describeVerdict(verdict));
    return verdict.intact ? 0 : 1;
  } finally {
    await dbs.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  const known = err instanceof ConfigError || err instanceof NoPlatformData || err instanceof Usage || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(known ? (err as Error).message : `Audit verification failed: ${(err as Error).message}`);
  process.exit(2);
});
