import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../lib/database.ts';

// `npm start` as a user runs it: its own DATA_DIR and PORT, embedded PostgreSQL, Ctrl-C to stop.
const dataDir = await mkdtemp(join(tmpdir(), 'eunomia-start-'));
const { chmod } = await import('node:fs/promises');
await chmod(dataDir, 0o755);
let child: ChildProcess | null = null;

afterAll(async () => {
  child?.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

async function start(port: number): Promise<{ proc: ChildProcess; output: () => string }> {
  const proc = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn', JWT_SECRET: '', SUBGRAPH_SECRET: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child = proc;
  let out = '';
  proc.stdout!.on('data', (c) => (out += c));
  proc.stderr!.on('data', (c) => (out += c));
  const began = Date.now();
  while (!out.includes('Press Ctrl-C to stop.')) {
    if (proc.exitCode !== null) throw new Error(`npm start exited early:\n${out}`);
    if (Date.now() - began > 60_000) throw new Error(`npm start did not come up within 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { proc, output: () => out };
}

/** Ctrl-C to the whole process group; resolves once npm is gone, with whether PostgreSQL shut down cleanly. */
async function stop(proc: ChildProcess, output: () => string): Promise<{ stopped: boolean; pgCleanlyDown: boolean }> {
  const exited = new Promise<void>((ok) => proc.on('exit', () => ok()));
  process.kill(-proc.pid!, 'SIGINT');
  await exited;
  const pgCleanlyDown = !existsSync(join(dataDir, 'pg', 'postmaster.pid'));
  return { stopped: output().includes('Stopped.'), pgCleanlyDown };
}

describe('npm start', () => {
  it('comes up seeded, prints the URLs and how to get a token, stops cleanly, and reuses its data', { timeout: 150_000 }, async () => {
    const port = await freePort();
    const first = await start(port);
    expect(first.output()).toContain(`Gateway:   http://localhost:${port}/graphql`);
    expect(first.output()).toContain(`GraphiQL:  http://localhost:${port}/`);
    expect(first.output()).toContain('npm run token -- demo-manager-es');
    expect(first.output()).toMatch(/Seeds: +loaded directory/);

    const token = await new Promise<string>((ok, fail) => {
      const t = spawn('npm', ['run', '-s', 'token', '--', 'demo-practitioner-de', '--ttl', '5m'], { env: { ...process.env, DATA_DIR: dataDir, JWT_SECRET: '' } });
      let out = '';
      t.stdout.on('data', (c) => (out += c));
      t.on('exit', (code) => (code === 0 ? ok(out.trim()) : fail(new Error(`token exited ${code}`))));
    });
    const res = await fetch(`http://localhost:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(await res.json()).toEqual({ data: { me: { id: 'demo-practitioner-de' } } });

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
    const reindexed = await new Promise<{ out: string; err: string }>((ok, fail) => {
      const t = spawn('npm', ['run', '-s', 'reindex'], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' } });
      let out = '';
      let err = '';
      t.stdout.on('data', (c) => (out += c));
      t.stderr.on('data', (c) => (err += c));
      t.on('exit', (code) => (code === 0 ? ok({ out, err }) : fail(new Error(`reindex exited ${code}: ${err}`))));
    });
    expect(reindexed.err).toMatch(/\[#+\] 100% (\d+)\/\1 documents/);
    expect(reindexed.out).toMatch(/Indexed \d+ documents into postgres/);
    expect(await totalFor()).toBe(seededTotal);

    expect(await stop(first.proc, first.output)).toEqual({ stopped: true, pgCleanlyDown: true });
    const again = await start(port);
    expect(again.output()).toMatch(/Seeds: +already loaded/);
    expect(await stop(again.proc, again.output)).toEqual({ stopped: true, pgCleanlyDown: true });
  });
});
