import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { type Config, pgliteDir } from './config';
import { backupEmbedded } from './db/backup';
import { type Database, migrateToLatest, openDatabase } from './db/client';
import { startControlServer } from './db/control-socket';
import { lockDataDir } from './db/embedded-lock';
import { DEMO_DEALERS, DEMO_USERS } from './db/seed/demo-org';
import { seedDemoTransactions } from './db/seed/demo-dms';
import { hasAnyOrganisation, seedDemo } from './db/seed/demo';
import { seedDemoFaq } from './db/seed/demo-faq';
import { markStaleInterrupted } from './features/imports/imports.queries';
import { generateAll as generateCallbackTasks } from './features/callbacks/generator';
import { seedDemoSurveys } from './db/seed/demo-surveys';
import { startSchedules } from './jobs/schedule';
import { startWorker } from './jobs/worker';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database (locking an embedded one), migrates, seeds demo data on a new embedded DB, serves. */
export async function startServer(config: Config, opts: { quiet?: boolean } = {}): Promise<RunningServer> {
  const say = (msg: string) => {
    if (!opts.quiet) process.stdout.write(`${msg}\n`);
  };
  const cleanups: (() => Promise<void> | void)[] = [];
  const embedded = !config.databaseUrl;
  try {
    if (embedded) {
      fs.mkdirSync(config.dataDir, { recursive: true });
      cleanups.push(
        await lockDataDir(config.dataDir, (err) => {
          process.stderr.write(`Lost the lock on ${config.dataDir}: ${err.message}; stopping to protect the data.\n`);
          process.exit(1);
        }),
      );
    }
    const database = await openDatabase({ url: config.databaseUrl, dataDir: embedded ? pgliteDir(config) : undefined });
    cleanups.push(() => database.close());
    const applied = await migrateToLatest(database.db);
    if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);
    // Imports whose process stopped (no heartbeat for 2 minutes) can be restarted by their owner.
    await markStaleInterrupted(database.db, embedded ? 0 : 120_000);
    let seeded = false;
    if (embedded && !(await hasAnyOrganisation(database.db))) {
      const r = await seedDemo(database.db, config);
      seeded = true;
      say(`Seeded demo data: 3 dealers, ${r.users} users, ${r.staff} staff.`);
    }
    const app = await buildApp({ database, config, logger: !opts.quiet });
    cleanups.push(() => app.close());
    if (embedded)
      cleanups.push(
        await startControlServer(config.dataDir, async (req) => ({
          ok: true,
          bytes: await backupEmbedded(database, req.file),
        })),
      );
    cleanups.push(startSchedules(database, config, (msg, err) => app.log.error({ err }, msg)));
    const worker = startWorker(database, config, { log: (msg, extra) => app.log.warn(extra ?? {}, msg) });
    cleanups.push(() => worker.stop());
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    say(
      `\nManyi is running at ${url}  (database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : database.location})`,
    );
    if (seeded || (embedded && !opts.quiet)) {
      say(
        `Demo logins (password "${config.demoPassword}"): ${DEMO_USERS.slice(0, 12)
          .map((u) => u.username)
          .join(', ')}`,
      );
    }
    say(`API reference: ${url}/api/docs`);
    if (seeded) {
      say('Importing demo customers, vehicles and orders in the background (through the DMS import)…');
      void seedDemoDms(database, config)
        .then(() => say('Demo customers and orders imported.'))
        .catch((err: unknown) => app.log.error({ err }, 'demo import failed'));
    }
    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= runCleanups(cleanups));
    return { app, database, url, stop };
  } catch (e) {
    await runCleanups(cleanups);
    throw e;
  }
}

/** The demo FAQ articles, then demo DMS exports for every demo dealer, imported one after the other. */
export async function seedDemoDms(database: Database, config: Config) {
  await seedDemoFaq(database.db);
  for (const [i, d] of DEMO_DEALERS.entries()) await seedDemoTransactions(database.db, config, d.code, 1000 + i);
  await generateCallbackTasks(database.db); // the demo queue is ready at once, not after the next 30 s cycle
  if (config.demoSurveys) await seedDemoSurveys(database.db); // published questionnaires, answered past callbacks
}

async function runCleanups(cleanups: (() => Promise<void> | void)[]) {
  for (const c of [...cleanups].reverse()) {
    try {
      await c();
    } catch {
      /* keep closing the rest */
    }
  }
}

/** SIGINT / SIGTERM: stop taking requests, finish the ones in flight, close the database, release the lock. */
export function stopOnSignals(server: RunningServer) {
  let signalled = false;
  const onSignal = (sig: string) => {
    if (signalled) return;
    signalled = true;
    process.stdout.write(`\n${sig} received: shutting down…\n`);
    const force = setTimeout(() => {
      process.stderr.write('Shutdown took too long; exiting.\n');
      process.exit(1);
    }, 15_000);
    force.unref();
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
}
