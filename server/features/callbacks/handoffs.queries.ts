import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** Contact-data hand-offs (联系方式不正确 → SA / sales consultant, SPEC §4.6). */

/** The staff member responsible for the transaction: the RO's service advisor or the sale's consultant. */
export async function findResponsibleStaff(db: Db, dealerId: string, sourceKind: string, sourceId: string) {
  const r = await sql<{ staffId: string | null; staffName: string | null }>`
    select coalesce(ro.advisor_staff_id, s.consultant_staff_id, st.id) as staff_id,
           coalesce(ro.advisor_name, s.consultant_name) as staff_name
    from (select 1) one
      left join repair_orders ro on ${sourceKind} = 'repair_order' and ro.dealer_id = ${dealerId} and ro.id = ${sourceId}
      left join sales s on ${sourceKind} = 'sale' and s.dealer_id = ${dealerId} and s.id = ${sourceId}
      left join lateral (select id from staff where dealer_id = ${dealerId} and active
                         and name = coalesce(ro.advisor_name, s.consultant_name) order by created_at limit 1) st on true`.execute(
    db,
  );
  return r.rows[0] ?? { staffId: null, staffName: null };
}

export async function insertHandoff(
  db: Db,
  row: {
    dealerId: string;
    taskId: string;
    customerId: string | null;
    department: string;
    staffId: string | null;
    staffName: string | null;
    reason: string;
    createdBy: string;
    dueAt: Date;
  },
) {
  await db
    .insertInto('contactHandoffs')
    .values(row)
    .onConflict((oc) => oc.columns(['dealerId', 'taskId']).where('fixedAt', 'is', null).doNothing())
    .execute();
}

export interface HandoffRow {
  id: string;
  dealerId: string;
  taskId: string;
  taskType: string;
  taskStatus: string;
  customerId: string | null;
  customerName: string | null;
  sourceNumber: string | null;
  department: string;
  staffName: string | null;
  staffUserId: string | null;
  reason: string;
  createdAt: Date;
  dueAt: Date;
  fixedAt: Date | null;
  note: string | null;
}

export async function findHandoffs(
  db: Db,
  dealerIds: string[],
  f: { departments: string[]; open?: boolean | undefined; userId?: string | undefined; id?: string },
) {
  if (!dealerIds.length || !f.departments.length) return [];
  const r = await sql<HandoffRow>`
    select h.id, h.dealer_id, h.task_id, t.type as task_type, t.status as task_status, h.customer_id,
      c.name as customer_name, coalesce(ro.ro_number, s.vin) as source_number, h.department, h.staff_name,
      st.user_id as staff_user_id, h.reason, h.created_at, h.due_at, h.fixed_at, h.note
    from contact_handoffs h
      join callback_tasks t on t.dealer_id = h.dealer_id and t.id = h.task_id
      left join customers c on c.dealer_id = h.dealer_id and c.id = h.customer_id
      left join repair_orders ro on t.source_kind = 'repair_order' and ro.dealer_id = t.dealer_id and ro.id = t.source_id
      left join sales s on t.source_kind = 'sale' and s.dealer_id = t.dealer_id and s.id = t.source_id
      left join staff st on st.dealer_id = h.dealer_id and st.id = h.staff_id
    where h.dealer_id in (${sql.join(dealerIds)}) and h.department in (${sql.join(f.departments)})
      ${f.id ? sql`and h.id = ${f.id}` : sql``}
      ${f.open === true ? sql`and h.fixed_at is null` : f.open === false ? sql`and h.fixed_at is not null` : sql``}
      ${f.userId ? sql`and st.user_id = ${f.userId}` : sql``}
    order by h.fixed_at is not null, h.due_at limit 500`.execute(db);
  return r.rows;
}

export async function markFixed(
  db: Db,
  dealerId: string,
  id: string,
  set: { fixedBy: string; newPhone: string | null; note: string },
): Promise<boolean> {
  const r = await db
    .updateTable('contactHandoffs')
    .set({ ...set, fixedAt: new Date() })
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .where('fixedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The customer's primary number (null: none). */
export async function findPrimaryPhone(db: Db, dealerId: string, customerId: string): Promise<string | null> {
  const r = await db
    .selectFrom('customerPhones')
    .select('phone')
    .where('dealerId', '=', dealerId)
    .where('customerId', '=', customerId)
    .where('isPrimary', '=', true)
    .executeTakeFirst();
  return r?.phone ?? null;
}

/** This number becomes the customer's only primary one (the others stay, not primary). */
export async function makePrimary(db: Db, dealerId: string, customerId: string, phone: string) {
  await db
    .updateTable('customerPhones')
    .set({ isPrimary: false })
    .where('dealerId', '=', dealerId)
    .where('customerId', '=', customerId)
    .where('isPrimary', '=', true)
    .where('phone', '<>', phone)
    .execute();
  await db
    .updateTable('customerPhones')
    .set({ isPrimary: true })
    .where('dealerId', '=', dealerId)
    .where('customerId', '=', customerId)
    .where('phone', '=', phone)
    .execute();
}

/** The customer's field history: phones live in their own table, so the change is written here explicitly. */
export async function recordPhoneChange(
  db: Db,
  c: {
    dealerId: string;
    customerId: string;
    oldValue: string | null;
    newValue: string;
    source: string;
    changedBy: string;
  },
) {
  await db
    .insertInto('customerChanges')
    .values({
      dealerId: c.dealerId,
      customerId: c.customerId,
      field: 'phone',
      oldValue: c.oldValue,
      newValue: c.newValue,
      source: c.source,
      changedBy: c.changedBy,
    })
    .execute();
}
