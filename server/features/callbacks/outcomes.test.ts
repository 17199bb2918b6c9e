import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallbackTask, Handoff } from '../../../core/contracts/callbacks';
import { type Session, useTestApp } from '../../../tests/harness';
import { SMALL_CONTENT } from '../../../tests/questionnaire-samples';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { insertSales } from './callbacks.fixtures';
import { ok, setupQueue, type QueueKit } from './queue-kit';

/** WF-5 outcomes (SPEC §4.6): failures and hand-offs, wrong numbers, refusals, completed questionnaires. */
describe(`callback outcomes on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let k: QueueKit;
  let agent: Session;
  let advisor: Session;
  const attempt = async (id: string, body: object) =>
    (await ok(await t.as(agent, 'POST', `/api/callbacks/tasks/${id}/attempts`, body))) as CallbackTask;
  const db = () => t.database.db;

  beforeAll(async () => {
    k = await setupQueue(t, 20, 'o');
    agent = await t.login('cs_agent');
    advisor = await t.login('service_advisor');
  }, 120_000);

  it('stores every attempt; the 3rd failure hands the contact data to the SA, whose fix puts the task back', async () => {
    const id = await k.taskOf(k.customers[0]!.id);
    const first = await attempt(id, { outcome: 'no_answer', phoneId: k.customers[0]!.phoneId, note: '响铃无人接' });
    expect(first).toMatchObject({ status: 'PENDING', failedAttempts: 1, attemptCount: 1 });
    expect(first.attempts[0]).toMatchObject({ outcome: 'no_answer', phoneKind: 'mobile', note: '响铃无人接' });
    expect(new Date(first.nextAttemptAt!).getTime()).toBeGreaterThan(Date.now() + 100 * 60_000);
    await attempt(id, { outcome: 'busy' });
    const third = await attempt(id, { outcome: 'no_answer' });
    expect(third).toMatchObject({ status: 'CONTACT_INVALID', failedAttempts: 3, reason: 'attempt_limit' });
    expect(third.attempts.map((a) => a.agentName)).toEqual(['李晓梅', '李晓梅', '李晓梅']);

    const list = (await ok(await t.as(advisor, 'GET', '/api/callbacks/handoffs?open=true'))) as { items: Handoff[] };
    const h = list.items.find((x) => x.taskId === id)!;
    expect(h).toMatchObject({ department: 'after_sales', staffName: '张伟', reason: 'attempt_limit', overdue: false });
    const dueIn = new Date(h.dueAt).getTime() - Date.now();
    expect(dueIn).toBeGreaterThan(20 * 3_600_000); // the same time on the next working day
    const sales = await t.login('sales_consultant');
    expect((await t.as(sales, 'POST', `/api/callbacks/handoffs/${h.id}/fix`, { note: '不是我的' })).statusCode).toBe(
      404,
    );

    const fixed = (await ok(
      await t.as(advisor, 'POST', `/api/callbacks/handoffs/${h.id}/fix`, { newPhone: '13912345678', note: '客户换号' }),
    )) as Handoff;
    expect(fixed.fixedAt).not.toBeNull();
    const back = (await ok(await t.as(agent, 'GET', `/api/callbacks/tasks/${id}`))) as CallbackTask;
    expect(back).toMatchObject({ status: 'PENDING', failedAttempts: 0, attemptCount: 3, contactPhone: '139****5678' });
    expect((await t.as(advisor, 'POST', `/api/callbacks/handoffs/${h.id}/fix`, { note: '再次' })).statusCode).toBe(409);
    // the number is the customer's now: new primary, the old one kept as not primary, in the field history
    const phones = await phonesOf(k.customers[0]!.id);
    expect(phones).toEqual([
      { phone: '13912345678', kind: 'mobile', isPrimary: true, source: 'correction' },
      expect.objectContaining({ kind: 'mobile', isPrimary: false }),
    ]);
    expect(back.customer!.phones[0]).toMatchObject({ isPrimary: true, display: '139****5678' });
    const history = await db()
      .selectFrom('customerChanges')
      .select(['field', 'oldValue', 'newValue', 'source', 'changedBy'])
      .where('customerId', '=', k.customers[0]!.id)
      .execute();
    expect(history).toEqual([
      {
        field: 'phone',
        oldValue: phones[1]!.phone,
        newValue: '13912345678',
        source: `handoff:${h.id}`,
        changedBy: advisor.me.user.id,
      },
    ]);
  });

  const phonesOf = (customerId: string) =>
    db()
      .selectFrom('customerPhones')
      .select(['phone', 'kind', 'isPrimary', 'source'])
      .where('customerId', '=', customerId)
      .orderBy('isPrimary', 'desc')
      .execute();

  it('a wrong number hands over at once; a bad corrected number is refused and changes nothing', async () => {
    const c = k.customers[1]!;
    const id = await k.taskOf(c.id);
    expect(await attempt(id, { outcome: 'wrong_number', note: '空号' })).toMatchObject({
      status: 'CONTACT_INVALID',
      reason: 'wrong_number',
    });
    const list = (await ok(await t.as(advisor, 'GET', '/api/callbacks/handoffs?open=true'))) as { items: Handoff[] };
    const h = list.items.find((x) => x.taskId === id)!;
    const before = await phonesOf(c.id);
    for (const bad of ['12345678901', '021-123', '+1 415 555 0100']) {
      const res = await t.as(advisor, 'POST', `/api/callbacks/handoffs/${h.id}/fix`, { newPhone: bad, note: '改号' });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json()).toMatchObject({ error: { details: { field: 'newPhone' } } });
    }
    expect(await phonesOf(c.id)).toEqual(before);
    expect((await ok(await t.as(agent, 'GET', `/api/callbacks/tasks/${id}`))) as CallbackTask).toMatchObject({
      status: 'CONTACT_INVALID',
    });
    // a landline (with its extension) is accepted in any usual spelling, stored normalised, and becomes primary
    await ok(
      await t.as(advisor, 'POST', `/api/callbacks/handoffs/${h.id}/fix`, {
        newPhone: '(021) 6888 1234 转 56',
        note: '单位座机',
      }),
    );
    const after = await phonesOf(c.id);
    expect(after[0]).toEqual({ phone: '021-68881234-56', kind: 'landline', isPrimary: true, source: 'correction' });
    expect(after.slice(1)).toEqual(before.map((p) => ({ ...p, isPrimary: false })));
  });

  it('refused (拒绝回访): the task closes, and every later callback of the customer is blocked', async () => {
    const c = k.customers[2]!;
    await insertSales(db(), k.dealerId, 'o-late', [{ customer: c, saleDate: new Date().toISOString().slice(0, 10) }]);
    await ok(await t.as(k.lead, 'POST', '/api/callbacks/generate'));
    const sale = await sql<{ id: string; status: string }>`select id, status from callback_tasks
      where dealer_id = ${k.dealerId} and customer_id = ${c.id} and type = 'SALES_PHONE'`.execute(db());
    expect(sale.rows[0]?.status).toBe('PENDING');
    expect(await attempt(await k.taskOf(c.id), { outcome: 'refused', note: '客户不愿意' })).toMatchObject({
      status: 'REFUSED',
    });
    const gen = (await ok(await t.as(k.lead, 'POST', '/api/callbacks/generate'))) as { blocked: number };
    expect(gen.blocked).toBe(1);
    const after = (await ok(await t.as(agent, 'GET', `/api/callbacks/tasks/${sale.rows[0]!.id}`))) as CallbackTask;
    expect(after).toMatchObject({ status: 'EXCLUDED', reason: 'refused_before' });
    const created = (await ok(
      await t.as(k.lead, 'POST', '/api/callbacks/tasks', { type: 'SPECIAL_MAJOR_COMPLAINT', customerId: c.id }),
      201,
    )) as CallbackTask;
    expect(created).toMatchObject({ status: 'EXCLUDED', reason: 'refused_before' });
  });

  it('an appointment needs a time in the next 60 days', async () => {
    const id = await k.taskOf(k.customers[3]!.id);
    const res = await t.as(agent, 'POST', `/api/callbacks/tasks/${id}/attempts`, { outcome: 'appointment' });
    expect(res.statusCode).toBe(400);
    const far = new Date(Date.now() + 90 * 86_400_000).toISOString();
    expect(
      (await t.as(agent, 'POST', `/api/callbacks/tasks/${id}/attempts`, { outcome: 'appointment', appointmentAt: far }))
        .statusCode,
    ).toBe(400);
  });

  it('submitting the questionnaire makes the task SUCCESS and links the response to it', async () => {
    const cs = await t.login('cs_supervisor');
    const gm = await t.login('gm');
    const v = (
      (await ok(await t.as(cs, 'POST', '/api/questionnaires', { content: SMALL_CONTENT }), 201)) as {
        versionId: string;
      }
    ).versionId;
    await ok(await t.as(gm, 'POST', `/api/questionnaire-versions/${v}/approve`));
    await ok(await t.as(cs, 'POST', `/api/questionnaire-versions/${v}/publish`));
    const id = await k.taskOf(k.customers[4]!.id);
    const done = (await ok(
      await t.as(agent, 'POST', `/api/callbacks/tasks/${id}/response`, {
        versionId: v,
        answers: [{ question: 'q1', value: 'satisfied' }],
        respondentName: '测试客户o4',
        respondentRelation: 'owner',
        respondentEligible: true,
      }),
    )) as CallbackTask;
    expect(done).toMatchObject({ status: 'SUCCESS', respondentEligible: true });
    const r = await db()
      .selectFrom('surveyResponses')
      .select(['id', 'taskId'])
      .where('id', '=', done.responseId!)
      .executeTakeFirst();
    expect(r?.taskId).toBe(id);
    expect(done.attempts.at(-1)?.outcome).toBe('completed');
    const again = await t.as(agent, 'POST', `/api/callbacks/tasks/${id}/response`, {
      versionId: v,
      answers: [{ question: 'q1', value: 'satisfied' }],
    });
    expect(again.statusCode).toBe(409);
    // a bad answer rolls everything back: no response, the task stays open
    const other = await k.taskOf(k.customers[5]!.id);
    const bad = await t.as(agent, 'POST', `/api/callbacks/tasks/${other}/response`, {
      versionId: v,
      answers: [{ question: 'q1', value: 'nope' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(((await ok(await t.as(agent, 'GET', `/api/callbacks/tasks/${other}`))) as CallbackTask).status).toBe(
      'PENDING',
    );
  });
});
