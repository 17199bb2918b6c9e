import { type Config, pgliteDir } from '../server/config';
import { type Database, migrateToLatest, openDatabase } from '../server/db/client';
import { lockDataDir } from '../server/db/embedded-lock';

/** Opens the configured database for a one-off command (locking an embedded directory), runs fn, closes. */
export async function withDatabase<T>(
  config: Config,
  fn: (database: Database) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  const unlock = config.databaseUrl ? undefined : await lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({
      url: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : pgliteDir(config),
      poolSize: 2,
    });
    try {
      if (opts.migrate !== false) await migrateToLatest(database.db);
      return await fn(database);
    } finally {
      await database.close();
    }
  } finally {
    await unlock?.();
  }
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
