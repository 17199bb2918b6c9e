import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * Organisation (group → region → dealer), accounts, sessions, login throttling, staff and the
 * tamper-evident audit log. Platform tables (groups, regions, dealers, users, sessions) are small
 * reference tables; business tables carry dealer_id first in their primary key (Citus distribution key).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create function manyi_touch_updated_at() returns trigger language plpgsql as $$
    begin new.updated_at := now(); return new; end $$;

    create function manyi_forbid_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'P0001';
    end $$;

    create table dealer_groups (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[A-Z0-9_-]{2,20}$'),
      name text not null check (length(name) between 1 and 100),
      created_at timestamptz not null default now()
    );

    create table regions (
      id uuid primary key default gen_random_uuid(),
      group_id uuid not null references dealer_groups(id),
      code text not null check (code ~ '^[A-Z0-9_-]{2,20}$'),
      name text not null check (length(name) between 1 and 100),
      created_at timestamptz not null default now(),
      unique (group_id, code)
    );

    create table dealers (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      code text not null unique check (code ~ '^[A-Z0-9_-]{2,20}$'),
      name text not null check (length(name) between 1 and 100),
      time_zone text not null default 'Asia/Shanghai',
      business_hours jsonb not null default '{"days":[1,2,3,4,5,6,7],"open":"08:30","close":"17:30"}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index dealers_region_idx on dealers(region_id);
    create trigger dealers_touch before update on dealers for each row execute function manyi_touch_updated_at();

    create table users (
      id uuid primary key default gen_random_uuid(),
      username text not null check (username ~ '^[a-z][a-z0-9_.-]{1,31}$'),
      display_name text not null check (length(display_name) between 1 and 64),
      password_hash text not null,
      roles text[] not null check (cardinality(roles) between 1 and 12),
      dealer_id uuid references dealers(id),
      region_id uuid references regions(id),
      group_id uuid references dealer_groups(id),
      locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
      must_change_password boolean not null default false,
      disabled_at timestamptz,
      last_login_at timestamptz,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (num_nonnulls(dealer_id, region_id, group_id) = 1)
    );
    create unique index users_username_key on users(lower(username));
    create index users_dealer_idx on users(dealer_id);
    create trigger users_touch before update on users for each row execute function manyi_touch_updated_at();

    create table sessions (
      token_hash text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      current_dealer_id uuid references dealers(id),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    );
    create index sessions_user_idx on sessions(user_id);
    create index sessions_expires_idx on sessions(expires_at);

    create table login_throttle (
      key text primary key,
      failures integer not null default 0,
      window_started_at timestamptz not null default now(),
      locked_until timestamptz
    );

    create table staff (
      dealer_id uuid not null references dealers(id),
      id uuid not null default gen_random_uuid(),
      name text not null check (length(name) between 1 and 64),
      department text not null check (department in
        ('customer_service', 'after_sales', 'sales', 'quality', 'management', 'other')),
      position text not null check (length(position) between 1 and 64),
      phone text check (phone ~ '^1[3-9][0-9]{9}$'),
      email text,
      user_id uuid references users(id),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (dealer_id, id)
    );
    create index staff_user_idx on staff(user_id);
    create trigger staff_touch before update on staff for each row execute function manyi_touch_updated_at();

    -- Append-only, hash-chained audit log: one chain per dealer; the nil UUID is the platform chain
    -- (logins of unknown users, group-level actions). hash = sha256(prev_hash || canonical row).
    create table audit_log (
      dealer_id uuid not null,
      seq bigint not null,
      at timestamptz not null,
      actor_user_id uuid,
      actor_username text,
      action text not null,
      entity_type text,
      entity_id text,
      outcome text not null check (outcome in ('success', 'failure', 'denied')),
      ip text,
      details jsonb not null default '{}',
      prev_hash text not null,
      hash text not null,
      primary key (dealer_id, seq)
    );
    create index audit_log_at_idx on audit_log(dealer_id, at desc);
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function manyi_forbid_change();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function manyi_forbid_change();
  `,
  );
}
