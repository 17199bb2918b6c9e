import { sql } from 'kysely';
import { RULE_PRESETS } from '../../../core/rules/callback-presets';
import { addDays, localParts } from '../../../core/rules/callback-rules';
import type { Session, TestApp } from '../../../tests/harness';
import { ALL_DAY, insertRepairOrders, seedCustomers, type SeededCustomer } from './callbacks.fixtures';

/** Shared set-up of the queue tests: rules, customers with one due repair order each, generated tasks. */

export const today = () => localParts(new Date(), 'Asia/Shanghai').ymd;

export async function ok(res: { statusCode: number; body: string; json(): unknown }, status = 200) {
  if (res.statusCode !== status)
    throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body.slice(0, 400)}`);
  return res.json() as never;
}

export interface QueueKit {
  dealerId: string;
  customers: SeededCustomer[];
  lead: Session;
  supervisor: Session;
  putRules(over?: object): Promise<void>;
  taskOf(customerId: string): Promise<string>;
}

export async function setupQueue(t: TestApp, n: number, tag: string): Promise<QueueKit> {
  const db = t.database.db;
  const supervisor = await t.login('cs_supervisor');
  const lead = await t.login('cs_lead');
  const dealerId = supervisor.me.currentDealerId!;
  let version = 0;
  const putRules = async (over: object = {}) => {
    const rules = { ...RULE_PRESETS['P-AYT'], callingHours: ALL_DAY, ...over };
    await ok(
      await t.as(supervisor, 'PUT', '/api/callbacks/rules', {
        effectiveFrom: '2020-01-01',
        rules,
        note: `v${++version}`,
      }),
    );
  };
  await putRules();
  const customers = await seedCustomers(db, dealerId, n, tag);
  // settled five days ago: the P-AYT window (settlement + 3) is due and overdue by two days
  await insertRepairOrders(
    db,
    dealerId,
    tag,
    customers.map((customer) => ({ customer, settledOn: addDays(today(), -5), advisorName: '张伟' })),
  );
  await ok(await t.as(lead, 'POST', '/api/callbacks/generate'));
  const taskOf = async (customerId: string) =>
    (
      await sql<{ id: string }>`select id from callback_tasks where dealer_id = ${dealerId}
        and customer_id = ${customerId} and type = 'AS_PHONE'`.execute(db)
    ).rows[0]!.id;
  return { dealerId, customers, lead, supervisor, putRules, taskOf };
}

/** Agent users of SH001 that can log in at once (the demo has one cs_agent). */
export async function makeAgents(t: TestApp, admin: Session, n: number, prefix: string): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const username = `${prefix}${i}`;
    await ok(
      await t.as(admin, 'POST', '/api/users', {
        username,
        displayName: `坐席${i}`,
        password: 'Agent12345678',
        roles: ['cs_agent'],
        dealerId: admin.me.currentDealerId,
      }),
      201,
    );
    names.push(username);
  }
  await t.database.db.updateTable('users').set({ mustChangePassword: false }).where('username', 'in', names).execute();
  return names;
}
