import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.ts';

// The project's own configuration (its global setup with embedded PostgreSQL included), pointed at the canary only.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { ...base.test, include: ['test/canary/**/*.test.ts'], exclude: ['node_modules/**'], reporters: ['default'] },
});
