import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * Mobile survey links (手机问卷, SPEC §1.5 P-GEN) and their sending: per-dealer link settings (privacy notice
 * shown before the first question, validity), the links of callback tasks (only a SHA-256 of the 256-bit
 * token is stored; single use; expiry; revocation), the dealer's SMS / message provider (webhook secret
 * encrypted with the ID-card key) and the outbound SMS deliveries (the body with the link is kept encrypted
 * only until it is sent).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, SETTINGS);
  await execScript(db, LINKS);
  await execScript(db, SMS);
}

const SETTINGS = `
  create table survey_link_settings (
    dealer_id uuid not null references dealers(id),
    -- null: the default Chinese notice naming the dealer (purpose, retention, how to withdraw)
    privacy_notice text check (length(privacy_notice) <= 4000),
    valid_hours integer not null default 72 check (valid_hours between 1 and 720),
    -- where customers open links (https://survey.example.com); null: the address staff use
    public_base_url text check (length(public_base_url) <= 200),
    sms_template text check (length(sms_template) <= 500),
    updated_at timestamptz not null default now(),
    updated_by uuid references users(id),
    primary key (dealer_id)
  );
`;

const LINKS = `
  create table survey_links (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    task_id uuid not null,
    token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
    version_id uuid not null,
    expires_at timestamptz not null,
    used_at timestamptz,
    used_for text check (used_for in ('response', 'opt_out')),
    response_id uuid,
    revoked_at timestamptz,
    revoked_reason text check (revoked_reason in ('rotated', 'task_closed', 'manual')),
    sent_via text check (sent_via in ('copy', 'sms')),
    opened_count integer not null default 0,
    first_opened_at timestamptz,
    created_by uuid references users(id),
    created_at timestamptz not null default now(),
    primary key (dealer_id, id),
    unique (dealer_id, token_hash),
    foreign key (dealer_id, task_id) references callback_tasks (dealer_id, id),
    foreign key (dealer_id, version_id) references questionnaire_versions (dealer_id, id),
    check ((used_at is null) = (used_for is null))
  );
  -- The public page finds a link by its hash alone (the token carries no dealer).
  create index survey_links_token_idx on survey_links (token_hash);
  create index survey_links_task_idx on survey_links (dealer_id, task_id, created_at desc);
  create unique index survey_links_one_live on survey_links (dealer_id, task_id)
    where used_at is null and revoked_at is null;
`;

const SMS = `
  create table message_providers (
    dealer_id uuid not null references dealers(id),
    kind text not null check (kind in ('webhook', 'log')),
    url text check (length(url) <= 500),
    secret_enc text,
    secret_hint text,
    sender_name text not null default '' check (length(sender_name) <= 40),
    active boolean not null default true,
    updated_at timestamptz not null default now(),
    updated_by uuid references users(id),
    primary key (dealer_id),
    check (kind <> 'webhook' or (url is not null and secret_enc is not null))
  );

  create table outbound_sms (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    link_id uuid not null,
    task_id uuid not null,
    phone_id uuid not null,
    phone_hint text not null,
    -- the text with the link, AES-GCM encrypted; cleared once the message is sent or has failed for good
    body_enc text,
    provider_kind text not null,
    status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts integer not null default 0,
    provider_response text check (length(provider_response) <= 1000),
    sent_at timestamptz,
    created_by uuid references users(id),
    created_at timestamptz not null default now(),
    primary key (dealer_id, id),
    foreign key (dealer_id, link_id) references survey_links (dealer_id, id),
    foreign key (dealer_id, task_id) references callback_tasks (dealer_id, id)
  );
  create index outbound_sms_task_idx on outbound_sms (dealer_id, task_id, created_at desc);
`;
