import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** The workbench's reads beyond the callback task view, and the dealers' call scripts. */

export interface TaskOrderRow {
  id: string;
  dealerId: string;
  type: string;
  sourceKind: string;
  dealerName: string;
  customerName: string | null;
  gender: string | null;
  model: string | null;
  roNumber: string | null;
  settledOn: string | null;
  pickedUpOn: string | null;
  repairType: string | null;
  amountFen: string | number | null;
  mileageKm: number | null;
  advisorName: string | null;
  vin: string | null;
  saleDate: string | null;
  deliveryDate: string | null;
  consultantName: string | null;
  saleType: string | null;
}

/** A task of this dealer with its customer's gender and the full repair order or sale. */
export async function findTaskOrder(db: Db, dealerId: string, taskId: string) {
  const r = await sql<TaskOrderRow>`
    select t.id, t.dealer_id, t.type, t.source_kind, d.name as dealer_name, c.name as customer_name, c.gender,
      v.model, ro.ro_number, ro.settled_on::text as settled_on, ro.picked_up_on::text as picked_up_on,
      ro.repair_type, ro.amount_fen, ro.mileage_km, ro.advisor_name,
      s.vin, s.sale_date::text as sale_date, s.delivery_date::text as delivery_date, s.consultant_name, s.sale_type
    from callback_tasks t
      join dealers d on d.id = t.dealer_id
      left join customers c on c.dealer_id = t.dealer_id and c.id = t.customer_id
      left join vehicles v on v.dealer_id = t.dealer_id and v.id = t.vehicle_id
      left join repair_orders ro on t.source_kind = 'repair_order' and ro.dealer_id = t.dealer_id and ro.id = t.source_id
      left join sales s on t.source_kind = 'sale' and s.dealer_id = t.dealer_id and s.id = t.source_id
    where t.dealer_id = ${dealerId} and t.id = ${taskId}`.execute(db);
  return r.rows[0];
}

/** Open tasks due by today that the agent may take: unassigned or theirs, and not leased by someone else. */
export async function countRemaining(db: Db, dealerId: string, userId: string, today: string) {
  const r = await sql<{ n: string | number }>`
    select count(*) as n from callback_tasks t
    where t.dealer_id = ${dealerId} and t.status in ('PENDING', 'APPOINTMENT') and t.due_start <= ${today}::date
      and (t.assigned_user_id is null or t.assigned_user_id = ${userId})
      and (t.lease_user_id is null or t.lease_user_id = ${userId} or t.lease_expires_at < now())`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export function findScripts(db: Db, dealerId: string) {
  return db.selectFrom('callScripts').selectAll().where('dealerId', '=', dealerId).execute();
}

export async function upsertScript(
  db: Db,
  row: {
    dealerId: string;
    businessLine: string;
    greeting: string;
    identityCheck: string;
    closing: string;
    hints: string;
    updatedBy: string;
  },
) {
  await db
    .insertInto('callScripts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['dealerId', 'businessLine']).doUpdateSet({
        greeting: row.greeting,
        identityCheck: row.identityCheck,
        closing: row.closing,
        hints: row.hints,
        updatedBy: row.updatedBy,
      }),
    )
    .execute();
}
