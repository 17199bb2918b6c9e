/**
 * The "server" of the restart test, in its own process so that the test can kill it with SIGKILL: opens the
 * database (R_DB_URL or the embedded R_DB_DIR) and runs the job worker against the SMTP server R_SMTP.
 */
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { startWorker } from '../server/jobs/worker';
import './restart-jobs';

const database = await openDatabase({ url: process.env.R_DB_URL, dataDir: process.env.R_DB_DIR });
const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), smtpUrl: process.env.R_SMTP };
startWorker(database, config, { id: 'doomed', pollMs: 100, leaseMs: 1500 });
process.stdout.write('ready\n');
