import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_PRESETS } from '../../../core/rules/callback-presets';
import { addDays, mondayToFriday } from '../../../core/rules/callback-rules';
import { useTestApp } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { blockCustomer } from './attempts.service';
import { ALL_DAY, insertRepairOrders, insertSales, seedCustomers, type RoSpec } from './callbacks.fixtures';
import { generateForDealer } from './generator';

/**
 * 10,000 repair orders and 1,000 sales produce exactly the tasks the rules say (SPEC §4.1, §5.1, §9.2
 * C1–C3, C36): counts per status and reason, due dates per preset version (calendar and working days,
 * weekends), the duplicate rule, and a rerun that adds nothing.
 */
describe(`callback task generation on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  const base = '2026-01-05'; // a Monday
  const now = new Date('2026-02-03T04:00:00Z'); // Tuesday noon in Shanghai
  const opts = { now, timeZone: 'Asia/Shanghai', isWorkingDay: mondayToFriday };
  let dealerId = '';
  let v2 = '';
  const count = async (where: ReturnType<typeof sql>) =>
    Number(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from callback_tasks where dealer_id = ${dealerId} and ${where}`.execute(
          t.database.db,
        )
      ).rows[0]?.n,
    );

  beforeAll(async () => {
    const db = t.database.db;
    const admin = await t.login('dealer_admin');
    dealerId = admin.me.currentDealerId!;
    const put = (effectiveFrom: string, presetKey: 'P-AYT' | 'P-DPCA', rules: object) =>
      t.as(admin, 'PUT', '/api/callbacks/rules', { effectiveFrom, presetKey, rules });
    const ayt = { ...RULE_PRESETS['P-AYT'], callingHours: ALL_DAY };
    const dpca = RULE_PRESETS['P-DPCA'];
    const r1 = await put('2025-01-01', 'P-AYT', ayt);
    expect(r1.statusCode, r1.body).toBe(200);
    const res = await put('2026-01-19', 'P-DPCA', {
      ...dpca,
      callingHours: ALL_DAY,
      tasks: { ...dpca.tasks, AS_PHONE: { ...dpca.tasks.AS_PHONE, dayKind: 'working' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    v2 = res.json().versions.find((v: { versionNo: number }) => v.versionNo === 2).id;

    const customers = await seedCustomers(db, dealerId, 9000, 'g');
    const buyers = await seedCustomers(db, dealerId, 1000, 's');
    await sql`update customers set service_callbacks_allowed = false
              where dealer_id = ${dealerId} and id in (${sql.join(customers.slice(0, 100).map((c) => c.id))})`.execute(
      db,
    );
    const system = { userId: admin.me.user.id, username: 'dealer_admin' };
    for (const c of customers.slice(100, 150)) await blockCustomer(db, system, dealerId, c.id, 'refused');
    const ros: RoSpec[] = [];
    for (let i = 0; i < 7995; i++)
      ros.push({
        customer: i >= 200 && i < 210 ? null : customers[i]!,
        settledOn: addDays(base, i % 28),
        ...(i >= 150 && i < 200 ? { repairType: '内部维修' } : {}),
      });
    for (let i = 7995; i < 8000; i++) ros.push({ customer: customers[i]!, settledOn: '2025-10-01' });
    for (let k = 8000; k < 9000; k++) {
      ros.push({ customer: customers[k]!, settledOn: addDays(base, k % 10) });
      ros.push({ customer: customers[k]!, settledOn: addDays(base, (k % 10) + 3) });
    }
    expect(ros).toHaveLength(10_000);
    await insertRepairOrders(db, dealerId, 'g', ros);
    await insertSales(
      db,
      dealerId,
      'sal',
      buyers.map((customer, i) => ({
        customer,
        saleDate: addDays(base, i % 20),
        saleType: i < 50 ? 'fleet' : i < 80 ? 'internal' : 'retail',
        buyerIsDealer: i >= 80 && i < 100,
      })),
    );
  }, 120_000);

  it(
    'creates one task row per transaction and type, with the expected statuses and reasons',
    { timeout: 180_000 },
    async () => {
      const r = await generateForDealer(t.database.db, dealerId, opts);
      expect(r.created).toBe(11_000);
      const as = sql`type = 'AS_PHONE'`;
      expect(await count(as)).toBe(10_000);
      expect(await count(sql`${as} and status = 'PENDING'`)).toBe(8785);
      expect(await count(sql`${as} and status = 'DUPLICATE'`)).toBe(1000);
      for (const [reason, n] of [
        ['opted_out', 100],
        ['refused_before', 50],
        ['internal_repair', 50],
        ['no_customer', 10],
        ['too_late', 5],
      ] as const)
        expect(await count(sql`${as} and status = 'EXCLUDED' and reason = ${reason}`), reason).toBe(n);
      const sales = sql`type = 'SALES_PHONE'`;
      expect(await count(sql`${sales} and status = 'PENDING'`)).toBe(900);
      expect(await count(sql`${sales} and reason = 'fleet'`)).toBe(50);
      expect(await count(sql`${sales} and reason = 'internal'`)).toBe(30);
      expect(await count(sql`${sales} and reason = 'dealer'`)).toBe(20);
    },
  );

  it('keeps the earliest order of a customer and marks the later one in the window DUPLICATE', async () => {
    const dup = await sql<{ n: number }>`
      select count(*)::int as n from callback_tasks d
        join callback_tasks k on k.dealer_id = d.dealer_id and k.id = d.duplicate_of
      where d.dealer_id = ${dealerId} and d.status = 'DUPLICATE'
        and k.status = 'PENDING' and k.customer_id = d.customer_id and d.anchor_date = k.anchor_date + 3`.execute(
      t.database.db,
    );
    expect(dup.rows[0]?.n).toBe(1000);
  });

  it('applies the version in effect on the transaction date', async () => {
    // 7,995 orders on days 0–27: 3,991 fall on or after the P-DPCA version's effective date (day 14).
    expect(await count(sql`type = 'AS_PHONE' and rule_set_id = ${v2}`)).toBe(3991);
  });

  it('P-AYT: settlement + 3 calendar days, also over a weekend (Friday → Monday)', async () => {
    const ayt = sql`type = 'AS_PHONE' and status = 'PENDING' and rule_set_id <> ${v2}`;
    expect(await count(sql`${ayt} and (due_start <> anchor_date + 3 or due_end <> due_start)`)).toBe(0);
    const fridays = await count(sql`${ayt} and anchor_date = '2026-01-09'`);
    expect(fridays).toBeGreaterThan(100);
    expect(await count(sql`${ayt} and anchor_date = '2026-01-09' and due_start = '2026-01-12'`)).toBe(fridays);
  });

  it('P-DPCA in working days: delivery + 1…5 working days, never on a weekend', async () => {
    const dpca = sql`type = 'AS_PHONE' and rule_set_id = ${v2} and status = 'PENDING'`;
    expect(await count(sql`${dpca} and (extract(isodow from due_start) > 5 or extract(isodow from due_end) > 5)`)).toBe(
      0,
    );
    for (const [anchor, start, end] of [
      ['2026-01-23', '2026-01-26', '2026-01-30'], // Friday
      ['2026-01-24', '2026-01-26', '2026-01-30'], // Saturday
      ['2026-01-21', '2026-01-22', '2026-01-28'], // Wednesday
    ]) {
      const all = await count(sql`${dpca} and anchor_date = ${anchor}`);
      expect(all, anchor).toBeGreaterThan(100);
      expect(await count(sql`${dpca} and anchor_date = ${anchor} and due_start = ${start} and due_end = ${end}`)).toBe(
        all,
      );
    }
  });

  it('P-AYT sales: within seven days of the purchase date', async () => {
    const bad = sql`type = 'SALES_PHONE' and (due_start <> anchor_date + 1 or due_end <> anchor_date + 7)`;
    expect(await count(bad)).toBe(0);
  });

  it('is idempotent: a rerun adds nothing', async () => {
    const before = await count(sql`true`);
    const r = await generateForDealer(t.database.db, dealerId, opts);
    expect(r.created).toBe(0);
    expect(await count(sql`true`)).toBe(before);
  });

  it('closes the open tasks of a customer who refused or opted out within one cycle', async () => {
    const db = t.database.db;
    const open = await sql<{ customerId: string }>`
      select customer_id from callback_tasks t where dealer_id = ${dealerId} and type = 'AS_PHONE'
        and status = 'PENDING' and not exists (select 1 from callback_tasks d where d.dealer_id = t.dealer_id
          and d.customer_id = t.customer_id and d.id <> t.id)
      order by anchor_date, id limit 2`.execute(db);
    const [a, b] = open.rows.map((r) => r.customerId);
    await blockCustomer(
      db,
      { userId: (await t.login('cs_agent')).me.user.id, username: 'cs_agent' },
      dealerId,
      a!,
      'refused',
    );
    await sql`update customers set service_callbacks_allowed = false where dealer_id = ${dealerId} and id = ${b!}`.execute(
      db,
    );
    const r = await generateForDealer(db, dealerId, opts);
    expect(r.blocked).toBeGreaterThanOrEqual(2);
    const reasons = await sql<{ reason: string }>`
      select reason from callback_tasks where dealer_id = ${dealerId} and customer_id in (${a!}, ${b!})
        and type = 'AS_PHONE' and status = 'EXCLUDED' order by reason`.execute(db);
    expect(reasons.rows.map((x) => x.reason)).toEqual(['opted_out', 'refused_before']);
  });
});
