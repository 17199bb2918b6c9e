import { defineConfig } from 'vitest/config';

/** Browser flows: real headless Chromium (playwright-core, /usr/bin/chromium) against a real server. */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
