import type { ImportKind } from '../../../core/rules/dms-fields';
import type { BulkTx } from './bulk-session';
import type { StageTables } from './import-stage';

export interface ChunkCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Vehicles: dealer + the same match key (vin:… or plate:…), else the same VIN, else the same plate on a
 * vehicle whose VIN is unknown (or a row without VIN): a car first seen by its plate keeps one record when its
 * VIN turns up. Ties go to the most recently created vehicle (plates move between cars).
 */
function resolveVehiclesSteps(t: StageTables): string[] {
  const step = (join: string, where: string) => `
    update ${t.vehicles} u set vehicle_id = x.id from (
      select distinct on (s.vgrp) s.vgrp, v.id from ${t.vehicles} s join vehicles v on v.dealer_id = $1::uuid and ${join}
      where s.vehicle_id is null and ${where} order by s.vgrp, v.created_at desc, v.id
    ) x where u.vgrp = x.vgrp`;
  return [
    `update ${t.vehicles} s set vehicle_id = v.id from vehicles v
     where v.dealer_id = $1::uuid and v.match_key = s.match_key`,
    step('v.vin = s.vin', 's.vin is not null'),
    step('v.plate = s.plate', 's.plate is not null and (v.vin is null or s.vin is null)'),
  ];
}

function insertVehiclesSql(t: StageTables): string {
  return `
    insert into vehicles (dealer_id, id, match_key, vin, plate, model, colour, engine_no, owner_customer_id,
      last_visit_on, next_maintenance_on)
    select $1::uuid, s.vehicle_id, s.match_key, s.vin, s.plate, s.model, s.colour, s.engine_no, c.customer_id,
      s.visit_on, s.next_visit_on
    from ${t.vehicles} s left join ${t.customers} c on c.grp = s.owner_grp where s.is_new`;
}

const V_TRACKED = 'vin, plate, model, colour, engine_no, owner_customer_id, last_visit_on, next_maintenance_on';
const vPrefixed = (alias: string) => V_TRACKED.replace(/(\w+)/g, `${alias}.$1`);

function updateVehiclesSql(t: StageTables): string {
  return `
    with n as (
      select distinct on (v.id) v.id, coalesce(s.vin, v.vin) as vin, coalesce(s.plate, v.plate) as plate,
        coalesce(s.model, v.model) as model, coalesce(s.colour, v.colour) as colour,
        coalesce(s.engine_no, v.engine_no) as engine_no,
        coalesce(c.customer_id, v.owner_customer_id) as owner_customer_id,
        greatest(s.visit_on, v.last_visit_on) as last_visit_on,
        coalesce(s.next_visit_on, v.next_maintenance_on) as next_maintenance_on
      from ${t.vehicles} s join vehicles v on v.dealer_id = $1::uuid and v.id = s.vehicle_id
      left join ${t.customers} c on c.grp = s.owner_grp
      where not s.is_new order by v.id, s.vgrp desc
    )
    update vehicles t set (${V_TRACKED}) = (select ${vPrefixed('n')})
    from n where t.dealer_id = $1::uuid and t.id = n.id and (${vPrefixed('t')}) is distinct from (${vPrefixed('n')})`;
}

export async function mergeVehicles(tx: BulkTx, t: StageTables, dealerId: string): Promise<void> {
  for (const step of resolveVehiclesSteps(t)) await tx.query(step, [dealerId]);
  await tx.query(`update ${t.vehicles} set vehicle_id = new_id, is_new = true where vehicle_id is null`);
  await tx.query(insertVehiclesSql(t), [dealerId]);
  await tx.query(updateVehiclesSql(t), [dealerId]);
}

/** The staff member of that name at the dealer (active first, then the earliest). */
const staffOf = (t: StageTables, column: string) => `
  staff_names as (
    select distinct on (st.name) st.name, st.id from staff st
    where st.dealer_id = $1::uuid and st.name in (select distinct r.${column} from ${t.rows} r where r.${column} is not null)
    order by st.name, st.active desc, st.created_at, st.id)`;

const RO_TRACKED = `settled_on, customer_id, vehicle_id, advisor_name, advisor_staff_id, creator_code, repair_type,
  amount_fen, mileage_km, picked_up_on, next_visit_on, rework`;
const SALE_TRACKED = `customer_id, vehicle_id, delivery_date, bare_price_fen, selling_price_fen, discount_fen,
  consultant_name, consultant_staff_id, sale_type, buyer_is_dealer`;
const excludedSet = (cols: string) =>
  cols
    .split(',')
    .map((c) => `${c.trim()} = excluded.${c.trim()}`)
    .join(', ');
const tuple = (cols: string, alias: string) => cols.replace(/(\w+)/g, `${alias}.$1`);

function repairOrdersSql(t: StageTables): string {
  return `
    with ${staffOf(t, 'advisor_name')}, w as (
      insert into repair_orders as ro (dealer_id, id, ro_number, ${RO_TRACKED}, import_run_id)
      select $1::uuid, r.id, r.ro_number, r.settled_on, c.customer_id, v.vehicle_id, r.advisor_name, sn.id, r.creator_code,
        r.repair_type, r.amount_fen, r.mileage_km, r.picked_up_on, r.next_visit_on, r.rework, $2::uuid
      from ${t.rows} r left join ${t.customers} c on c.grp = r.grp left join ${t.vehicles} v on v.vgrp = r.vgrp
      left join staff_names sn on sn.name = r.advisor_name
      on conflict (dealer_id, ro_number) do update set ${excludedSet(RO_TRACKED)}, import_run_id = excluded.import_run_id
      where (${tuple(RO_TRACKED, 'ro')}) is distinct from (${tuple(RO_TRACKED, 'excluded')})
      returning (xmax = 0) as inserted
    ) select count(*) filter (where inserted)::int as inserted, count(*)::int as written from w`;
}

function salesSql(t: StageTables): string {
  return `
    with ${staffOf(t, 'consultant_name')}, w as (
      insert into sales as sa (dealer_id, id, vin, sale_date, ${SALE_TRACKED}, import_run_id)
      select $1::uuid, r.id, r.vin, r.sale_date, c.customer_id, v.vehicle_id, r.delivery_date, r.bare_price_fen,
        r.selling_price_fen, r.discount_fen, r.consultant_name, sn.id, r.sale_type, r.sale_type = 'dealer', $2::uuid
      from ${t.rows} r left join ${t.customers} c on c.grp = r.grp left join ${t.vehicles} v on v.vgrp = r.vgrp
      left join staff_names sn on sn.name = r.consultant_name
      on conflict (dealer_id, vin, sale_date) do update set ${excludedSet(SALE_TRACKED)}, import_run_id = excluded.import_run_id
      where (${tuple(SALE_TRACKED, 'sa')}) is distinct from (${tuple(SALE_TRACKED, 'excluded')})
      returning (xmax = 0) as inserted
    ) select count(*) filter (where inserted)::int as inserted, count(*)::int as written from w`;
}

/** Upserts the chunk's repair orders or sales; unchanged rows are not written. Counts per staged row. */
export async function mergeRecords(
  tx: BulkTx,
  t: StageTables,
  kind: Exclude<ImportKind, 'customers'>,
  ids: { dealerId: string; runId: string },
  rows: number,
): Promise<ChunkCounts> {
  const sql = kind === 'repair-orders' ? repairOrdersSql(t) : salesSql(t);
  const [r] = await tx.query<{ inserted: number; written: number }>(sql, [ids.dealerId, ids.runId]);
  const inserted = r?.inserted ?? 0;
  const written = r?.written ?? 0;
  return { inserted, updated: written - inserted, unchanged: rows - written };
}
