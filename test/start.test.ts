import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start` as a user runs it: its own DATA_DIR (made by mkdtemp, mode 0700) and PORT, embedded PostgreSQL, Ctrl-C.
const dataDir = await mkdtemp(join(tmpdir(), 'eunomia-start-'));
const children: ChildProcess[] = [];
const scratch: string[] = [dataDir];

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) process.kill(-c.pid!, 'SIGKILL');
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

const env = (extra: Record<string, string>) => ({
  ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', JWT_SECRET: '', SUBGRAPH_SECRET: '', DATABASE_URL: '', ...extra,
});

/** Runs an npm script to its end; resolves with its exit code and everything it printed. */
async function runScript(args: string[], extra: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const proc = spawn('npm', ['run', '-s', ...args], { env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (c) => (out += c));
  proc.stderr.on('data', (c) => (err += c));
  const code = await new Promise<number | null>((ok) => proc.on('close', ok));
  return { code, out, err };
}

async function start(port: number, dir = dataDir): Promise<{ proc: ChildProcess; output: () => string; exit: Promise<number | null> }> {
  const proc = spawn('npm', ['start'], { env: env({ PORT: String(port), DATA_DIR: dir }), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.push(proc);
  let out = '';
  proc.stdout!.on('data', (c) => (out += c));
  proc.stderr!.on('data', (c) => (out += c));
  const exit = new Promise<number | null>((ok) => proc.on('close', ok));
  return { proc, output: () => out, exit };
}

async function startUp(port: number) {
  const run = await start(port);
  await expect.poll(() => run.output().includes('Press Ctrl-C to stop.') || run.proc.exitCode !== null, { timeout: 60_000, interval: 100 }).toBe(true);
  expect(run.proc.exitCode, run.output()).toBeNull();
  return run;
}

/** Ctrl-C as a terminal sends it: to the whole process group. */
async function ctrlC(run: Awaited<ReturnType<typeof start>>) {
  process.kill(-run.proc.pid!, 'SIGINT');
  const code = await run.exit;
  return { code, output: run.output(), pidFileLeft: existsSync(join(dataDir, 'pg', 'postmaster.pid')) };
}

/**
 * A gateway port whose next 8 ports (the subgraphs') are free too, below the range the system hands out for port 0
 * and outgoing connections, so that the suites running beside this one cannot take them in the meantime.
 */
async function freePortBlock(): Promise<number> {
  const bindable = (port: number) => new Promise<boolean>((ok) => {
    const srv = createServer().once('error', () => ok(false)).listen(port, '127.0.0.1', () => srv.close(() => ok(true)));
  });
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 10_000);
    const ports = Array.from({ length: 9 }, (_, i) => base + i);
    if ((await Promise.all(ports.map(bindable))).every(Boolean)) return base;
  }
}

const NODE_WARNING = /Warning|\(node:\d+\)|ECONNREFUSED|shutting down|consumer failed|"level":/;

describe('npm start', () => {
  it('comes up seeded, prints the URLs and how to get a token, stops cleanly, and reuses its data', { timeout: 300_000 }, async () => {
    const port = await freePortBlock();
    const first = await startUp(port);
    expect(first.output()).toContain(`Console:   http://localhost:${port}/ `);
    expect(first.output()).toContain(`API:       http://localhost:${port}/graphql`);
    expect(first.output()).toContain(`GraphiQL:  http://localhost:${port}/graphiql`);
    expect(first.output()).toMatch(/Web console: (up to date|built in)/);
    expect(first.output()).toContain(`DATA_DIR=${dataDir} npm run token -- demo-manager-es`);
    expect(first.output()).toMatch(/Seeds: +loaded directory/);

    const token = await runScript(['token', '--', 'demo-practitioner-de', '--ttl', '5m'], { DATA_DIR: dataDir });
    expect(token.code).toBe(0);
    const res = await fetch(`http://localhost:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.out.trim()}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(await res.json()).toEqual({ data: { me: { id: 'demo-practitioner-de' } } });
    const unknown = await runScript(['token', '--', 'demo-manager-ez'], { DATA_DIR: dataDir });
    expect(unknown).toMatchObject({ code: 1, out: '' });
    expect(unknown.err).toContain('No active member "demo-manager-ez"');
    expect(unknown.err).toContain('Demo members: demo-admin, demo-auditor, demo-manager-de, demo-manager-es');
    const usage = await runScript(['token', '--', 'demo-manager-es', '--ttl', 'forever'], { DATA_DIR: dataDir });
    expect(usage).toMatchObject({ code: 2, out: '' });
    expect(usage.err).toContain('Usage: npm run token');

    // The seeds are searchable right away, and `npm run reindex` rebuilds the index beside the running platform.
    const totalFor = async () => {
      const r = await fetch(`http://localhost:${port}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ search(query: "social media") { total } }' }),
      });
      return ((await r.json()) as { data: { search: { total: number } } }).data.search.total;
    };
    const seededTotal = await totalFor();
    expect(seededTotal).toBeGreaterThan(0);
    const reindexed = await runScript(['reindex'], { DATA_DIR: dataDir });
    expect(reindexed.code, reindexed.err).toBe(0);
    expect(reindexed.err).toMatch(/\[#+\] 100% (\d+)\/\1 documents/);
    expect(reindexed.out).toMatch(/Indexed \d+ documents into postgres/);
    expect(await totalFor()).toBe(seededTotal);

    const stopped = await ctrlC(first);
    expect(stopped.output).toMatch(/Stopped\.\n$/);
    expect(stopped.output).not.toMatch(NODE_WARNING);
    expect(stopped).toMatchObject({ code: 0, pidFileLeft: false });

    const again = await startUp(port);
    expect(again.output()).toMatch(/Seeds: +already loaded/);
    const stoppedAgain = await ctrlC(again);
    expect(stoppedAgain.output).toMatch(/Stopped\.\n$/);
    expect(stoppedAgain.output).not.toMatch(NODE_WARNING);
    expect(stoppedAgain).toMatchObject({ code: 0, pidFileLeft: false });
  });

  it('exits non-zero within seconds, saying why and what to do, when PostgreSQL cannot reach its data directory', { timeout: 60_000 }, async () => {
    // As root, PostgreSQL runs as "postgres", which cannot pass a 0700 directory of root's; as another user, a
    // directory without any permission stops everyone.
    const closed = await mkdtemp(join(tmpdir(), 'eunomia-closed-'));
    scratch.push(closed);
    if (process.getuid?.() !== 0) await chmod(closed, 0o000);
    const began = Date.now();
    const run = await start(await freePortBlock(), join(closed, 'data'));
    const code = await run.exit;
    expect(code).toBe(1);
    // Generous for a loaded 2-core machine (most of it is loading the code); a hang would never end.
    expect(Date.now() - began).toBeLessThan(45_000);
    expect(run.output()).toMatch(process.getuid?.() === 0 ? /cannot enter .*eunomia-closed-.*chmod o\+x/s : /EACCES|permission denied/i);
  });

  it('refuses a port in use with a sentence, stops the PostgreSQL it started, and exits 1', { timeout: 90_000 }, async () => {
    const port = await freePortBlock();
    const squatter = createServer().listen(port, '127.0.0.1');
    try {
      const run = await start(port);
      expect(await run.exit).toBe(1);
      // The squatter holds the gateway's port; a subgraph (on the ports after it) may meet another test's port first.
      const refusal = /(The gateway|The \w+ subgraph) cannot listen on 127\.0\.0\.1:(\d+): the port is in use\./.exec(run.output());
      expect(refusal, run.output()).not.toBeNull();
      expect(Number(refusal![2]) - port).toBeGreaterThanOrEqual(0);
      expect(Number(refusal![2]) - port).toBeLessThanOrEqual(8);
      expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    } finally {
      squatter.close();
    }
  });
});

describe('npm run token', () => {
  it('looks only where it is told: no data there is an error naming the directory, and nothing is created', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'eunomia-token-'));
    scratch.push(parent);
    const missing = join(parent, 'never-started');
    const r = await runScript(['token', '--', 'demo-manager-es'], { DATA_DIR: missing });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`No Eunomia data in ${missing} (DATA_DIR)`);
    expect(r.out).toBe('');
    expect(await readdir(parent)).toEqual([]);
  });

});
