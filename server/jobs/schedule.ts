import { Cron } from 'croner';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { purgeExpiredSessions } from '../features/auth/auth.service';
import { GENERATE_EVERY, runGenerateJob } from '../features/callbacks/callbacks.jobs';
import { REPORT_SCHEDULE, runReportSchedule } from '../features/reports/reports.jobs';

/** Recurring maintenance. Each task is idempotent, so several app instances may run it. */
export function startSchedules(database: Database, config: Config, log: (msg: string, err: unknown) => void) {
  const jobs = [
    new Cron('*/10 * * * *', { protect: true }, async () => {
      try {
        await purgeExpiredSessions(database.db, config);
      } catch (e) {
        log('sessions.purge-expired failed', e);
      }
    }),
    new Cron(GENERATE_EVERY, { protect: true }, async () => {
      try {
        await runGenerateJob(database.db);
      } catch (e) {
        log('callbacks.generate failed', e);
      }
    }),
    new Cron(REPORT_SCHEDULE, { protect: true }, async () => {
      try {
        await runReportSchedule(database.db);
      } catch (e) {
        log('reports.schedule failed', e);
      }
    }),
  ];
  return () => jobs.forEach((j) => j.stop());
}
