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
  /** Special callbacks: the day the due window counts from (absence day, complaint closed), else the anchor. */
  windowFrom?: string | null;
  /** Special callbacks: the date whose rules version applies (today, closing day), else the transaction date. */
  ruleDate?: string | null;
  anchorKind?: string | null;
  /** What the agent reads on the task (the complaint followed up). */
  note?: string | null;
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

/**
 * 6个月未来厂 (002 ¶15): customers whose latest settled repair order is at least `months` old on `today` and who have
 * no SPECIAL_6M_ABSENT task for that order yet. The task follows up that last order, so a customer who comes back
 * and stays away again is called again for the new absence, and never twice for one.
 */
export async function findAbsentCustomersWithoutTask(
  db: Db,
  dealerId: string,
  o: { today: string; months: number },
  limit: number,
): Promise<SourceRow[]> {
  const r = await sql<SourceRow>`
    select ro.id as source_id, ro.customer_id, ro.vehicle_id, ro.settled_on::text as tx_date,
      ro.picked_up_on::text as delivery_date, ro.repair_type, null::text as sale_type, false as buyer_is_dealer,
      (ro.settled_on + make_interval(months => ${o.months}))::date::text as window_from, ${o.today}::text as rule_date,
      ${FLAG_COLUMNS}
    from repair_orders ro ${NO_TASK('SPECIAL_6M_ABSENT', 'repair_order', 'ro')} ${CUSTOMER_FLAGS('ro')}
    where ro.dealer_id = ${dealerId} and ro.customer_id is not null
      and ro.settled_on <= (${o.today}::date - make_interval(months => ${o.months}))::date
      and done.found is null
      and not exists (select 1 from repair_orders later where later.dealer_id = ro.dealer_id
        and later.customer_id = ro.customer_id
        and (later.settled_on > ro.settled_on or (later.settled_on = ro.settled_on and later.id > ro.id)))
    order by ro.settled_on, ro.id limit ${limit}`.execute(db);
  return r.rows;
}

/**
 * 有过重大抱怨的客户 (002 ¶15, C40): closed (checked) complaints of the configured levels, with a customer, that
 * have no SPECIAL_MAJOR_COMPLAINT task yet. The window counts from the local day the complaint was closed.
 */
export async function findClosedComplaintsWithoutTask(
  db: Db,
  dealerId: string,
  o: { levels: string[]; timeZone: string },
  limit: number,
): Promise<SourceRow[]> {
  const closedOn = sql`(cp.checked_at at time zone ${o.timeZone})::date`;
  const r = await sql<SourceRow>`
    select cp.id as source_id, cp.customer_id, veh.id as vehicle_id, ${closedOn}::text as tx_date,
      null::text as delivery_date, null::text as repair_type, null::text as sale_type, false as buyer_is_dealer,
      ${closedOn}::text as window_from, ${closedOn}::text as rule_date, 'complaint_closed' as anchor_kind,
      left(cp.description, 300) as note,
      ${FLAG_COLUMNS}
    from complaints cp
      left join lateral (select 1 as found from callback_tasks t
        where t.dealer_id = cp.dealer_id and t.type = 'SPECIAL_MAJOR_COMPLAINT' and t.source_kind = 'complaint'
          and t.source_id = cp.id limit 1) done on true
      left join lateral (select v.id from vehicles v where v.dealer_id = cp.dealer_id
        and v.owner_customer_id = cp.customer_id order by v.created_at desc limit 1) veh on true
      ${CUSTOMER_FLAGS('cp')}
    where cp.dealer_id = ${dealerId} and cp.status = 'checked' and cp.checked_at is not null
      and cp.customer_id is not null and cp.level in (${sql.join(o.levels.length ? o.levels : [''])})
      and done.found is null
    order by cp.checked_at, cp.id limit ${limit}`.execute(db);
  return r.rows;
}

/**
 * A SPECIAL_6M_ABSENT task still waiting for its first call is moot once the customer is back: closed as
 * `customer_returned` (not while an agent holds it).
 */
export async function closeReturnedAbsent(db: Db, dealerId: string): Promise<number> {
  const r = await sql`
    update callback_tasks t set status = 'CLOSED', reason = 'customer_returned', closed_at = now()
    where t.dealer_id = ${dealerId} and t.type = 'SPECIAL_6M_ABSENT' and t.status = 'PENDING'
      and t.attempt_count = 0 and (t.lease_expires_at is null or t.lease_expires_at < now())
      and exists (select 1 from repair_orders ro, repair_orders last
        where last.dealer_id = t.dealer_id and last.id = t.source_id
          and ro.dealer_id = t.dealer_id and ro.customer_id = last.customer_id and ro.settled_on > last.settled_on)`.execute(
    db,
  );
  return Number(r.numAffectedRows ?? 0);
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
