import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/harness';
import { CASE_PROBLEM, caseWorld } from '../../../tests/samples/cases';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { buildApp } from '../../app';
import { startWorker } from '../../jobs/worker';
import { setCaseClock } from './case-clock';

/**
 * Timers are data (SPEC §8.4): pending step timers written by one app instance are fired by the worker of the
 * next one after a restart, and a timer run again after a crash (handler committed, job not yet marked done)
 * neither escalates nor notifies twice.
 */
const at = (local: string) => new Date(`${local}+08:00`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error('timed out waiting');
}

describe(`case timers across a restart on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let clock = at('2025-06-09T10:00:00');
  const ids: string[] = [];
  beforeAll(() => setCaseClock(() => clock));
  afterAll(() => setCaseClock(null));

  const notices = async () => {
    const r = await sql<{ n: number }>`
      select count(*)::int as n from notifications
      where link in (${sql.join(ids.map((id) => `/cases/${id}`))}) and event in ('case.overdue', 'case.escalated')`.execute(
      t.database.db,
    );
    return r.rows[0]!.n;
  };
  const eventKinds = (id: string) =>
    t.database.db
      .selectFrom('caseEvents')
      .select('kind')
      .where('caseId', '=', id)
      .orderBy('seq')
      .execute()
      .then((r) => r.map((e) => e.kind));
  const pendingTimers = () =>
    t.database.db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', 'cases.step-overdue')
      .where('doneAt', 'is', null)
      .execute();

  it('fires every pending escalation after a restart, once, even when a timer runs again', async () => {
    const agent = await t.login('cs_agent');
    const world = await caseWorld(t);
    for (let i = 0; i < 2; i++) {
      const body = { ...CASE_PROBLEM, responseId: await world.respond(agent), questionKey: 'q1', forward: true };
      const res = await t.as(agent, 'POST', '/api/cases', { ...body, customerId: world.customerId });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    // The first instance stops with its timers pending (no worker ran).
    expect((await pendingTimers()).length).toBeGreaterThanOrEqual(2);
    await t.app.close();

    // The next instance starts on the same database after the reply (due Tue 10:00) and the GM level (14:00).
    clock = at('2025-06-10T15:00:00');
    const app2 = await buildApp({ database: t.database, config: t.config, logger: false });
    await app2.ready();
    const w1 = startWorker(t.database, t.config, { pollMs: 20, batch: 50 });
    try {
      await until(async () => (await pendingTimers()).length === 0 && (await notices()) > 0);
    } finally {
      await w1.stop();
    }
    const once = await notices();
    // per case: the director (level 1) and the GM (level 2)
    expect(once).toBe(4);
    for (const id of ids) expect(await eventKinds(id)).toEqual(['opened', 'forwarded', 'overdue', 'escalated']);

    // A crash after the handlers committed but before the jobs were marked done: they all run again.
    const reset = await t.database.db
      .updateTable('jobs')
      .set({ doneAt: null, lockedBy: null, lockedUntil: null, attempts: 0 })
      .where('name', '=', 'cases.step-overdue')
      .executeTakeFirst();
    expect(Number(reset.numUpdatedRows)).toBeGreaterThanOrEqual(4);
    const w2 = startWorker(t.database, t.config, { pollMs: 20, batch: 50 });
    try {
      await until(async () => (await pendingTimers()).length === 0);
    } finally {
      await w2.stop();
    }
    expect(await notices()).toBe(once);
    for (const id of ids) expect(await eventKinds(id)).toEqual(['opened', 'forwarded', 'overdue', 'escalated']);
    const res = await app2.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBeLessThan(500);
    await app2.close();
  });
});
