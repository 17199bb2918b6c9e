import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import type { DB } from './tables';
import { migrationProvider } from './migrations/index';

export type Db = Kysely<DB>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Where the data lives, for messages: a directory, `memory`, or the server URL without password. */
  location: string;
  /** The embedded instance, when kind is `pglite` (used by backup). */
  pglite: PGlite | undefined;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… for a PostgreSQL server; otherwise embedded PGlite. */
  url?: string | undefined;
  /** PGlite data directory; omit for an in-memory database. */
  dataDir?: string | undefined;
  /** PGlite only: start from a backup tarball. */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

// bigint (count(*), sequences) as JS numbers: every value we keep in int8 fits in 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));
// numeric stays a string (exact money and scores); date stays a string (no time-zone shift).
pg.types.setTypeParser(1082, (v: string) => v);

const plugins = [new CamelCasePlugin()];

/** The driver under a Kysely instance, for bulk paths Kysely cannot express (COPY FROM STDIN / a blob). */
export type RawHandle = { kind: 'postgres'; pool: pg.Pool } | { kind: 'pglite'; pglite: PGlite };
const rawHandles = new WeakMap<Db, RawHandle>();
export const rawHandleOf = (db: Db): RawHandle | undefined => rawHandles.get(db);

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle client dropped by the server (restart, admin command) must not crash the process.
    pool.on('error', (err) => process.stderr.write(`PostgreSQL connection lost: ${err.message}\n`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
    rawHandles.set(db, { kind: 'postgres', pool });
    return {
      db,
      kind: 'postgres',
      location: redactUrl(opts.url),
      pglite: undefined,
      close: () => db.destroy(),
    };
  }
  const pglite = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    parsers: {
      [pgliteTypes.INT8]: (v: string) => Number(v),
      [pgliteTypes.DATE]: (v: string) => v,
    },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }), plugins });
  rawHandles.set(db, { kind: 'pglite', pglite });
  return {
    db,
    kind: 'pglite',
    location: opts.dataDir ?? 'memory',
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    migrationTableName: 'manyi_migrations',
    migrationLockTableName: 'manyi_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}

export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
