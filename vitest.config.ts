import { defineConfig } from 'vitest/config';

const serverTests = ['server/**/*.test.ts', 'cli/**/*.test.ts'];
const unitOnly = ['server/db/script.test.ts'];

/**
 * Three projects: pure unit tests; the data-layer/HTTP tests on embedded PGlite; and the same files
 * again on the PostgreSQL server (TEST_DATABASE_URL, default the local server's `test` database).
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['core/**/*.test.ts', 'server/db/script.test.ts'] } },
      {
        extends: true,
        test: { name: 'pglite', include: serverTests, exclude: unitOnly, env: { MANYI_TEST_DB: 'pglite' } },
      },
      {
        extends: true,
        test: {
          name: 'pg',
          include: serverTests,
          exclude: unitOnly,
          env: { MANYI_TEST_DB: 'postgres' },
          globalSetup: ['tests/pg-global-setup.ts'],
        },
      },
    ],
  },
});
