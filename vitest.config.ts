import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // Long reliability runs (real server processes killed and restarted) only in `npm run test:reliability`.
    exclude: process.env.THANTHIEN_LONG === '1' ? ['**/node_modules/**'] : ['**/node_modules/**', 'test/reliability/**/*.long.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
