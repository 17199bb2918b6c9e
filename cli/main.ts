import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { loadConfig, pgliteDir, type Config } from '../server/config';
import { backupEmbedded, restoreEmbedded } from '../server/db/backup';
import { sendControl } from '../server/db/control-socket';
import { DataDirLockedError, isDataDirLocked } from '../server/db/embedded-lock';
import { hasAnyOrganisation, seedDemo } from '../server/db/seed/demo';
import { verifyAuditChains } from '../server/features/audit/audit.service';
import { ensureWebBuilt } from './web-build';
import { CliError, withDatabase } from './context';
import { importCommand } from './import-command';
import { userCommands } from './user-commands';

/** Runs the `manyi` CLI; returns the process exit code. */
export async function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(`${s}\n`),
): Promise<number> {
  let config: Config | undefined;
  const getConfig = () => (config ??= loadConfig());
  const program = new Command('manyi')
    .description('Manyi (满意): customer-satisfaction management for car dealerships')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('serve')
    .description('Migrate, seed demo data into a new embedded database, and serve the web UI and API')
    .action(async () => {
      const cfg = getConfig();
      await ensureWebBuilt(out);
      const { startServer, stopOnSignals } = await import('../server/main');
      stopOnSignals(await startServer(cfg));
      await new Promise(() => {});
    });

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      await withDatabase(getConfig(), async () => out('Database is up to date.'));
    });

  program
    .command('seed-demo')
    .description('Load the demo group, dealers, users, staff and three months of DMS data into an empty database')
    .action(async () => {
      const cfg = getConfig();
      await withDatabase(cfg, async (database) => {
        const { db } = database;
        if (await hasAnyOrganisation(db))
          throw new CliError('This database already has an organisation; seed-demo only fills an empty database.');
        const r = await seedDemo(db, cfg);
        out(`Seeded 3 dealers, ${r.users} users and ${r.staff} staff. Demo password: ${cfg.demoPassword}`);
        const { seedDemoDms } = await import('../server/main');
        await seedDemoDms(database, cfg);
        out('Imported demo customers, vehicles, sales and repair orders through the DMS import.');
      });
    });

  program.addCommand(userCommands(getConfig, out));
  program.addCommand(importCommand(getConfig, out));

  program
    .command('backup')
    .description('Write a consistent backup of the embedded database (works while the server runs)')
    .argument('<file>')
    .action(async (file: string) => {
      const cfg = getConfig();
      if (cfg.databaseUrl)
        throw new CliError(
          'On a PostgreSQL server use pg_dump: pg_dump --format=custom "$DATABASE_URL" > manyi.dump (see README)',
          2,
        );
      const target = path.resolve(file);
      if (await isDataDirLocked(cfg.dataDir)) {
        const r = await sendControl(cfg.dataDir, { cmd: 'backup', file: target });
        if (!r.ok) throw new CliError(`Backup failed: ${r.error}`);
        out(`Backup of the running server written to ${target} (${r.bytes} bytes).`);
        return;
      }
      if (!fs.existsSync(path.join(pgliteDir(cfg), 'PG_VERSION')))
        throw new CliError(`No Manyi database in ${cfg.dataDir}`, 2);
      const bytes = await withDatabase(cfg, (database) => backupEmbedded(database, target), { migrate: false });
      out(`Backup written to ${target} (${bytes} bytes).`);
    });

  program
    .command('restore')
    .description('Restore a backup into an empty data directory (MANYI_DATA_DIR)')
    .argument('<file>')
    .action(async (file: string) => {
      const cfg = getConfig();
      if (cfg.databaseUrl) throw new CliError('On a PostgreSQL server use pg_restore (see README)', 2);
      if (await isDataDirLocked(cfg.dataDir)) throw new DataDirLockedError(cfg.dataDir);
      await restoreEmbedded(path.resolve(file), pgliteDir(cfg));
      out(`Restored ${file} into ${cfg.dataDir}. Start Manyi with MANYI_DATA_DIR=${cfg.dataDir}.`);
    });

  const audit = program.command('audit').description('Audit-log tools');
  audit
    .command('verify')
    .description('Recompute every hash chain and name the first broken link')
    .action(async () => {
      const r = await withDatabase(getConfig(), ({ db }) => verifyAuditChains(db));
      if (r.ok) return out(`Audit log intact: ${r.rows} rows in ${r.chains} chains.`);
      const b = r.firstBroken;
      throw new CliError(`Audit log BROKEN at chain ${b?.dealerId} row ${b?.seq}: ${b?.reason}`, 3);
    });

  const overrideExits = (c: Command): void => {
    c.exitOverride();
    c.commands.forEach(overrideExits);
  };
  overrideExits(program);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    const code = e instanceof CliError ? e.exitCode : 1;
    process.stderr.write(`manyi: ${e instanceof Error ? e.message : String(e)}\n`);
    return code;
  }
}
