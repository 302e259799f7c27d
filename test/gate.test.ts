import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';

// The exit status is the contract with CI: a run with a failing test must exit non-zero. This runs vitest, with the
// project's configuration and global setup, on a test that fails on purpose (test/canary/, outside the normal run).
it('a failing test makes the test run exit non-zero', { timeout: 120_000 }, async () => {
  const run = spawn('npx', ['vitest', 'run', '--config', 'test/canary/vitest.config.ts'], {
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  run.stdout.on('data', (c) => (output += c));
  run.stderr.on('data', (c) => (output += c));
  const code = await new Promise<number | null>((ok) => run.on('close', ok));
  expect(output).toMatch(/Tests +1 failed \(1\)/);
  expect(output).toContain('fails on purpose');
  expect(code).toBe(1);
});
