import { defineConfig } from 'vitest/config';

/** Browser flows: real headless Chromium (playwright-core, /usr/bin/chromium) against a real server. */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A page answers in well under a second alone, but CI shares two cores with the server, PGlite and Chromium:
    // every expect.poll waits up to 15 s (vitest's default is 1 s) before it fails.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
