import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { secretFile } from '../auth.ts';
import type { Config } from '../config.ts';
import { ConfigError } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Queryable } from './collector.ts';

/** The audit log's head at a moment: its last row's seq and hash, signed with a key the database does not hold. */
export interface Checkpoint {
  seq: string;
  hash: string;
  /** When it was taken (UTC, ISO 8601). */
  at: string;
  /** HMAC-SHA256 over seq, hash and at, hex. */
  mac: string;
}

/** A (seq, hash) the chain must contain: from a checkpoint, or given on the command line. */
export interface Anchor {
  seq: string;
  hash: string;
}

const KEY_FILE = 'audit-checkpoint-key';

const macOf = (key: string, seq: string, hash: string, at: string) =>
  createHmac('sha256', key).update(`eunomia-audit-checkpoint\n${seq}\n${hash}\n${at}`, 'utf8').digest('hex');

export function signCheckpoint(key: string, head: Anchor, at: Date = new Date()): Checkpoint {
  const when = at.toISOString();
  return { seq: head.seq, hash: head.hash, at: when, mac: macOf(key, head.seq, head.hash, when) };
}

export function checkpointSigned(key: string, c: Checkpoint): boolean {
  const expected = Buffer.from(macOf(key, c.seq, c.hash, c.at), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(c.mac) ? c.mac : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The checkpoint key: AUDIT_CHECKPOINT_KEY, else (outside production) the key file in DATA_DIR, created when `create`. */
export async function checkpointKey(cfg: Config, opts: { create: boolean }): Promise<string> {
  if (cfg.AUDIT_CHECKPOINT_KEY) return cfg.AUDIT_CHECKPOINT_KEY;
  if (cfg.production) throw new ConfigError('Invalid environment:\n  AUDIT_CHECKPOINT_KEY: required when NODE_ENV=production (signs the audit log\'s checkpoints)');
  if (!opts.create) {
    const text = await readFile(join(cfg.DATA_DIR, KEY_FILE), 'utf8').catch(() => '');
    if (text.trim().length < 32) throw new ConfigError(`No checkpoint key: set AUDIT_CHECKPOINT_KEY (or keep ${join(cfg.DATA_DIR, KEY_FILE)})`);
    return text.trim();
  }
  return secretFile(cfg.DATA_DIR, KEY_FILE);
}

/** Where checkpoints are appended: AUDIT_CHECKPOINT_FILE, else DATA_DIR's file in embedded mode, else (production) the log alone. */
export const checkpointFile = (cfg: Config): string | null =>
  cfg.AUDIT_CHECKPOINT_FILE ?? (cfg.production ? null : join(cfg.DATA_DIR, 'audit-checkpoints.jsonl'));

/** The last row's seq and hash, or null while the log is empty. */
export async function chainHead(db: Queryable): Promise<Anchor | null> {
  const [row] = (await db.query('SELECT l.seq::text AS seq, l.hash FROM audit.log l ORDER BY l.seq DESC LIMIT 1')) as Anchor[];
  return row ?? null;
}

/**
 * Reads a checkpoint file: every line must parse and carry a valid signature; returns the checkpoints, or the
 * first line that does not hold.
 */
export async function readCheckpoints(path: string, key: string): Promise<{ checkpoints: Checkpoint[] } | { problem: string }> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  const checkpoints: Checkpoint[] = [];
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    let c: Partial<Checkpoint>;
    try {
      c = JSON.parse(line) as Partial<Checkpoint>;
    } catch {
      return { problem: `line ${i + 1} of ${path} is not a checkpoint` };
    }
    const whole = typeof c.seq === 'string' && /^\d+$/.test(c.seq) && typeof c.hash === 'string' && typeof c.at === 'string' && typeof c.mac === 'string';
    if (!whole || !checkpointSigned(key, c as Checkpoint)) return { problem: `the checkpoint on line ${i + 1} of ${path} does not carry a valid signature` };
    checkpoints.push(c as Checkpoint);
  }
  return { checkpoints };
}

/**
 * Takes a checkpoint whenever the log has grown: logs it (one line a log shipper can carry off the machine) and
 * appends it to the file, when there is one. Both are outside the database, so a truncated or rewritten log no longer matches them.
 */
export function startCheckpoints(db: Queryable, opts: { key: string; file: string | null; intervalSeconds: number; log: Logger }): { stop(): Promise<void> } {
  let last: string | null = null;
  let running: Promise<void> = Promise.resolve();
  const take = async () => {
    const head = await chainHead(db);
    if (!head || head.seq === last) return;
    const checkpoint = signCheckpoint(opts.key, head);
    opts.log.info({ auditCheckpoint: checkpoint }, 'audit checkpoint');
    last = head.seq;
    if (!opts.file) return;
    await mkdir(dirname(opts.file), { recursive: true });
    await appendFile(opts.file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  };
  const tick = () => {
    running = take().catch((err) => opts.log.error({ err }, 'audit checkpoint not taken'));
  };
  tick();
  const timer = setInterval(tick, opts.intervalSeconds * 1000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
