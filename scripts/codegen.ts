/**
 * Regenerates server/db/tables.ts from the migrations: migrates a scratch database on the PostgreSQL
 * server (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test) and runs kysely-codegen on it.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../server/db/client';

const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `manyi_codegen_${randomBytes(4).toString('hex')}`;
const client = new pg.Client({ connectionString: admin });
await client.connect();
await client.query(`create database ${name}`);
const url = new URL(admin);
url.pathname = `/${name}`;
try {
  const database = await openDatabase({ url: url.toString() });
  await migrateToLatest(database.db);
  await database.close();
  execFileSync(
    'npx',
    [
      'kysely-codegen',
      '--dialect',
      'postgres',
      '--camel-case',
      '--url',
      url.toString(),
      '--exclude-pattern',
      'manyi_migration*',
      '--date-parser',
      'string',
      '--type-mapping',
      JSON.stringify({ int8: 'number' }),
      '--out-file',
      'server/db/tables.ts',
    ],
    { stdio: 'inherit' },
  );
} finally {
  await client.query(`drop database if exists ${name} with (force)`);
  await client.end();
}
