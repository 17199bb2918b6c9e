import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * Customer master data (SPEC §3.1–§3.4), contact phones, vehicles, sales and repair orders from DMS
 * imports, import runs and their rejected rows, the customer-information permission table (§3.18),
 * field-level change history and correction requests (§3.17, WF-14).
 *
 * The high-volume import tables (phones, vehicles, sales, repair orders) carry no foreign keys to
 * customers/vehicles: the import writes parents first in the same transaction and nothing deletes a
 * customer, and per-row RI checks cost two thirds of import time (docs/decisions/0005).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, CUSTOMERS);
  await execScript(db, TRANSACTIONS);
  await execScript(db, IMPORTS);
  await execScript(db, GOVERNANCE);
}

const CUSTOMERS = `
  create table customers (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    -- the import matching key (see docs/import.md): id card hash, mobile + name, landline + name, or name + vehicle
    match_key text not null,
    kind text not null default 'private' check (kind in ('private', 'organisation')),
    name text not null check (length(name) between 1 and 100),
    gender text check (gender in ('male', 'female')),
    birth_date date,
    marital_status text,
    address text,
    postcode text,
    id_card_cipher text,
    id_card_hash text,
    id_card_last4 text,
    email text,
    fax text,
    employer text,
    employer_address text,
    employer_postcode text,
    industry text,
    founded_on date,
    enterprise_size text,
    main_business text,
    website text,
    person_in_charge text,
    preferred_callback_time text,
    landline_available boolean,
    customer_since date,
    personal jsonb not null default '{}',
    family jsonb not null default '{}',
    extra jsonb not null default '{}',
    service_callbacks_allowed boolean not null default true,
    service_consent jsonb,
    marketing_allowed boolean not null default false,
    marketing_consent jsonb,
    row_hash text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (dealer_id, id),
    unique (dealer_id, match_key)
  );
  create index customers_name_idx on customers (dealer_id, name text_pattern_ops);
  create index customers_id_hash_idx on customers (dealer_id, id_card_hash);
  create trigger customers_touch before update on customers for each row execute function manyi_touch_updated_at();

  create table customer_phones (
    dealer_id uuid not null,
    id uuid not null default gen_random_uuid(),
    customer_id uuid not null,
    phone text not null,
    kind text not null check (kind in ('mobile', 'landline')),
    is_primary boolean not null default false,
    source text not null default 'import',
    created_at timestamptz not null default now(),
    primary key (dealer_id, id),
    unique (dealer_id, customer_id, phone)
  );
  create index customer_phones_phone_idx on customer_phones (dealer_id, phone);
  create unique index customer_phones_one_primary on customer_phones (dealer_id, customer_id) where is_primary;

  create table vehicles (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    match_key text not null,
    vin text,
    plate text,
    engine_no text,
    model text,
    colour text,
    sf text,
    insurer text,
    insured_on date,
    insurance_status text,
    inspection_status text,
    owner_customer_id uuid,
    actual_owner boolean,
    last_visit_on date,
    next_maintenance_on date,
    row_hash text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (dealer_id, id),
    unique (dealer_id, match_key)
  );
  create index vehicles_vin_idx on vehicles (dealer_id, vin);
  create index vehicles_plate_idx on vehicles (dealer_id, plate);
  create index vehicles_owner_idx on vehicles (dealer_id, owner_customer_id);
  create trigger vehicles_touch before update on vehicles for each row execute function manyi_touch_updated_at();
`;

const TRANSACTIONS = `
  create table sales (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    vin text not null,
    sale_date date not null,
    vehicle_id uuid,
    customer_id uuid,
    delivery_date date,
    bare_price_fen bigint,
    selling_price_fen bigint,
    discount_fen bigint,
    consultant_name text,
    consultant_staff_id uuid,
    sale_type text not null default 'retail' check (sale_type in ('retail', 'fleet', 'internal', 'dealer')),
    buyer_is_dealer boolean not null default false,
    row_hash text,
    import_run_id uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (dealer_id, id),
    unique (dealer_id, vin, sale_date)
  );
  create index sales_customer_idx on sales (dealer_id, customer_id);
  create index sales_delivery_idx on sales (dealer_id, delivery_date);
  create trigger sales_touch before update on sales for each row execute function manyi_touch_updated_at();

  create table repair_orders (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    ro_number text not null,
    settled_on date not null,
    vehicle_id uuid,
    customer_id uuid,
    advisor_name text,
    advisor_staff_id uuid,
    creator_code text,
    repair_type text,
    amount_fen bigint,
    mileage_km integer,
    picked_up_on date,
    next_visit_on date,
    rework boolean,
    technique text check (technique in ('mechanical', 'body_paint')),
    service_type text,
    row_hash text,
    import_run_id uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (dealer_id, id),
    unique (dealer_id, ro_number)
  );
  create index repair_orders_customer_idx on repair_orders (dealer_id, customer_id);
  create index repair_orders_settled_idx on repair_orders (dealer_id, settled_on);
  create trigger repair_orders_touch before update on repair_orders for each row execute function manyi_touch_updated_at();
`;

const IMPORTS = `
  create table import_runs (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    kind text not null check (kind in ('repair-orders', 'vehicle-sales', 'customers')),
    file_name text not null,
    stored_name text not null,
    format text not null check (format in ('csv', 'xlsx', 'xls')),
    encoding text,
    bytes bigint not null,
    status text not null default 'uploaded' check (status in ('uploaded', 'queued', 'running', 'completed', 'failed', 'interrupted', 'cancelled')),
    headers jsonb not null default '[]',
    mapping jsonb not null,
    total_rows integer,
    processed_rows integer not null default 0,
    inserted integer not null default 0,
    updated integer not null default 0,
    unchanged integer not null default 0,
    rejected integer not null default 0,
    error text,
    created_by uuid,
    created_at timestamptz not null default now(),
    started_at timestamptz,
    finished_at timestamptz,
    heartbeat_at timestamptz,
    primary key (dealer_id, id)
  );
  create index import_runs_recent_idx on import_runs (dealer_id, created_at desc);

  create table import_rejects (
    dealer_id uuid not null,
    run_id uuid not null,
    row_no integer not null,
    reason text not null,
    cells jsonb not null,
    primary key (dealer_id, run_id, row_no),
    foreign key (dealer_id, run_id) references import_runs (dealer_id, id)
  );

  create table import_mappings (
    dealer_id uuid not null references dealers(id),
    kind text not null,
    mapping jsonb not null,
    updated_by uuid,
    updated_at timestamptz not null default now(),
    primary key (dealer_id, kind)
  );
`;

const GOVERNANCE = `
  -- 客户信息权限管理表: role × field group → view (none | masked | full), reveal, edit, export.
  create table customer_field_permissions (
    dealer_id uuid not null references dealers(id),
    role text not null,
    field_group text not null check (field_group in ('contact', 'identity', 'personal', 'family')),
    view text not null check (view in ('none', 'masked', 'full')),
    can_reveal boolean not null default false,
    can_edit boolean not null default false,
    can_export boolean not null default false,
    updated_by uuid,
    updated_at timestamptz not null default now(),
    primary key (dealer_id, role, field_group)
  );

  -- Field-level history of customer master data, written by a trigger on every update.
  create table customer_changes (
    dealer_id uuid not null,
    id bigint generated always as identity,
    customer_id uuid not null,
    field text not null,
    old_value text,
    new_value text,
    source text,
    changed_by uuid,
    changed_at timestamptz not null default now(),
    primary key (dealer_id, id)
  );
  create index customer_changes_customer_idx on customer_changes (dealer_id, customer_id, changed_at desc);

  create function manyi_customer_history() returns trigger language plpgsql as $$
  declare
    o jsonb := to_jsonb(old);
    n jsonb := to_jsonb(new);
    k text;
    sensitive constant text[] := array['id_card_cipher', 'id_card_hash', 'id_card_last4'];
    actor uuid := nullif(current_setting('manyi.actor', true), '')::uuid;
    src text := coalesce(nullif(current_setting('manyi.source', true), ''), 'sql');
  begin
    for k in select jsonb_object_keys(n) loop
      continue when k in ('updated_at', 'created_at', 'row_hash', 'match_key');
      if o -> k is distinct from n -> k then
        insert into customer_changes (dealer_id, customer_id, field, old_value, new_value, source, changed_by)
        values (new.dealer_id, new.id, k,
          case when k = any(sensitive) then case when o ->> k is null then null else '[encrypted]' end else o ->> k end,
          case when k = any(sensitive) then case when n ->> k is null then null else '[encrypted]' end else n ->> k end,
          src, actor);
      end if;
    end loop;
    return new;
  end $$;
  create trigger customers_history after update on customers for each row execute function manyi_customer_history();

  -- 客户信息修正表 (WF-14): filed by anyone, fixed by the department within 24 h, confirmed by CS.
  create table correction_requests (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    customer_id uuid not null,
    field text not null,
    current_value text,
    proposed_value text not null,
    found_how text not null,
    department text not null,
    status text not null default 'open' check (status in ('open', 'corrected', 'confirmed', 'rejected')),
    raised_by uuid not null,
    raised_at timestamptz not null default now(),
    due_at timestamptz not null,
    corrected_by uuid,
    corrected_at timestamptz,
    resolution_note text,
    confirmed_by uuid,
    confirmed_at timestamptz,
    primary key (dealer_id, id),
    foreign key (dealer_id, customer_id) references customers (dealer_id, id)
  );
  create index correction_requests_open_idx on correction_requests (dealer_id, status, due_at);
`;
