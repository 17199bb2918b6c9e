import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallbackTask, NextResult, QueueItem } from '../../../core/contracts/callbacks';
import { type Session, useTestApp } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { ok, setupQueue, type QueueKit } from './queue-kit';

/** "Next call", leases, calling hours, appointments, the per-customer cap and the lead's view (SPEC §3.5, §4.6). */
describe(`callback queue on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let k: QueueKit;
  let agent: Session;
  let other: Session;
  const next = async (s: Session) => (await ok(await t.as(s, 'POST', '/api/callbacks/next'))) as NextResult;
  const db = () => t.database.db;

  beforeAll(async () => {
    k = await setupQueue(t, 60, 'q');
    agent = await t.login('cs_agent');
    other = await t.login('cs_lead');
  }, 120_000);

  it('leases the most urgent due task with its context, masked, and another agent gets another one', async () => {
    const a = await next(agent);
    const b = await next(other);
    expect(a.reason).toBe('claimed');
    expect(a.task!.id).not.toBe(b.task!.id);
    expect(a.task).toMatchObject({ type: 'AS_PHONE', status: 'PENDING', overdue: true });
    expect(a.task!.lease?.userId).toBe(agent.me.user.id);
    expect(a.task!.customer!.phones[0]!.display).toMatch(/^139\*{4}\d{4}$/);
    expect(a.task!.source).toMatchObject({ kind: 'repair_order', staffName: '张伟' });
    expect(a.task!.source.number).toMatch(/^RO-q-/);
    expect(a.task!.vehicle!.plate).toMatch(/^沪T/);
    expect(a.task!.questionnaire.code).toBe('AYT-JL-客服-04');
    const queue = (await ok(await t.as(k.lead, 'GET', '/api/callbacks/queue?held=true'))) as {
      items: QueueItem[];
      holders: { userId: string; taskId: string }[];
    };
    expect(queue.holders.map((h) => h.taskId).sort()).toEqual([a.task!.id, b.task!.id].sort());
    expect(queue.items.every((i) => i.leaseUserId)).toBe(true);
  });

  it('pressing "next" again gives the held task back to the queue and leases another', async () => {
    const first = (await ok(await t.as(agent, 'GET', '/api/callbacks/mine'))) as { holding: QueueItem };
    const again = await next(agent);
    expect(again.task!.id).not.toBe(first.holding.id);
    const row = await db()
      .selectFrom('callbackTasks')
      .select('leaseUserId')
      .where('id', '=', first.holding.id)
      .executeTakeFirst();
    expect(row?.leaseUserId).toBeNull();
  });

  it('a lease that expires (the agent walked away) makes the task available to the next agent', async () => {
    const held = (await next(agent)).task!;
    await sql`update callback_tasks set lease_expires_at = now() - interval '1 second' where id = ${held.id}`.execute(
      db(),
    );
    const taken = await next(other);
    expect(taken.task!.id).toBe(held.id);
    const late = await t.as(agent, 'POST', `/api/callbacks/tasks/${held.id}/attempts`, { outcome: 'no_answer' });
    expect(late.statusCode).toBe(409);
  });

  it('offers nothing outside the calling hours', async () => {
    const hm = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date());
    const window = hm < '12:00' ? { from: '12:00', to: '23:59' } : { from: '00:00', to: '11:59' };
    await k.putRules({ callingHours: { days: [1, 2, 3, 4, 5, 6, 7], ...window } });
    const r = await next(agent);
    expect(r).toEqual({ task: null, reason: 'outside_calling_hours' });
    await k.putRules();
  });

  it('"call me at 19:00 tomorrow": an appointment stays with the agent and comes first when due', async () => {
    const task = (await next(agent)).task!;
    const at = new Date(Date.now() + 26 * 3_600_000).toISOString();
    const after = (await ok(
      await t.as(agent, 'POST', `/api/callbacks/tasks/${task.id}/attempts`, {
        outcome: 'busy',
        appointmentAt: at,
        note: '客户开会',
      }),
    )) as CallbackTask;
    expect(after).toMatchObject({ status: 'APPOINTMENT', assignedUserId: agent.me.user.id, lease: null });
    expect(after.appointmentAt).toBe(at);
    const mine = (await ok(await t.as(agent, 'GET', '/api/callbacks/mine'))) as { appointments: QueueItem[] };
    expect(mine.appointments.map((x) => x.id)).toContain(task.id);
    // not due yet: nobody gets it; once due, the other agent still does not, the agent does, first
    expect((await next(agent)).task!.id).not.toBe(task.id);
    await sql`update callback_tasks set next_attempt_at = now() - interval '1 minute' where id = ${task.id}`.execute(
      db(),
    );
    expect((await next(other)).task!.id).not.toBe(task.id);
    expect((await next(agent)).task!.id).toBe(task.id);
  });

  it('skips a customer who reached the attempt cap for the period', async () => {
    const c = k.customers[59]!;
    const id = await k.taskOf(c.id);
    // whatever earlier tests did to it (ids are random), it is a fresh, free, most urgent task now
    await sql`update callback_tasks set priority = 9, status = 'PENDING', lease_user_id = null, lease_expires_at = null,
      assigned_user_id = null, next_attempt_at = null where id = ${id}`.execute(db());
    expect((await next(other)).task!.id).toBe(id);
    await sql`update callback_tasks set lease_user_id = null, lease_expires_at = null where id = ${id}`.execute(db());
    for (let i = 0; i < 3; i++)
      await db()
        .insertInto('callAttempts')
        .values({
          dealerId: k.dealerId,
          taskId: id,
          customerId: c.id,
          agentUserId: other.me.user.id,
          outcome: 'no_answer',
        })
        .execute();
    expect((await next(other)).task!.id).not.toBe(id);
  });

  it('lets a lead reassign a task; only that agent gets it', async () => {
    const id = await k.taskOf(k.customers[58]!.id);
    await sql`update callback_tasks set priority = 8, status = 'PENDING', next_attempt_at = null where id = ${id}`.execute(
      db(),
    );
    const res = (await ok(
      await t.as(k.lead, 'POST', `/api/callbacks/tasks/${id}/assign`, { userId: agent.me.user.id }),
    )) as CallbackTask;
    expect(res.assignedUserId).toBe(agent.me.user.id);
    expect((await next(other)).task!.id).not.toBe(id);
    expect((await next(agent)).task!.id).toBe(id);
    // A user id nobody has (altering a real id's last digit hit that very id one time in sixteen).
    const bad = await t.as(k.lead, 'POST', `/api/callbacks/tasks/${id}/assign`, { userId: randomUUID() });
    expect(bad.statusCode).toBe(400);
    expect((await t.as(agent, 'GET', `/api/callbacks/tasks/${id}`)).json()).toMatchObject({
      assignedUserId: agent.me.user.id,
    });
  });

  it('lists every active agent of the dealer for reassigning, with what each has now; agents may not', async () => {
    const list = (await ok(await t.as(k.lead, 'GET', '/api/callbacks/agents'))) as {
      items: { userId: string; username: string; lead: boolean; assigned: number; holding: number }[];
    };
    const by = new Map(list.items.map((a) => [a.username, a]));
    // the reassigned task of the previous test is assigned to the agent, who holds it
    expect(by.get('cs_agent')).toMatchObject({ userId: agent.me.user.id, lead: false, holding: 1 });
    expect(by.get('cs_agent')!.assigned).toBeGreaterThanOrEqual(1);
    expect(by.get('cs_lead')).toMatchObject({ lead: true });
    // no other dealer's users, nobody without callback work (a service advisor, the GM)
    expect(by.has('hz_agent')).toBe(false);
    expect([...by.keys()]).not.toContain('service_advisor');
    expect([...by.keys()]).not.toContain('gm');
    await sql`update users set disabled_at = now() where username = 'cs_supervisor'`.execute(db());
    const after = (await ok(await t.as(k.lead, 'GET', '/api/callbacks/agents'))) as { items: { username: string }[] };
    expect(after.items.map((a) => a.username)).not.toContain('cs_supervisor');
    await sql`update users set disabled_at = null where username = 'cs_supervisor'`.execute(db());
    expect((await t.as(agent, 'GET', '/api/callbacks/agents')).statusCode).toBe(403);
  });

  it("answers 404 for another dealer's task and changes nothing", async () => {
    const id = await k.taskOf(k.customers[10]!.id);
    const hz = await t.login('hz_agent');
    expect((await t.as(hz, 'GET', `/api/callbacks/tasks/${id}`)).statusCode).toBe(404);
    expect((await t.as(hz, 'POST', `/api/callbacks/tasks/${id}/attempts`, { outcome: 'refused' })).statusCode).toBe(
      404,
    );
    expect((await t.as(hz, 'POST', `/api/callbacks/tasks/${id}/release`)).statusCode).toBe(404);
    const row = await db().selectFrom('callbackTasks').select('status').where('id', '=', id).executeTakeFirst();
    expect(row?.status).not.toBe('REFUSED');
    expect((await next(hz)).task).toBeNull();
  });
});
