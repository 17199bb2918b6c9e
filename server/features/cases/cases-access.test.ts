import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, useTestApp } from '../../../tests/harness';
import { CASE_PROBLEM, caseWorld } from '../../../tests/samples/cases';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { startWorker } from '../../jobs/worker';
import { setCaseClock } from './case-clock';

/** Resolution paths a / b / daily report, who sees and does what, and dealer isolation (SPEC §2.3, §4.2–§4.7). */
const at = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => at(local).toISOString();

describe(`cases: paths, permissions and tenancy on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let clock = at('2025-09-26T15:00:00'); // Friday; Sunday 09-28 is a 调休 working day
  let agent: Session, sa: Session, world: Awaited<ReturnType<typeof caseWorld>>;
  let formCase: string;
  const open = async (s: Session, extra: Record<string, unknown>, status = 201) => {
    const body = { ...CASE_PROBLEM, responseId: await world.respond(agent), questionKey: 'q1', ...extra };
    const res = await t.as(s, 'POST', '/api/cases', { customerId: world.customerId, ...body });
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };

  beforeAll(async () => {
    setCaseClock(() => clock);
    agent = await t.login('cs_agent');
    sa = await t.login('service_advisor');
    world = await caseWorld(t);
    formCase = (await open(agent, { forward: true })).id;
  });
  afterAll(() => setCaseClock(null));

  it('path a (FAQ) and b (on the spot) are recorded and closed at once', async () => {
    const a = await open(agent, { channel: 'as_phone', path: 'a', resolutionNote: 'FAQ：保养周期 5000 公里' });
    expect(a).toMatchObject({ path: 'a', status: 'closed', closedReason: 'resolved_on_spot', currentStep: null });
    const b = await open(agent, { channel: 'as_onsite', path: 'b', resolutionNote: '服务顾问当场解释' });
    expect(b).toMatchObject({ path: 'b', status: 'closed' });
    // SPEC §4.7: there is no "coordinate on the spot" on the phone
    const refused = await open(agent, { channel: 'as_phone', path: 'b' }, 400);
    expect(refused.error.code).toBe('VALIDATION_FAILED');
  });

  it('a minor after-sales phone problem goes to the daily work report; the SA answers in 1 working day', async () => {
    const item = await open(agent, { channel: 'as_phone', severity: 'minor', department: 'after_sales' });
    expect(item).toMatchObject({ path: 'daily_report', status: 'awaiting_reply', recipientRoles: ['service_advisor'] });
    expect(item.replyDueAt).toBe(iso('2025-09-28T15:00:00'));
    const mine = (await t.as(sa, 'GET', '/api/cases?filter=mine')).json();
    expect(mine.items.map((c: { id: string }) => c.id)).toEqual([item.id]);
    clock = at('2025-09-28T11:00:00');
    const res = await t.as(sa, 'POST', `/api/cases/${item.id}/reply`, { result: '已联系客户预约复检' });
    expect(res.statusCode, res.body).toBe(200);
    // "the next day (次日) the agent … calls the customer back": by SH001's closing time (18:00) the next working day
    expect(res.json()).toMatchObject({
      status: 'awaiting_second_callback',
      secondCallbackDueAt: iso('2025-09-29T18:00:00'),
    });
    const report = (await t.as(agent, 'GET', '/api/daily-report?date=2025-09-26')).json();
    expect(report.items).toHaveLength(1);
    expect(report.items[0]).toMatchObject({ result: '已联系客户预约复检', resultAt: iso('2025-09-28T11:00:00') });
  });

  it('only the people the case involves see it; others get 404, and actors without the step get 403', async () => {
    const as = async (u: string, method: string, url: string, body?: unknown) =>
      (await t.as(await t.login(u), method, url, body)).statusCode;
    expect(await as('aftersales_director', 'GET', `/api/cases/${formCase}`)).toBe(200);
    expect(await as('cs_supervisor', 'GET', `/api/cases/${formCase}`)).toBe(200);
    expect(await as('sales_director', 'GET', `/api/cases/${formCase}`)).toBe(404);
    expect(await as('service_advisor', 'GET', `/api/cases/${formCase}`)).toBe(404);
    expect(await as('sales_director', 'POST', `/api/cases/${formCase}/reply`, { result: 'x' })).toBe(404);
    expect(await as('gm', 'POST', `/api/cases/${formCase}/reply`, { result: 'x' })).toBe(403);
    expect(await as('cs_agent', 'POST', `/api/cases/${formCase}/reply`, { result: 'x' })).toBe(403);
    // another dealer: invisible, and unchanged
    expect(await as('hz_agent', 'GET', `/api/cases/${formCase}`)).toBe(404);
    expect(await as('hz_admin', 'GET', `/api/cases/${formCase}`)).toBe(404);
    expect(await as('hz_agent', 'POST', `/api/cases/${formCase}/forward`, {})).toBe(404);
    const hzList = (await t.as(await t.login('hz_agent'), 'GET', '/api/cases')).json();
    expect(hzList.total).toBe(0);
    const row = await t.database.db
      .selectFrom('dissatisfactionCases')
      .select('status')
      .where('id', '=', formCase)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('awaiting_reply');
  });

  it('a form not sent by 17:00 turns red and tells the agent and the CS supervisor, then the GM', async () => {
    clock = at('2025-10-09T16:00:00');
    const late = await open(agent, { severity: 'severe' });
    expect(late.formDueAt).toBe(iso('2025-10-09T17:00:00'));
    // No polling: the test runs each round itself (stop() waits for the first round, runOnce still works).
    const worker = startWorker(t.database, t.config, { pollMs: 3_600_000, batch: 50 });
    await worker.stop();
    try {
      clock = at('2025-10-09T17:01:00');
      await worker.runOnce();
      await worker.runOnce();
      const red = (await t.as(agent, 'GET', `/api/cases/${late.id}`)).json();
      expect(red).toMatchObject({ overdue: true, escalationLevel: 1, currentStep: 'forward' });
      const told = await t.database.db
        .selectFrom('notifications as n')
        .innerJoin('users as u', 'u.id', 'n.userId')
        .select(['u.username', 'n.event'])
        .where('n.link', '=', `/cases/${late.id}`)
        .orderBy('u.username')
        .execute();
      expect(told).toEqual([
        { username: 'cs_agent', event: 'case.overdue' },
        { username: 'cs_supervisor', event: 'case.overdue' },
      ]);
      // 4 working hours after 17:00 on a day closing at 18:00: Friday 10-10 11:30
      clock = at('2025-10-10T12:00:00');
      await worker.runOnce();
      await worker.runOnce();
      expect((await t.as(agent, 'GET', `/api/cases/${late.id}`)).json().escalationLevel).toBe(2);
    } finally {
      await worker.stop();
    }
  });

  it('C39: a CS supervisor hands the second callback to another agent for this loop', async () => {
    const director = await t.login('aftersales_director');
    const id = (await open(agent, { forward: true })).id;
    expect((await t.as(director, 'POST', `/api/cases/${id}/reply`, { result: '已处理' })).statusCode).toBe(200);
    expect((await t.as(director, 'POST', `/api/cases/${id}/return`, {})).statusCode).toBe(200);
    const lead = await t.login('cs_lead');
    const supervisor = await t.login('cs_supervisor');
    const res = await t.as(supervisor, 'POST', `/api/cases/${id}/reassign-callback`, {
      userId: lead.me.user.id,
      reason: '原填表人休假',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().events.at(-1)).toMatchObject({ kind: 'reassigned', note: '原填表人休假' });
    const bad = await t.as(supervisor, 'POST', `/api/cases/${id}/reassign-callback`, {
      userId: director.me.user.id,
      reason: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect((await t.as(agent, 'POST', `/api/cases/${id}/second-callback`, { satisfied: true })).statusCode).toBe(403);
    expect(
      (await t.as(lead, 'GET', '/api/cases?filter=second_callback')).json().items.map((c: { id: string }) => c.id),
    ).toContain(id);
    const done = await t.as(lead, 'POST', `/api/cases/${id}/second-callback`, {
      satisfied: true,
      note: '代回访，满意',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'closed' });
  });

  it('a response of another dealer cannot be used to open a case', async () => {
    const res = await t.as(await t.login('hz_agent'), 'POST', '/api/cases', {
      ...CASE_PROBLEM,
      responseId: await world.respond(agent),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('lists my dissatisfied responses without a case, so none is forgotten', async () => {
    const before = (await t.as(agent, 'GET', '/api/cases/summary')).json().unhandled;
    const responseId = await world.respond(agent);
    const list = (await t.as(agent, 'GET', '/api/cases/unhandled')).json();
    expect(list.items[0]).toMatchObject({
      responseId,
      openKeys: ['q1'],
      openLabels: [expect.stringMatching(/[\u4e00-\u9fff]/)],
    });
    expect((await t.as(agent, 'GET', '/api/cases/summary')).json().unhandled).toBe(before + 1);
  });
});
