import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, useTestApp } from '../../../tests/harness';
import { CASE_PROBLEM, caseWorld } from '../../../tests/samples/cases';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { startWorker, type Worker } from '../../jobs/worker';
import { setCaseClock } from './case-clock';

/**
 * The scripted scenario of issue 6 (SPEC §4.7 WF-7, §8.4) on the mainland calendar: a dissatisfied answer at 16:30
 * on Friday 2025-05-30, the day before the 端午 holiday (05-31…06-02 off), through two loops to closure, with the
 * second loop's department reply late and escalated to the director, then the GM.
 */
const at = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => at(local).toISOString();

describe(`the closed loop, scripted on the calendar, on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let clock = at('2025-05-30T16:30:00');
  let agent: Session, director: Session, gm: Session, supervisor: Session;
  let world: Awaited<ReturnType<typeof caseWorld>>;
  let worker: Worker;
  let caseId: string;
  const inbox = (username: string, link: string) =>
    t.database.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.userId')
      .select(['n.title', 'n.event'])
      .where('u.username', '=', username)
      .where('n.link', '=', link)
      .orderBy('n.createdAt')
      .execute();
  const get = async (s: Session, url: string) => {
    const res = await t.as(s, 'GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const post = async (s: Session, url: string, body: unknown = {}, status = 200) => {
    const res = await t.as(s, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };

  beforeAll(async () => {
    setCaseClock(() => clock);
    agent = await t.login('cs_agent');
    director = await t.login('aftersales_director');
    gm = await t.login('gm');
    supervisor = await t.login('cs_supervisor');
    world = await caseWorld(t);
    worker = startWorker(t.database, t.config, { pollMs: 3_600_000, batch: 50 });
    // No polling: each round is run by the test (stop() waits for the first one; runOnce still works).
    await worker.stop();
  });
  afterAll(async () => {
    await worker?.stop();
    setCaseClock(null);
  });

  it('Friday 16:30 before 端午: the form is due 17:00 that day; sent at 16:45 the reply is due Tuesday 16:45', async () => {
    const responseId = await world.respond(agent);
    const body = { ...CASE_PROBLEM, responseId, questionKey: 'q1', customerId: world.customerId };
    const preview = await get(
      agent,
      `/api/cases/route-preview?channel=as_onsite&path=follow_up&severity=severe&department=after_sales`,
    );
    expect(preview).toMatchObject({
      path: 'c',
      recipientRoles: ['aftersales_director'],
      formDueAt: iso('2025-05-30T17:00:00'),
    });
    const opened = await post(agent, '/api/cases', body, 201);
    caseId = opened.id;
    expect(opened).toMatchObject({ status: 'open', path: 'c', loop: 1, currentStep: 'forward' });
    expect(opened.formNo).toBe('F-20250530-0001');
    expect(opened.formDueAt).toBe(iso('2025-05-30T17:00:00'));
    expect((await post(agent, '/api/cases', body, 409)).error.code).toBe('CONFLICT');

    clock = at('2025-05-30T16:45:00');
    const sent = await post(agent, `/api/cases/${caseId}/forward`);
    expect(sent).toMatchObject({ status: 'awaiting_reply', currentStep: 'reply', overdue: false });
    expect(sent.forwardedAt).toBe(iso('2025-05-30T16:45:00'));
    expect(sent.replyDueAt).toBe(iso('2025-06-03T16:45:00'));
    expect((await inbox('aftersales_director', `/cases/${caseId}`)).map((n) => n.event)).toEqual(['case.to-answer']);
    const mine = await get(director, '/api/cases?filter=mine');
    expect(mine.items.map((c: { id: string }) => c.id)).toContain(caseId);

    clock = at('2025-05-30T16:50:00');
    await worker.runOnce(); // the 17:00 form timer is moot: the form was sent
    expect((await get(agent, `/api/cases/${caseId}`)).events.map((e: { kind: string }) => e.kind)).toEqual([
      'opened',
      'forwarded',
    ]);
  });

  it('Tuesday: the department replies and returns the form; the same agent gets a second-callback task', async () => {
    clock = at('2025-06-03T10:00:00');
    const replied = await post(director, `/api/cases/${caseId}/reply`, {
      result: '已安排技师复检，更换正时皮带张紧器',
    });
    expect(replied).toMatchObject({ status: 'replied', currentStep: 'return' });
    expect(replied.returnDueAt).toBe(iso('2025-06-04T10:00:00'));
    expect((await post(agent, `/api/cases/${caseId}/return`, {}, 403)).error.code).toBe('FORBIDDEN');

    clock = at('2025-06-03T11:00:00');
    const back = await post(director, `/api/cases/${caseId}/return`, { note: '表已回传' });
    expect(back).toMatchObject({ status: 'awaiting_second_callback', currentStep: 'second_callback' });
    expect(back.secondCallbackDueAt).toBe(iso('2025-06-04T11:00:00'));
    const task = await t.database.db
      .selectFrom('callbackTasks as t')
      .innerJoin('users as u', 'u.id', 't.assignedUserId')
      .select(['t.type', 't.status', 'u.username', 't.dueEnd'])
      .where('t.id', '=', back.secondCallbackTaskId)
      .executeTakeFirstOrThrow();
    expect(task).toEqual({ type: 'SECOND_CALLBACK', status: 'PENDING', username: 'cs_agent', dueEnd: '2025-06-04' });
    const waiting = await get(agent, '/api/cases?filter=second_callback');
    expect(waiting.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    // only the agent who filled the form makes the second callback (SPEC §4.7 step 4)
    expect((await post(supervisor, `/api/cases/${caseId}/second-callback`, { satisfied: true }, 403)).error.code).toBe(
      'FORBIDDEN',
    );
  });

  it('Wednesday: "still not satisfied" starts loop 2 with a new 1-working-day deadline', async () => {
    clock = at('2025-06-04T09:30:00');
    const again = await post(agent, `/api/cases/${caseId}/second-callback`, { satisfied: false, note: '异响仍在' });
    expect(again).toMatchObject({ status: 'awaiting_reply', loop: 2, currentStep: 'reply', overdue: false });
    expect(again.replyDueAt).toBe(iso('2025-06-05T09:30:00'));
    const titles = (await inbox('aftersales_director', `/cases/${caseId}`)).map((n) => n.title);
    expect(titles.at(-1)).toContain('第2轮');
  });

  it('Thursday: the late reply turns red, escalates to the director at 09:30 and to the GM at 13:30', async () => {
    clock = at('2025-06-05T09:31:00');
    await worker.runOnce();
    await worker.runOnce();
    const red = await get(agent, `/api/cases/${caseId}`);
    expect(red).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect((await get(director, '/api/cases/summary')).overdue).toBe(1);
    expect((await get(director, '/api/cases?filter=overdue')).items[0]).toMatchObject({ id: caseId, overdue: true });
    const dir = await inbox('aftersales_director', `/cases/${caseId}`);
    expect(dir.filter((n) => n.event === 'case.overdue')).toHaveLength(1);
    expect(await inbox('gm', `/cases/${caseId}`)).toEqual([]);

    clock = at('2025-06-05T13:29:00');
    await worker.runOnce(); // the GM level fires early by the database clock and waits for 13:30
    expect(await inbox('gm', `/cases/${caseId}`)).toEqual([]);

    clock = at('2025-06-05T13:31:00');
    await worker.runOnce();
    await worker.runOnce();
    const toGm = await inbox('gm', `/cases/${caseId}`);
    expect(toGm.map((n) => n.event)).toEqual(['case.escalated']);
    expect((await get(gm, '/api/cases?filter=escalated')).items.map((c: { id: string }) => c.id)).toContain(caseId);
    const kinds = (await get(gm, `/api/cases/${caseId}`)).events.map((e: { kind: string; at: string }) => [
      e.kind,
      e.at,
    ]);
    expect(kinds.slice(-2)).toEqual([
      ['overdue', iso('2025-06-05T09:31:00')],
      ['escalated', iso('2025-06-05T13:31:00')],
    ]);
  });

  it('the reply, the return and a satisfied second callback close the case; the timeline tells it all', async () => {
    clock = at('2025-06-05T14:00:00');
    await post(director, `/api/cases/${caseId}/reply`, { result: '更换张紧器并试车确认无异响' });
    clock = at('2025-06-05T14:10:00');
    await post(director, `/api/cases/${caseId}/return`);
    clock = at('2025-06-06T10:00:00');
    const closed = await post(agent, `/api/cases/${caseId}/second-callback`, { satisfied: true, note: '客户满意' });
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'satisfied', loop: 2, currentStep: null });
    expect(closed.closedAt).toBe(iso('2025-06-06T10:00:00'));
    expect(closed.events.map((e: { kind: string; loop: number; at: string }) => [e.kind, e.loop, e.at])).toEqual([
      ['opened', 1, iso('2025-05-30T16:30:00')],
      ['forwarded', 1, iso('2025-05-30T16:45:00')],
      ['replied', 1, iso('2025-06-03T10:00:00')],
      ['returned', 1, iso('2025-06-03T11:00:00')],
      ['second_callback', 1, iso('2025-06-04T09:30:00')],
      ['reopened', 2, iso('2025-06-04T09:30:00')],
      ['overdue', 2, iso('2025-06-05T09:31:00')],
      ['escalated', 2, iso('2025-06-05T13:31:00')],
      ['replied', 2, iso('2025-06-05T14:00:00')],
      ['returned', 2, iso('2025-06-05T14:10:00')],
      ['second_callback', 2, iso('2025-06-06T10:00:00')],
      ['closed', 2, iso('2025-06-06T10:00:00')],
    ]);
    clock = at('2025-06-09T09:00:00');
    await worker.runOnce();
    expect((await get(agent, `/api/cases/${caseId}`)).events).toHaveLength(12);
    expect((await get(director, '/api/cases/summary')).overdue).toBe(0);
  });
});
