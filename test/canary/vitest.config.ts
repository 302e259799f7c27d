import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base, { common } from '../../vitest.config.ts';

// The project's own configuration (its global setup with embedded PostgreSQL included), pointed at the canary only.
const { projects: _projects, ...shared } = base.test!;

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { ...shared, ...common, include: ['test/canary/**/*.test.ts'], exclude: ['node_modules/**'], reporters: ['default'] },
});
