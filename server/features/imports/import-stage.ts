import type { ImportKind } from '../../../core/rules/dms-fields';

/**
 * The staging tables of one import run. The three per-chunk tables are TEMPORARY with ON COMMIT DELETE ROWS:
 * no WAL, session-local buffers, and emptied by the chunk's commit (a TRUNCATE of an unlogged table, as
 * before, creates new files and syncs them to disk at every chunk — seconds per 100,000 rows on a busy disk).
 * `seen` (UNLOGGED, kept across chunks) holds the natural key and first row of every transaction row of the
 * run, so a second row with the same RO number (or VIN + sale date) anywhere in the file is rejected; a
 * (re)start of the run creates it empty and builds it again from row 1. The run drops its tables when it ends.
 */
export interface StageTables {
  customers: string;
  vehicles: string;
  rows: string;
  seen: string;
}

export function stageTables(runId: string): StageTables {
  const tag = runId
    .replace(/[^0-9a-f]/gi, '')
    .slice(0, 32)
    .toLowerCase();
  return {
    customers: `import_c_${tag}`,
    vehicles: `import_v_${tag}`,
    rows: `import_r_${tag}`,
    seen: `import_s_${tag}`,
  };
}

export const CUSTOMER_COLUMNS = [
  'grp',
  'match_key',
  'kind',
  'name',
  'label',
  'gender',
  'birth_date',
  'email',
  'address',
  'postcode',
  'employer',
  'industry',
  'occupation',
  'id_cipher',
  'id_hash',
  'id_last4',
  'svc_ok',
  'mkt_ok',
  'p_mobiles',
  'p_landlines',
  'p_vins',
  'p_plates',
  'last_row',
  'new_id',
] as const;

export const VEHICLE_COLUMNS = [
  'vgrp',
  'match_key',
  'vin',
  'plate',
  'model',
  'colour',
  'engine_no',
  'owner_grp',
  'visit_on',
  'next_visit_on',
  'new_id',
] as const;

const ROW_COMMON = ['row_no', 'id', 'grp', 'vgrp', 'mobile', 'landline'] as const;

export const ROW_COLUMNS: Record<ImportKind, readonly string[]> = {
  'repair-orders': [
    ...ROW_COMMON,
    'ro_number',
    'settled_on',
    'advisor_name',
    'creator_code',
    'repair_type',
    'amount_fen',
    'mileage_km',
    'picked_up_on',
    'next_visit_on',
    'rework',
  ],
  'vehicle-sales': [
    ...ROW_COMMON,
    'vin',
    'sale_date',
    'delivery_date',
    'bare_price_fen',
    'selling_price_fen',
    'discount_fen',
    'consultant_name',
    'sale_type',
  ],
  customers: ROW_COMMON,
};

/** Session-local buffers for the temporary staging tables (8 MB by default; a 10,000-row chunk needs ~8 MB).
 *  Settable only before the session's first use of a temporary table: a later run on the same connection keeps
 *  what the first one set. */
export const TEMP_BUFFERS_SQL = `set temp_buffers = '32MB'`;

export function createStageSql(t: StageTables): string {
  return `
    drop table if exists ${t.customers}, ${t.vehicles}, ${t.rows}, ${t.seen};
    create temporary table ${t.customers} (grp int primary key, match_key text not null, kind text,
      name text, label text not null, gender text, birth_date date, email text, address text, postcode text,
      employer text, industry text, occupation text, id_cipher text, id_hash text, id_last4 text, svc_ok boolean,
      mkt_ok boolean, p_mobiles text[], p_landlines text[], p_vins text[], p_plates text[], last_row int, new_id uuid not null, customer_id uuid,
      is_new boolean not null default false, by_key boolean not null default false) on commit delete rows;
    create temporary table ${t.vehicles} (vgrp int primary key, match_key text not null, vin text,
      plate text, model text, colour text, engine_no text, owner_grp int, visit_on date, next_visit_on date,
      new_id uuid not null, vehicle_id uuid, is_new boolean not null default false) on commit delete rows;
    create temporary table ${t.rows} (row_no int not null, id uuid not null, grp int, vgrp int, mobile text, landline text,
      ro_number text, settled_on date, advisor_name text, creator_code text, repair_type text, amount_fen bigint,
      mileage_km int, picked_up_on date, next_visit_on date, rework boolean, vin text, sale_date date,
      delivery_date date, bare_price_fen bigint, selling_price_fen bigint, discount_fen bigint,
      consultant_name text, sale_type text) on commit delete rows;
    create unlogged table ${t.seen} (key text primary key, row_no int not null);`;
}

/** Empties the chunk tables inside the chunk's transaction (only when a chunk is staged a second time). */
export const clearStageSql = (t: StageTables): string[] =>
  [t.customers, t.vehicles, t.rows].map((x) => `delete from ${x}`);

export const dropStageSql = (t: StageTables): string =>
  `drop table if exists ${t.customers}, ${t.vehicles}, ${t.rows}, ${t.seen}`;
