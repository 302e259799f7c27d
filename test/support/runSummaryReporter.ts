import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

/** Where every run leaves its counts; .ci/run refuses to pass unless they show tests ran and none failed. */
export const RUN_SUMMARY = '.test-results/summary.json';

/** Writes the run's counts to RUN_SUMMARY, silently, so the output still ends with vitest's own summary. */
export default class RunSummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason) {
    const tests = modules.flatMap((m) => [...m.children.allTests()]);
    const count = (state: string) => tests.filter((t) => t.result().state === state).length;
    const summary = {
      reason,
      files: modules.length,
      failedFiles: modules.filter((m) => m.state() === 'failed').map((m) => m.moduleId),
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      unhandledErrors: unhandledErrors.length,
    };
    mkdirSync(dirname(RUN_SUMMARY), { recursive: true });
    writeFileSync(RUN_SUMMARY, `${JSON.stringify(summary, null, 2)}\n`);
  }
}
