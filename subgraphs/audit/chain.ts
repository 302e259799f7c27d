import { readFile } from 'node:fs/promises';
import { checkpointFile, checkpointKey, checkpointSigned, readCheckpoints } from '../../lib/audit/checkpoint.ts';
import type { Checkpoint } from '../../lib/audit/checkpoint.ts';
import type { Queryable } from '../../lib/audit/collector.ts';
import { verifyAuditChain } from '../../lib/audit/verify.ts';
import type { Config } from '../../lib/config.ts';

/** What the audit subgraph needs to judge the chain: where the signed checkpoints are, their key, how long a verdict holds. */
export interface ChainSettings {
  /** Seconds a verdict is served again before the chain is walked anew (0: walked on every request). */
  cacheSeconds: number;
  /** The checkpoint file, or null when checkpoints go to the log alone. */
  file: string | null;
  /** The checkpoint key; rejects when there is none. Never stored in the database, never answered. */
  key: () => Promise<string>;
}

export const chainSettingsOf = (cfg: Config): ChainSettings => ({
  cacheSeconds: cfg.AUDIT_CHAIN_CACHE_SECONDS,
  file: checkpointFile(cfg),
  key: () => checkpointKey(cfg, { create: false }),
});

/** No checkpoints, no key: the chain alone (the composed schema's definition, before configuration). */
export const NO_CHECKPOINTS: ChainSettings = {
  cacheSeconds: 30,
  file: null,
  key: () => Promise.reject(new Error('no checkpoint key configured')),
};

export interface CheckpointView {
  seq: string;
  hash: string;
  at: string;
  verified: boolean;
}

export interface ChainStatusView {
  intact: boolean;
  rowsChecked: string;
  head: { seq: string; hash: string } | null;
  checkedAt: string;
  firstBreak: { seq: string; entryId: string | null; at: string | null; problem: string } | null;
  anchors: number;
  latestCheckpoint: CheckpointView | null;
  checkpointProblem: string | null;
}

/** The file's last line that parses as a checkpoint, or null (no file, empty file). */
async function newestLine(path: string): Promise<Checkpoint | null> {
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  for (const line of text.split('\n').reverse()) {
    if (!line.trim()) continue;
    try {
      const c = JSON.parse(line) as Partial<Checkpoint>;
      if (typeof c.seq === 'string' && typeof c.hash === 'string' && typeof c.at === 'string') return { seq: c.seq, hash: c.hash, at: c.at, mac: String(c.mac ?? '') };
    } catch {
      // an unreadable line is reported by readCheckpoints; keep looking for the newest readable one
    }
  }
  return null;
}

/** Walks the chain once, anchored on the signed checkpoints (as `npm run audit:verify -- --checkpoints FILE` does). */
export async function chainStatus(db: Queryable, settings: ChainSettings, now: () => Date = () => new Date()): Promise<ChainStatusView> {
  const checkedAt = now().toISOString();
  const newest = settings.file ? await newestLine(settings.file) : null;
  let key: string | null = null;
  let checkpointProblem: string | null = null;
  let anchors: Checkpoint[] = [];
  if (newest && settings.file) {
    key = await settings.key().catch(() => null);
    if (!key) checkpointProblem = 'no checkpoint key is configured here, so the checkpoints cannot be verified';
    else {
      const read = await readCheckpoints(settings.file, key);
      // The file's place on the server is no business of the answer.
      if ('problem' in read) checkpointProblem = read.problem.replaceAll(settings.file, 'the checkpoint file');
      else anchors = read.checkpoints;
    }
  }
  const verdict = await verifyAuditChain(db, 1000, anchors);
  return {
    intact: verdict.intact,
    rowsChecked: String(verdict.rows),
    head: verdict.intact ? verdict.last : null,
    checkedAt,
    firstBreak: verdict.intact ? null : { seq: verdict.broken.seq, entryId: verdict.broken.id, at: verdict.broken.at, problem: verdict.broken.problem },
    anchors: anchors.length,
    latestCheckpoint: newest ? { seq: newest.seq, hash: newest.hash, at: newest.at, verified: key !== null && checkpointSigned(key, newest) } : null,
    checkpointProblem,
  };
}

/** One verdict per process, served again for `cacheSeconds`: a page load must not walk millions of rows each time. */
export function cachedChainStatus(settings: ChainSettings, now: () => number = Date.now) {
  let cached: { until: number; status: Promise<ChainStatusView> } | null = null;
  return (db: Queryable): Promise<ChainStatusView> => {
    if (cached && now() < cached.until) return cached.status;
    const status = chainStatus(db, settings);
    const entry = { until: now() + settings.cacheSeconds * 1000, status };
    cached = entry;
    // A failed walk is not remembered.
    status.catch(() => {
      if (cached === entry) cached = null;
    });
    return status;
  };
}
