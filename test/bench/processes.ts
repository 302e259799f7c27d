import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';

// The benchmark's child processes (one per service, as in production): started, watched, and always stopped.

export interface Child {
  name: string;
  pid: number;
  /** The last lines the process wrote, for error messages. */
  tail(): string;
  /** Set when the process exited without being asked to. */
  exited: string | null;
  stop(): Promise<void>;
}

const running = new Set<{ proc: ChildProcess; name: string }>();

/** Starts `node [nodeFlags] --import tsx <script>` in `cwd` with exactly `env`; output goes to `<logDir>/<name>.log`. */
export function startChild(opts: {
  name: string;
  script: string;
  cwd: string;
  env: Record<string, string>;
  nodeFlags?: string[];
  logDir: string;
}): Child {
  const proc = spawn(process.execPath, [...(opts.nodeFlags ?? []), '--import', 'tsx', opts.script], {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!proc.pid) throw new Error(`Could not start ${opts.name}`);
  const entry = { proc, name: opts.name };
  running.add(entry);
  const log: WriteStream = createWriteStream(join(opts.logDir, `${opts.name}.log`));
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 40) lines.shift();
    }
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  let stopping = false;
  const child: Child = {
    name: opts.name,
    pid: proc.pid,
    tail: () => lines.join('\n'),
    exited: null,
    stop: async () => {
      stopping = true;
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const gone = new Promise<void>((ok) => proc.once('exit', () => ok()));
      proc.kill('SIGTERM');
      // A graceful stop lets --cpu-prof write its profile; a process that hangs is killed.
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
  proc.on('exit', (code, signal) => {
    running.delete(entry);
    log.end();
    if (!stopping) child.exited = `${opts.name} exited (${signal ?? `code ${code}`})`;
  });
  return child;
}

/** Waits until GET url answers 200, failing early when the process exits (starting seven at once on a busy machine is slow). */
export async function waitHealthy(child: Child, url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exited) throw new Error(`${child.exited} while starting:\n${child.tail()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${child.name} was not healthy at ${url} within ${timeoutMs / 1000} s:\n${child.tail()}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

/** Kills every child still running, synchronously (for the process's 'exit' event). */
export function killAllNow(): void {
  for (const { proc } of running) {
    try {
      proc.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}

/** Resident set size of a process in bytes (Linux /proc, else ps). */
export function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux: ask ps below
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024;
}
