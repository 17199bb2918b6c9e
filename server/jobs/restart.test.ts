import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../tests/harness';
import { startSmtp } from '../../tests/local-servers';
import { ESCALATE_JOB } from '../../tests/restart-jobs';
import { freshDatabase, TEST_DB_KIND } from '../../tests/test-db';
import { type Database, migrateToLatest, openDatabase } from '../db/client';
import { seedDemo } from '../db/seed/demo';
import { notify } from '../features/notifications/notify';
import { enqueue } from './outbox';
import { startWorker } from './worker';

// ISSUE 6: "Killing the server while timers are pending and starting it again loses no escalation and sends no
// notification twice."
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const config = testConfig();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manyi-restart-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function openFresh(): Promise<{ database: Database; url: string | undefined }> {
  if (TEST_DB_KIND === 'postgres') {
    const database = await freshDatabase();
    return { database, url: database.url };
  }
  const database = await openDatabase({ dataDir: path.join(dir, 'pgdata') });
  await migrateToLatest(database.db);
  return { database, url: undefined };
}

/** GM gets e-mail for everything; 6 notifications to send now, 4 escalation timers due in a few seconds. */
async function prepare(database: Database, timersAt: Date) {
  const db = database.db;
  await seedDemo(db, config);
  const dealerId = (await db.selectFrom('dealers').select('id').where('code', '=', 'SH001').executeTakeFirstOrThrow())
    .id;
  const gm = (await db.selectFrom('users').select('id').where('username', '=', 'gm').executeTakeFirstOrThrow()).id;
  await db
    .insertInto('staff')
    .values({
      dealerId,
      name: '总经理',
      department: 'management',
      position: '总经理',
      userId: gm,
      email: 'gm@sh001.example.cn',
    })
    .execute();
  await db
    .insertInto('notificationPreferences')
    .values({ dealerId, role: 'gm', event: '*', inbox: true, email: true })
    .execute();
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < 6; i++)
      await notify(tx, {
        dealerId,
        event: 'case.overdue',
        recipients: { roles: ['gm'] },
        title: `日报 D-${i} 逾期`,
        body: '请处理',
        dedupeKey: `daily:${i}`,
      });
    for (let i = 0; i < 4; i++)
      await enqueue(tx, {
        dealerId,
        name: ESCALATE_JOB,
        payload: { caseNo: `C-${i}` },
        runAt: timersAt,
        dedupeKey: `esc:C-${i}`,
      });
  });
}

describe(`restart while jobs and timers are pending on ${TEST_DB_KIND}`, () => {
  it('loses no escalation and sends no e-mail twice after SIGKILL', async () => {
    const smtp = await startSmtp();
    config.smtpUrl = smtp.url;
    const fresh = await openFresh();
    const url = fresh.url;
    let database = fresh.database;
    await prepare(database, new Date(Date.now() + 7_000));
    if (!url) await database.close(); // the embedded database belongs to one process at a time

    let killedAt = 0;
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/restart-child.ts'], {
      env: { ...process.env, R_DB_URL: url ?? '', R_DB_DIR: url ? '' : path.join(dir, 'pgdata'), R_SMTP: smtp.url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Kill the server while it is in the middle of sending the 4th e-mail (before the SMTP server said OK).
    smtp.beforeAccept = (_mail, index) => {
      if (index < 3) return;
      if (!killedAt) {
        killedAt = Date.now();
        child.kill('SIGKILL');
      }
      return false;
    };
    await exited;
    expect(killedAt).toBeGreaterThan(0);
    expect(smtp.accepted).toHaveLength(3);
    smtp.beforeAccept = () => {};

    if (!url) database = await openDatabase({ dataDir: path.join(dir, 'pgdata') });
    const pendingTimers = await database.db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', ESCALATE_JOB)
      .where('doneAt', 'is', null)
      .execute();
    expect(pendingTimers).toHaveLength(4); // the server died before the timers were due

    const worker = startWorker(database, config, { pollMs: 100, leaseMs: 1500, id: 'restarted' });
    try {
      const end = Date.now() + 30_000;
      for (;;) {
        const open = await database.db.selectFrom('jobs').select('id').where('doneAt', 'is', null).execute();
        if (open.length === 0 || Date.now() > end) break;
        await sleep(100);
      }
    } finally {
      await worker.stop();
    }
    const ids = smtp.accepted.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length); // nothing twice
    expect(smtp.accepted.map((m) => m.subject).sort()).toEqual(
      [...[0, 1, 2, 3].map((i) => `工单 C-${i} 超时升级`), ...[0, 1, 2, 3, 4, 5].map((i) => `日报 D-${i} 逾期`)].sort(),
    );
    const inbox = await database.db
      .selectFrom('notifications')
      .select('title')
      .where('event', '=', 'case.escalated')
      .execute();
    expect(inbox).toHaveLength(4);
    const failed = await database.db.selectFrom('jobs').select('id').where('failedAt', 'is not', null).execute();
    expect(failed).toEqual([]);
    await database.close();
    await smtp.close();
  }, 90_000);
});
