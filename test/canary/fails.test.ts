import { expect, it } from 'vitest';

// Run only by test/gate.test.ts, which proves that a failing test fails the run. Outside the normal include.
it('fails on purpose', () => {
  expect(1).toBe(2);
});
