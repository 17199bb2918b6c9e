import { sql } from 'kysely';
import type { ImportKind } from '../../../core/rules/dms-fields';
import type { Db } from '../../db/client';
import type { IdCrypto } from '../customers/id-crypto';
import {
  type CleanRow,
  customerPart,
  type CustomerPart,
  num,
  rowHash,
  str,
  bool,
  vehiclePart,
  type VehiclePart,
} from './import-rows';

export interface ChunkCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const json = (rows: unknown[]) => JSON.stringify(rows);

async function upsertCustomers(
  tx: Db,
  dealerId: string,
  parts: CustomerPart[],
  runId: string,
): Promise<{ ids: Map<string, string>; written: { inserted: boolean }[] }> {
  if (parts.length === 0) return { ids: new Map(), written: [] };
  const consent = JSON.stringify({ source: 'dms-import', channel: 'dms', runId });
  const r = await sql<{ id: string; matchKey: string; inserted: boolean }>`
    insert into customers (dealer_id, match_key, kind, name, gender, birth_date, email, address, postcode, employer, industry,
      personal, id_card_cipher, id_card_hash, id_card_last4, service_callbacks_allowed, service_consent, marketing_allowed,
      marketing_consent, row_hash)
    select ${dealerId}, i."matchKey", i.kind, i.name, i.gender, i."birthDate", i.email, i.address, i.postcode, i.employer, i.industry,
      case when i.occupation is null then '{}'::jsonb else jsonb_build_object('occupation', i.occupation) end,
      i."idCardCipher", i."idCardHash", i."idCardLast4",
      coalesce(i."serviceCallbacksAllowed", true),
      case when i."serviceCallbacksAllowed" is null then null else ${consent}::jsonb || jsonb_build_object('at', now()) end,
      coalesce(i."marketingAllowed", false),
      case when i."marketingAllowed" is null then null else ${consent}::jsonb || jsonb_build_object('at', now()) end,
      i."rowHash"
    from jsonb_to_recordset(${json(parts)}::jsonb) as i("matchKey" text, kind text, name text, gender text, "birthDate" date,
      email text, address text, postcode text, employer text, industry text, occupation text, "idCardCipher" text,
      "idCardHash" text, "idCardLast4" text, "serviceCallbacksAllowed" boolean, "marketingAllowed" boolean, "rowHash" text)
    on conflict (dealer_id, match_key) do update set
      kind = excluded.kind, name = excluded.name,
      gender = coalesce(excluded.gender, customers.gender), birth_date = coalesce(excluded.birth_date, customers.birth_date),
      email = coalesce(excluded.email, customers.email), address = coalesce(excluded.address, customers.address),
      postcode = coalesce(excluded.postcode, customers.postcode), employer = coalesce(excluded.employer, customers.employer),
      industry = coalesce(excluded.industry, customers.industry), personal = customers.personal || excluded.personal,
      id_card_cipher = case when excluded.id_card_hash is distinct from customers.id_card_hash and excluded.id_card_hash is not null
        then excluded.id_card_cipher else customers.id_card_cipher end,
      id_card_hash = coalesce(excluded.id_card_hash, customers.id_card_hash),
      id_card_last4 = coalesce(excluded.id_card_last4, customers.id_card_last4),
      service_callbacks_allowed = case when excluded.service_consent is null then customers.service_callbacks_allowed else excluded.service_callbacks_allowed end,
      service_consent = coalesce(excluded.service_consent, customers.service_consent),
      marketing_allowed = case when excluded.marketing_consent is null then customers.marketing_allowed else excluded.marketing_allowed end,
      marketing_consent = coalesce(excluded.marketing_consent, customers.marketing_consent),
      row_hash = excluded.row_hash
    where customers.row_hash is distinct from excluded.row_hash
    returning id, match_key, (xmax = 0) as inserted`.execute(tx);
  const ids = new Map(r.rows.map((x) => [x.matchKey, x.id]));
  const missing = parts.map((p) => p.matchKey).filter((k) => !ids.has(k));
  if (missing.length) {
    const rest = await sql<{ id: string; matchKey: string }>`
      select id, match_key from customers where dealer_id = ${dealerId} and match_key = any(${missing}::text[])`.execute(
      tx,
    );
    for (const x of rest.rows) ids.set(x.matchKey, x.id);
  }
  await insertPhones(tx, dealerId, parts, ids);
  return { ids, written: r.rows };
}

/** Adds new numbers; a customer's first number (mobile preferred) becomes primary if they have none. */
async function insertPhones(tx: Db, dealerId: string, parts: CustomerPart[], ids: Map<string, string>) {
  const phones: { customerId: string; phone: string; kind: string; primary: boolean }[] = [];
  for (const p of parts) {
    const customerId = ids.get(p.matchKey);
    if (!customerId) continue;
    if (p.mobile) phones.push({ customerId, phone: p.mobile, kind: 'mobile', primary: true });
    if (p.landline) phones.push({ customerId, phone: p.landline, kind: 'landline', primary: !p.mobile });
  }
  if (phones.length === 0) return;
  await sql`
    insert into customer_phones (dealer_id, customer_id, phone, kind, is_primary)
    select ${dealerId}, i."customerId", i.phone, i.kind,
      i."primary" and not exists (select 1 from customer_phones x where x.dealer_id = ${dealerId} and x.customer_id = i."customerId" and x.is_primary)
    from jsonb_to_recordset(${json(phones)}::jsonb) as i("customerId" uuid, phone text, kind text, "primary" boolean)
    on conflict (dealer_id, customer_id, phone) do nothing`.execute(tx);
}

async function upsertVehicles(
  tx: Db,
  dealerId: string,
  parts: VehiclePart[],
  customers: Map<string, string>,
): Promise<Map<string, string>> {
  if (parts.length === 0) return new Map();
  const rows = parts.map((p) => ({ ...p, ownerId: p.customerKey ? (customers.get(p.customerKey) ?? null) : null }));
  const r = await sql<{ id: string; matchKey: string }>`
    insert into vehicles (dealer_id, match_key, vin, plate, model, colour, engine_no, owner_customer_id, last_visit_on, next_maintenance_on, row_hash)
    select ${dealerId}, i."matchKey", i.vin, i.plate, i.model, i.colour, i."engineNo", i."ownerId", i."visitOn", i."nextVisitOn", i."rowHash"
    from jsonb_to_recordset(${json(rows)}::jsonb) as i("matchKey" text, vin text, plate text, model text, colour text,
      "engineNo" text, "ownerId" uuid, "visitOn" date, "nextVisitOn" date, "rowHash" text)
    on conflict (dealer_id, match_key) do update set
      vin = coalesce(excluded.vin, vehicles.vin), plate = coalesce(excluded.plate, vehicles.plate),
      model = coalesce(excluded.model, vehicles.model), colour = coalesce(excluded.colour, vehicles.colour),
      engine_no = coalesce(excluded.engine_no, vehicles.engine_no),
      owner_customer_id = coalesce(excluded.owner_customer_id, vehicles.owner_customer_id),
      last_visit_on = greatest(excluded.last_visit_on, vehicles.last_visit_on),
      next_maintenance_on = coalesce(excluded.next_maintenance_on, vehicles.next_maintenance_on),
      row_hash = excluded.row_hash
    where vehicles.row_hash is distinct from excluded.row_hash
      or excluded.last_visit_on > coalesce(vehicles.last_visit_on, '1900-01-01')
    returning id, match_key`.execute(tx);
  const ids = new Map(r.rows.map((x) => [x.matchKey, x.id]));
  const missing = parts.map((p) => p.matchKey).filter((k) => !ids.has(k));
  if (missing.length) {
    const rest = await sql<{ id: string; matchKey: string }>`
      select id, match_key from vehicles where dealer_id = ${dealerId} and match_key = any(${missing}::text[])`.execute(
      tx,
    );
    for (const x of rest.rows) ids.set(x.matchKey, x.id);
  }
  return ids;
}

/**
 * Last occurrence wins inside one chunk (ON CONFLICT may touch a row only once per statement); a
 * vehicle keeps the latest visit date of all its rows.
 */
function dedupe<T extends { matchKey: string; visitOn?: string | null }>(parts: (T | null)[]): T[] {
  const m = new Map<string, T>();
  for (const p of parts) {
    if (!p) continue;
    const prev = m.get(p.matchKey)?.visitOn;
    m.set(p.matchKey, prev && (!p.visitOn || prev > p.visitOn) ? { ...p, visitOn: prev } : p);
  }
  return [...m.values()];
}

export interface WriteContext {
  dealerId: string;
  runId: string;
  kind: ImportKind;
  crypto: () => IdCrypto;
}

/** Writes one chunk of valid rows in the caller's transaction; set-based upserts, a few statements a chunk. */
export async function writeChunk(tx: Db, ctx: WriteContext, rows: CleanRow[]): Promise<ChunkCounts> {
  const customers = rows.map((r) => customerPart(r, ctx.crypto));
  const vehicles = rows.map((r, i) => vehiclePart(r, customers[i]?.matchKey ?? null));
  const uniqueCustomers = dedupe(customers);
  const { ids: customerIds, written } = await upsertCustomers(tx, ctx.dealerId, uniqueCustomers, ctx.runId);
  const vehicleIds = await upsertVehicles(tx, ctx.dealerId, dedupe(vehicles), customerIds);
  const link = (i: number) => ({
    customerId: customers[i] ? (customerIds.get(customers[i].matchKey) ?? null) : null,
    vehicleId: vehicles[i] ? (vehicleIds.get(vehicles[i].matchKey) ?? null) : null,
  });
  if (ctx.kind === 'repair-orders') return writeRepairOrders(tx, ctx, rows, link);
  if (ctx.kind === 'vehicle-sales') return writeSales(tx, ctx, rows, link);
  const counts = countResult(written, uniqueCustomers.length);
  return { ...counts, unchanged: counts.unchanged + rows.length - uniqueCustomers.length };
}

type Link = (i: number) => { customerId: string | null; vehicleId: string | null };

function countResult(rows: { inserted: boolean }[], total: number): ChunkCounts {
  const inserted = rows.filter((x) => x.inserted).length;
  return { inserted, updated: rows.length - inserted, unchanged: total - rows.length };
}

async function writeRepairOrders(tx: Db, ctx: WriteContext, rows: CleanRow[], link: Link): Promise<ChunkCounts> {
  const items = rows.map((r, i) => {
    const v = {
      roNumber: str(r, 'roNumber'),
      settledOn: str(r, 'settledOn'),
      ...link(i),
      advisorName: str(r, 'advisorName'),
      creatorCode: str(r, 'creatorCode'),
      repairType: str(r, 'repairType'),
      amountFen: num(r, 'amount'),
      mileageKm: num(r, 'mileage'),
      pickedUpOn: str(r, 'pickedUpOn'),
      nextVisitOn: str(r, 'nextVisitOn'),
      rework: bool(r, 'rework'),
    };
    return { ...v, rowHash: rowHash(Object.values(v)) };
  });
  const r = await sql<{ inserted: boolean }>`
    insert into repair_orders (dealer_id, ro_number, settled_on, customer_id, vehicle_id, advisor_name, advisor_staff_id, creator_code,
      repair_type, amount_fen, mileage_km, picked_up_on, next_visit_on, rework, row_hash, import_run_id)
    select ${ctx.dealerId}, i."roNumber", i."settledOn", i."customerId", i."vehicleId", i."advisorName",
      (select s.id from staff s where s.dealer_id = ${ctx.dealerId} and s.name = i."advisorName" order by s.active desc, s.created_at limit 1),
      i."creatorCode", i."repairType", i."amountFen", i."mileageKm", i."pickedUpOn", i."nextVisitOn", i.rework, i."rowHash", ${ctx.runId}
    from jsonb_to_recordset(${json(items)}::jsonb) as i("roNumber" text, "settledOn" date, "customerId" uuid, "vehicleId" uuid,
      "advisorName" text, "creatorCode" text, "repairType" text, "amountFen" bigint, "mileageKm" integer, "pickedUpOn" date,
      "nextVisitOn" date, rework boolean, "rowHash" text)
    on conflict (dealer_id, ro_number) do update set
      settled_on = excluded.settled_on, customer_id = excluded.customer_id, vehicle_id = excluded.vehicle_id,
      advisor_name = excluded.advisor_name, advisor_staff_id = excluded.advisor_staff_id, creator_code = excluded.creator_code,
      repair_type = excluded.repair_type, amount_fen = excluded.amount_fen, mileage_km = excluded.mileage_km,
      picked_up_on = excluded.picked_up_on, next_visit_on = excluded.next_visit_on, rework = excluded.rework,
      row_hash = excluded.row_hash, import_run_id = excluded.import_run_id
    where repair_orders.row_hash is distinct from excluded.row_hash
    returning (xmax = 0) as inserted`.execute(tx);
  return countResult(r.rows, rows.length);
}

async function writeSales(tx: Db, ctx: WriteContext, rows: CleanRow[], link: Link): Promise<ChunkCounts> {
  const items = rows.map((r, i) => {
    const saleType = str(r, 'saleType') ?? 'retail';
    const v = {
      vin: str(r, 'vin'),
      saleDate: str(r, 'saleDate'),
      ...link(i),
      deliveryDate: str(r, 'deliveryDate'),
      barePriceFen: num(r, 'barePrice'),
      sellingPriceFen: num(r, 'sellingPrice'),
      discountFen: num(r, 'discount'),
      consultantName: str(r, 'consultantName'),
      saleType,
    };
    return { ...v, rowHash: rowHash(Object.values(v)) };
  });
  const r = await sql<{ inserted: boolean }>`
    insert into sales (dealer_id, vin, sale_date, customer_id, vehicle_id, delivery_date, bare_price_fen, selling_price_fen, discount_fen,
      consultant_name, consultant_staff_id, sale_type, buyer_is_dealer, row_hash, import_run_id)
    select ${ctx.dealerId}, i.vin, i."saleDate", i."customerId", i."vehicleId", i."deliveryDate", i."barePriceFen", i."sellingPriceFen",
      i."discountFen", i."consultantName",
      (select s.id from staff s where s.dealer_id = ${ctx.dealerId} and s.name = i."consultantName" order by s.active desc, s.created_at limit 1),
      i."saleType", i."saleType" = 'dealer', i."rowHash", ${ctx.runId}
    from jsonb_to_recordset(${json(items)}::jsonb) as i(vin text, "saleDate" date, "customerId" uuid, "vehicleId" uuid, "deliveryDate" date,
      "barePriceFen" bigint, "sellingPriceFen" bigint, "discountFen" bigint, "consultantName" text, "saleType" text, "rowHash" text)
    on conflict (dealer_id, vin, sale_date) do update set
      customer_id = excluded.customer_id, vehicle_id = excluded.vehicle_id, delivery_date = excluded.delivery_date,
      bare_price_fen = excluded.bare_price_fen, selling_price_fen = excluded.selling_price_fen, discount_fen = excluded.discount_fen,
      consultant_name = excluded.consultant_name, consultant_staff_id = excluded.consultant_staff_id, sale_type = excluded.sale_type,
      buyer_is_dealer = excluded.buyer_is_dealer, row_hash = excluded.row_hash, import_run_id = excluded.import_run_id
    where sales.row_hash is distinct from excluded.row_hash
    returning (xmax = 0) as inserted`.execute(tx);
  return countResult(r.rows, rows.length);
}
