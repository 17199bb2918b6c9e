import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manyi } from '../tests/cli-runner';
import { testConfig } from '../tests/harness';
import { freshDatabase, TEST_DB_KIND } from '../tests/test-db';
import { startServer } from './main';

describe(`starting the server on ${TEST_DB_KIND}`, { timeout: 120_000 }, () => {
  it.runIf(TEST_DB_KIND === 'pglite')(
    'migrates and seeds demo data on the first start of an empty embedded database',
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'manyi-start-'));
      const server = await startServer(testConfig({ dataDir, port: 0, host: '127.0.0.1' }), { quiet: true });
      try {
        const health = await fetch(`${server.url.replace('localhost', '127.0.0.1')}/api/health`);
        expect(health.status).toBe(200);
        const users = await server.database.db.selectFrom('users').select('username').execute();
        expect(users.map((u) => u.username)).toContain('cs_agent');
      } finally {
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );

  it.runIf(TEST_DB_KIND === 'postgres')(
    'never seeds demo data on a PostgreSQL server unless asked with seed-demo',
    async () => {
      const target = await freshDatabase();
      const url = target.url ?? '';
      await target.db.destroy();
      const server = await startServer(testConfig({ databaseUrl: url, port: 0, host: '127.0.0.1' }), { quiet: true });
      try {
        expect(await server.database.db.selectFrom('dealerGroups').selectAll().execute()).toEqual([]);
      } finally {
        await server.stop();
      }
      const seeded = manyi(['seed-demo'], { DATABASE_URL: url });
      expect(seeded.stdout, seeded.stderr).toContain('Seeded 3 dealers');
      const backup = manyi(['backup', '/tmp/x.tgz'], { DATABASE_URL: url });
      expect(backup.code).toBe(2);
      expect(backup.stderr).toContain('pg_dump');
      await target.close().catch(() => {});
    },
  );
});
