import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/sequencer.ts';

// Suites that measure time run in their own project, after the others (groupOrder), on an otherwise idle machine.
const TIMING = ['test/**/*.timing.test.ts'];
export const common = {
  pool: 'forks' as const,
  testTimeout: 30_000,
  hookTimeout: 60_000,
  globalSetup: ['test/support/globalSetup.ts'],
};

export default defineConfig({
  test: {
    fileParallelism: true,
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
    reporters: ['default', './test/support/runSummaryReporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'suites', ...common,
          include: ['test/**/*.test.ts'],
          exclude: ['test/bench/**', 'test/canary/**', ...TIMING, 'node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'timing', ...common, include: TIMING, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
