import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, migrateToLatest, openDatabase } from '../server/db/client';
import { DEFAULT_TEST_DATABASE_URL } from './pg-global-setup';

export const TEST_DB_KIND = process.env.MANYI_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const PG_AVAILABLE = TEST_DB_KIND !== 'postgres' || process.env.MANYI_PG_AVAILABLE !== '0';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the PostgreSQL
 * server (dropped again by `close`).
 */
export async function freshDatabase(): Promise<Database & { url: string | undefined }> {
  if (TEST_DB_KIND === 'pglite') {
    const database = await openDatabase({});
    await migrateToLatest(database.db);
    return { ...database, url: undefined };
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const name = `manyi_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  await migrateToLatest(database.db);
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
