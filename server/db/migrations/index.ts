import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001-foundation';

/** Forward-only migrations, in order. Add a file and list it here; never edit a landed one. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
