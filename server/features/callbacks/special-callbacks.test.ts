import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { CallbackRules, type CallbackTask } from '../../../core/contracts/callbacks';
import { RULE_PRESETS } from '../../../core/rules/callback-presets';
import { mondayToFriday } from '../../../core/rules/callback-rules';
import { useTestApp, type Session } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { blockCustomer } from './attempts.service';
import { ALL_DAY, insertRepairOrders, seedCustomers, type SeededCustomer } from './callbacks.fixtures';
import { generateForDealer } from './generator';

/**
 * The generated special callbacks of 002 ¶15 (SPEC §4.1, C29, C40): customers absent 6 months and customers whose
 * major complaint was closed — windows, exclusions (opted out, refused), idempotence, the customer coming back,
 * and the months / levels as versioned CONFIG.
 */
describe(`special callbacks on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  const now = new Date('2026-02-03T04:00:00Z'); // Tuesday noon in Shanghai
  const opts = { now, timeZone: 'Asia/Shanghai', isWorkingDay: mondayToFriday };
  let admin: Session;
  let dealerId = '';
  let c: SeededCustomer[] = [];
  const db = () => t.database.db;
  const generate = () => generateForDealer(db(), dealerId, opts);
  const tasksOf = (type: string) =>
    db()
      .selectFrom('callbackTasks')
      .selectAll()
      .where('dealerId', '=', dealerId)
      .where('type', '=', type)
      .orderBy('createdAt')
      .execute();
  const putDpca = async (effectiveFrom: string, special = RULE_PRESETS['P-DPCA'].special) => {
    const rules = { ...RULE_PRESETS['P-DPCA'], callingHours: ALL_DAY, special };
    const res = await t.as(admin, 'PUT', '/api/callbacks/rules', { effectiveFrom, presetKey: 'P-DPCA', rules });
    expect(res.statusCode, res.body).toBe(200);
  };
  const complaint = async (customer: SeededCustomer, level: string, status: string, checkedAt: string | null) => {
    const row = await db()
      .insertInto('complaints')
      .values({
        dealerId,
        source: 'walk_in',
        level,
        customerId: customer.id,
        customerName: '投诉客户',
        description: `${level} 投诉：维修后异响未解决`,
        status,
        dueAt: new Date('2026-01-20T00:00:00Z'),
        checkedAt: checkedAt ? new Date(checkedAt) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const roId = async (customer: SeededCustomer, settledOn: string) =>
    (
      await db()
        .selectFrom('repairOrders')
        .select('id')
        .where('customerId', '=', customer.id)
        .where('settledOn', '=', settledOn)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    admin = await t.login('dealer_admin');
    dealerId = admin.me.currentDealerId!;
    await putDpca('2025-01-01');
    c = await seedCustomers(db(), dealerId, 10, 'sp');
    await insertRepairOrders(db(), dealerId, 'sp', [
      { customer: c[0]!, settledOn: '2025-03-01' },
      { customer: c[0]!, settledOn: '2025-08-01' }, // last visit: absent since 2026-02-01
      { customer: c[1]!, settledOn: '2025-07-20' },
      { customer: c[1]!, settledOn: '2025-12-01' }, // came back: not absent
      { customer: c[2]!, settledOn: '2025-08-02' }, // opted out
      { customer: c[3]!, settledOn: '2025-08-02' }, // refused a callback before
      { customer: c[4]!, settledOn: '2025-09-10' }, // absent only from 2026-03-10
      { customer: c[5]!, settledOn: '2024-01-01' }, // absent for two years: too late to call about it
    ]);
    await sql`update customers set service_callbacks_allowed = false where id = ${c[2]!.id}`.execute(db());
    await blockCustomer(db(), { userId: admin.me.user.id, username: 'dealer_admin' }, dealerId, c[3]!.id, 'refused');
  }, 120_000);

  it('reads a rules version saved before the special callbacks existed with them off', () => {
    const { special: _special, tasks, ...rest } = RULE_PRESETS['P-DPCA'];
    const { SPECIAL_6M_ABSENT: _a, SPECIAL_MAJOR_COMPLAINT: _m, ...oldTasks } = tasks;
    const parsed = CallbackRules.parse({ ...rest, tasks: oldTasks });
    expect(parsed.tasks.SPECIAL_6M_ABSENT.enabled).toBe(false);
    expect(parsed.tasks.SPECIAL_MAJOR_COMPLAINT.enabled).toBe(false);
    expect(parsed.special).toEqual({ absentMonths: 6, complaintLevels: ['major'] });
    expect(parsed.tasks.SPECIAL_REWORK).toEqual(tasks.SPECIAL_REWORK);
  });

  it('calls a customer whose last visit is 6 months old, once, within the window after that day', async () => {
    await generate();
    const tasks = await tasksOf('SPECIAL_6M_ABSENT');
    const of = (x: SeededCustomer) => tasks.filter((k) => k.customerId === x.id);
    expect(of(c[0]!)).toHaveLength(1);
    expect(of(c[0]!)[0]).toMatchObject({
      status: 'PENDING',
      sourceKind: 'repair_order',
      sourceId: await roId(c[0]!, '2025-08-01'),
      anchorKind: 'settlement',
      priority: 1,
    });
    const due = await sql<{ s: string; e: string; a: string }>`
      select due_start::text as s, due_end::text as e, anchor_date::text as a from callback_tasks
      where id = ${of(c[0]!)[0]!.id}`.execute(db());
    expect(due.rows[0]).toEqual({ s: '2026-02-01', e: '2026-02-15', a: '2025-08-01' });
    expect(of(c[1]!)).toHaveLength(0);
    expect(of(c[4]!)).toHaveLength(0);
    expect(of(c[2]!)[0]).toMatchObject({ status: 'EXCLUDED', reason: 'opted_out' });
    expect(of(c[3]!)[0]).toMatchObject({ status: 'EXCLUDED', reason: 'refused_before' });
    expect(of(c[5]!)[0]).toMatchObject({ status: 'EXCLUDED', reason: 'too_late' });
    expect(tasks).toHaveLength(4);
  });

  it('is idempotent: a rerun adds no special callback', async () => {
    const before = (await tasksOf('SPECIAL_6M_ABSENT')).length + (await tasksOf('SPECIAL_MAJOR_COMPLAINT')).length;
    const r = await generate();
    expect(r.created).toBe(0);
    expect((await tasksOf('SPECIAL_6M_ABSENT')).length + (await tasksOf('SPECIAL_MAJOR_COMPLAINT')).length).toBe(
      before,
    );
  });

  it('follows up a closed major complaint, not an open one nor a lesser level, and not an opted-out customer', async () => {
    const closed = await complaint(c[6]!, 'major', 'checked', '2026-02-01T10:00:00Z');
    const open = await complaint(c[7]!, 'major', 'replied', null);
    await complaint(c[8]!, 'complaint', 'checked', '2026-02-01T10:00:00Z');
    const optedOut = await complaint(c[2]!, 'major', 'checked', '2026-02-01T10:00:00Z');
    const r = await generate();
    expect(r.created).toBe(2);
    const tasks = await tasksOf('SPECIAL_MAJOR_COMPLAINT');
    const of = (id: string) => tasks.find((k) => k.sourceId === id);
    expect(of(closed)).toMatchObject({
      status: 'PENDING',
      sourceKind: 'complaint',
      anchorKind: 'complaint_closed',
      customerId: c[6]!.id,
      vehicleId: c[6]!.vehicleId,
      priority: 2,
      note: 'major 投诉：维修后异响未解决',
    });
    const due = await sql<{ s: string; e: string }>`
      select due_start::text as s, due_end::text as e from callback_tasks where id = ${of(closed)!.id}`.execute(db());
    expect(due.rows[0]).toEqual({ s: '2026-02-02', e: '2026-02-08' });
    expect(of(optedOut)).toMatchObject({ status: 'EXCLUDED', reason: 'opted_out' });
    expect(of(open)).toBeUndefined();
    // the lead opens it like any task: the source is the complaint
    const lead = await t.login('cs_lead');
    const res = await t.as(lead, 'GET', `/api/callbacks/tasks/${of(closed)!.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as CallbackTask).source).toMatchObject({ kind: 'complaint', id: closed });
    // once the open one is closed, the next cycle calls that customer too, and only once
    await sql`update complaints set status = 'checked', checked_at = ${new Date('2026-02-02T02:00:00Z')}
      where id = ${open}`.execute(db());
    expect((await generate()).created).toBe(1);
    expect((await generate()).created).toBe(0);
  });

  it('closes a waiting 6-month callback when the customer comes back', async () => {
    await insertRepairOrders(db(), dealerId, 'sp2', [{ customer: c[0]!, settledOn: '2026-02-02' }]);
    await generate();
    const task = (await tasksOf('SPECIAL_6M_ABSENT')).find((k) => k.customerId === c[0]!.id)!;
    expect(task).toMatchObject({ status: 'CLOSED', reason: 'customer_returned' });
    expect((await tasksOf('SPECIAL_6M_ABSENT')).filter((k) => k.customerId === c[0]!.id)).toHaveLength(1);
  });

  it('takes the months and the complaint levels from the rules version in effect today', async () => {
    await putDpca('2026-02-01', { absentMonths: 4, complaintLevels: ['major', 'complaint'] });
    const r = await generate();
    expect(r.created).toBe(2);
    const absent = (await tasksOf('SPECIAL_6M_ABSENT')).filter((k) => k.customerId === c[4]!.id);
    expect(absent).toHaveLength(1);
    expect(absent[0]).toMatchObject({ status: 'PENDING' });
    expect((await tasksOf('SPECIAL_MAJOR_COMPLAINT')).filter((k) => k.customerId === c[8]!.id)).toHaveLength(1);
  });

  it("generates none when today's rules turn the special callbacks off", async () => {
    const off = RULE_PRESETS['P-AYT'];
    const res = await t.as(admin, 'PUT', '/api/callbacks/rules', {
      effectiveFrom: '2026-02-02',
      presetKey: 'P-AYT',
      rules: { ...off, callingHours: ALL_DAY },
    });
    expect(res.statusCode, res.body).toBe(200);
    const k = await seedCustomers(db(), dealerId, 1, 'sp3');
    await insertRepairOrders(db(), dealerId, 'sp3', [{ customer: k[0]!, settledOn: '2025-07-25' }]);
    await complaint(k[0]!, 'major', 'checked', '2026-02-02T10:00:00Z');
    await generate();
    expect((await tasksOf('SPECIAL_6M_ABSENT')).filter((x) => x.customerId === k[0]!.id)).toHaveLength(0);
    expect((await tasksOf('SPECIAL_MAJOR_COMPLAINT')).filter((x) => x.customerId === k[0]!.id)).toHaveLength(0);
  });
});
