import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from './client';

/**
 * Takes a consistent copy of a live embedded database: the dump runs while holding Kysely's single
 * PGlite connection, so no transaction is half-way. Written to a temp file and renamed into place.
 */
export async function backupEmbedded(database: Database, file: string): Promise<number> {
  const pglite = database.pglite;
  if (!pglite) throw new Error('Backup of a PostgreSQL server: use pg_dump (see README, "Backup and restore")');
  const blob = await database.db.connection().execute(async () => pglite.dumpDataDir('gzip'));
  const bytes = Buffer.from(await blob.arrayBuffer());
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes, { mode: 0o600 });
  fs.renameSync(tmp, target);
  return bytes.length;
}

/** Restores a backup into an empty (or missing) data directory. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`Backup file ${file} does not exist`);
  const entries = fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [];
  if (entries.length > 0)
    throw new Error(
      `The data directory ${path.dirname(dataDir)} already holds a database; restore into a new, empty directory (MANYI_DATA_DIR=…)`,
    );
  const data = fs.readFileSync(file);
  fs.mkdirSync(dataDir, { recursive: true });
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir, loadDataDir: new Blob([data]) });
  } catch (e) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${file} is not a readable Manyi backup: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
  await pglite.query('select 1');
  await pglite.close();
}
