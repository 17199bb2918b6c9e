import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * Issue 6 foundations: the per-dealer working calendar (SPEC §4.1, §9.2 C8), durable jobs and timers (the
 * outbox, SPEC §8.4 "every timer"), and notifications: in-app inbox, preferences, WeCom group robots
 * (webhook URL encrypted) and outbound e-mail / WeCom deliveries with idempotency keys.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, CALENDAR);
  await execScript(db, JOBS);
  await execScript(db, NOTIFICATIONS);
}

const CALENDAR = `
  create table calendar_overrides (
    dealer_id uuid not null references dealers(id),
    date date not null,
    working boolean not null,
    note text not null default '' check (length(note) <= 200),
    updated_at timestamptz not null default now(),
    updated_by uuid references users(id),
    primary key (dealer_id, date)
  );

  -- Working hours for deadlines; without a row the dealer's business hours (dealers.business_hours) apply.
  create table calendar_settings (
    dealer_id uuid not null references dealers(id),
    work_start text not null check (work_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    work_end text not null check (work_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    updated_at timestamptz not null default now(),
    updated_by uuid references users(id),
    primary key (dealer_id),
    check (work_end > work_start)
  );
`;

const JOBS = `
  create table jobs (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    name text not null check (length(name) between 1 and 100),
    payload jsonb not null default '{}',
    run_at timestamptz not null default now(),
    attempts integer not null default 0 check (attempts >= 0),
    max_attempts integer not null default 10 check (max_attempts between 1 and 100),
    locked_by text,
    locked_until timestamptz,
    last_error text,
    done_at timestamptz,
    failed_at timestamptz,
    dedupe_key text check (length(dedupe_key) <= 300),
    created_at timestamptz not null default now(),
    primary key (dealer_id, id),
    unique (dealer_id, dedupe_key)
  );
  create index jobs_due_idx on jobs (run_at) where done_at is null and failed_at is null;
`;

const NOTIFICATIONS = `
  create table notifications (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    user_id uuid not null references users(id),
    event text not null check (length(event) between 1 and 100),
    title text not null check (length(title) between 1 and 200),
    body text not null default '' check (length(body) <= 4000),
    link text check (length(link) <= 500),
    dedupe_key text check (length(dedupe_key) <= 300),
    created_at timestamptz not null default now(),
    read_at timestamptz,
    primary key (dealer_id, id),
    unique (dealer_id, user_id, dedupe_key)
  );
  create index notifications_inbox_idx on notifications (user_id, created_at desc);
  create index notifications_unread_idx on notifications (user_id) where read_at is null;

  -- One row per (user or role, event kind); event '*' is the default for every kind.
  create table notification_preferences (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    user_id uuid references users(id) on delete cascade,
    role text,
    event text not null check (length(event) between 1 and 100),
    inbox boolean not null default true,
    email boolean not null default false,
    wecom boolean not null default false,
    updated_at timestamptz not null default now(),
    updated_by uuid references users(id),
    primary key (dealer_id, id),
    check (num_nonnulls(user_id, role) = 1)
  );
  create unique index notification_preferences_user_key
    on notification_preferences (dealer_id, user_id, event) where user_id is not null;
  create unique index notification_preferences_role_key
    on notification_preferences (dealer_id, role, event) where role is not null;

  create table wecom_robots (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    name text not null check (length(name) between 1 and 60),
    webhook_url_enc text not null,
    webhook_url_hint text not null,
    events text[] not null default '{}',
    active boolean not null default true,
    created_at timestamptz not null default now(),
    created_by uuid references users(id),
    primary key (dealer_id, id),
    unique (dealer_id, name)
  );

  create table outbound_messages (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    channel text not null check (channel in ('email', 'wecom')),
    idempotency_key text not null check (length(idempotency_key) <= 300),
    recipient text not null,
    robot_id uuid,
    subject text not null default '',
    body text not null default '',
    status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at timestamptz,
    provider_response text,
    created_at timestamptz not null default now(),
    primary key (dealer_id, id),
    unique (dealer_id, idempotency_key),
    foreign key (dealer_id, robot_id) references wecom_robots (dealer_id, id) on delete cascade
  );
  create index outbound_messages_pending_idx on outbound_messages (channel, robot_id, next_attempt_at)
    where status in ('pending', 'sending');
`;
