import { parseArgs } from 'node:util';
import { checkpointKey, readCheckpoints } from '../lib/audit/checkpoint.ts';
import type { Anchor } from '../lib/audit/checkpoint.ts';
import { describeVerdict, verifyAuditChain } from '../lib/audit/verify.ts';
import { ConfigError, loadConfig } from '../lib/config.ts';
import { NoPlatformData, prepareDatabases } from './platform.ts';

// Checks the audit log's hash chain, and that it still holds what checkpoints recorded: 0 when intact, 1 naming the
// first break, 2 when it could not check. scripts/auditVerify.ts runs it as `npm run audit:verify`.

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

export interface VerifyOutcome {
  code: 0 | 1 | 2;
  /** The verdict, for standard output. */
  out: string;
  /** Why it could not check, for standard error. */
  err: string;
}

async function verify(argv: string[], env: NodeJS.ProcessEnv): Promise<VerifyOutcome> {
  const cfg = loadConfig(env);
  const wanted = await anchorsFrom(argv, cfg);
  if ('problem' in wanted) return { code: 1, out: `Checkpoints not trusted: ${wanted.problem}.\n`, err: '' };
  const dbs = await prepareDatabases(cfg, { poolSize: 2, reuseRunning: true, existingOnly: true });
  try {
    const verdict = await verifyAuditChain(dbs.kernel, 1000, wanted.anchors);
    return { code: verdict.intact ? 0 : 1, out: `${describeVerdict(verdict)}\n`, err: '' };
  } finally {
    await dbs.close();
  }
}

/** `npm run audit:verify [-- --expect-seq N --expect-hash H] [-- --checkpoints FILE]`, with its arguments and environment. */
export async function auditVerify(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<VerifyOutcome> {
  try {
    return await verify(argv, env);
  } catch (err) {
    const known = err instanceof ConfigError || err instanceof NoPlatformData || err instanceof Usage || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    return { code: 2, out: '', err: `${known ? (err as Error).message : `Audit verification failed: ${(err as Error).message}`}\n` };
  }
}
