import { sql } from 'kysely';
import type { GeneratedType } from '../../../core/contracts/callbacks';
import type { Db } from '../../db/client';

/** Reads for task generation: transactions that have no task of a type yet, and the tasks already kept. */

export interface SourceRow {
  sourceId: string;
  customerId: string | null;
  vehicleId: string | null;
  /** settlement date (repair order) or sale date */
  txDate: string;
  /** pick-up date (repair order) or delivery date (sale) */
  deliveryDate: string | null;
  repairType: string | null;
  saleType: string | null;
  buyerIsDealer: boolean;
  optedOut: boolean;
  blocked: boolean;
}

/*
 * The statements below are written to be plan-proof when statistics are stale (embedded PGlite has no
 * autovacuum and the import tables are never analysed there): every lookup is a LATERAL subquery with
 * LIMIT 1, which the planner cannot flatten into a join, so it is always an index probe per row.
 */
const NO_TASK = (type: string, kind: string, alias: string) => sql`
  left join lateral (select 1 as found from callback_tasks t
    where t.dealer_id = ${sql.ref(`${alias}.dealer_id`)} and t.type = ${type} and t.source_kind = ${kind}
      and t.source_id = ${sql.ref(`${alias}.id`)} limit 1) done on true`;
const CUSTOMER_FLAGS = (alias: string) => sql`
  left join lateral (select c.service_callbacks_allowed from customers c
    where c.dealer_id = ${sql.ref(`${alias}.dealer_id`)} and c.id = ${sql.ref(`${alias}.customer_id`)} limit 1) c on true
  left join lateral (select 1 as found from callback_blocks b
    where b.dealer_id = ${sql.ref(`${alias}.dealer_id`)} and b.customer_id = ${sql.ref(`${alias}.customer_id`)} limit 1) b on true`;
const FLAG_COLUMNS = sql`coalesce(c.service_callbacks_allowed, true) = false as opted_out, b.found is not null as blocked`;

/** Up to `limit` repair orders without a task of `type`, oldest settlement first. */
export async function findRepairOrdersWithoutTask(
  db: Db,
  dealerId: string,
  type: GeneratedType,
  filter: { reworkOnly?: boolean; serviceTypes?: string[] },
  limit: number,
): Promise<SourceRow[]> {
  const extra = filter.reworkOnly
    ? sql`and ro.rework`
    : filter.serviceTypes
      ? sql`and ro.service_type in (${sql.join(filter.serviceTypes.length ? filter.serviceTypes : [''])})`
      : sql``;
  const r = await sql<SourceRow>`
    select ro.id as source_id, ro.customer_id, ro.vehicle_id, ro.settled_on::text as tx_date,
      ro.picked_up_on::text as delivery_date, ro.repair_type, null::text as sale_type, false as buyer_is_dealer,
      ${FLAG_COLUMNS}
    from repair_orders ro ${NO_TASK(type, 'repair_order', 'ro')} ${CUSTOMER_FLAGS('ro')}
    where ro.dealer_id = ${dealerId} ${extra} and done.found is null
    order by ro.settled_on, ro.id limit ${limit}`.execute(db);
  return r.rows;
}

/** Up to `limit` sales without a task of `type`, oldest sale first. */
export async function findSalesWithoutTask(
  db: Db,
  dealerId: string,
  type: GeneratedType,
  limit: number,
): Promise<SourceRow[]> {
  const r = await sql<SourceRow>`
    select s.id as source_id, s.customer_id, s.vehicle_id, s.sale_date::text as tx_date,
      s.delivery_date::text as delivery_date, null::text as repair_type, s.sale_type, s.buyer_is_dealer,
      ${FLAG_COLUMNS}
    from sales s ${NO_TASK(type, 'sale', 's')} ${CUSTOMER_FLAGS('s')}
    where s.dealer_id = ${dealerId} and done.found is null
    order by s.sale_date, s.id limit ${limit}`.execute(db);
  return r.rows;
}

/** Kept (not excluded, not duplicate) tasks of a type for these customers / vehicles, for the duplicate rule. */
export async function findKeptTasks(db: Db, dealerId: string, type: string, customers: string[], vehicles: string[]) {
  if (!customers.length && !vehicles.length) return [];
  const r = await sql<{ id: string; customerId: string | null; vehicleId: string | null; anchorDate: string }>`
    select id, customer_id, vehicle_id, anchor_date::text as anchor_date from callback_tasks
    where dealer_id = ${dealerId} and type = ${type} and status not in ('EXCLUDED', 'DUPLICATE')
      and (customer_id in (${sql.join(customers.length ? customers : [null])})
        or (customer_id is null and vehicle_id in (${sql.join(vehicles.length ? vehicles : [null])})))`.execute(db);
  return r.rows;
}

/** Only one generator works on a dealer at a time (several app instances may run the job). */
export async function tryLockDealer(db: Db, dealerId: string): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`
    select pg_try_advisory_xact_lock(hashtext(${`callbacks.generate:${dealerId}`})) as ok`.execute(db);
  return r.rows[0]?.ok === true;
}

export async function findDealerZones(db: Db, dealerIds?: string[]) {
  let q = db.selectFrom('dealers').select(['id', 'timeZone']);
  if (dealerIds) q = q.where('id', 'in', dealerIds.length ? dealerIds : ['00000000-0000-0000-0000-000000000000']);
  return q.execute();
}

/**
 * Fresh planner statistics after a large insert: embedded PGlite has no autovacuum, and with stale
 * statistics the "no task yet" anti-join degrades to a quadratic join filter.
 */
export async function analyzeTasks(db: Db) {
  await sql`analyze callback_tasks`.execute(db);
}
