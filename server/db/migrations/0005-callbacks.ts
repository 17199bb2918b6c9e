import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * Callback tasks (回访任务, SPEC §3.5), call attempts (§3.6), per-dealer versioned callback rules (§4.1,
 * §9.1–§9.2), contact-data hand-offs to the service advisor / sales consultant (WF-5, §4.6) and the
 * customer-level callback blocks (a refusal or an opt-out stops every later callback). Survey responses
 * get a nullable task link, filled at insert from the transaction setting `manyi.task_id` (responses are
 * write-once, so the link cannot be added afterwards).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, RULES);
  await execScript(db, TASKS);
  await execScript(db, ATTEMPTS);
}

const RULES = `
  create table callback_rule_sets (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    version_no integer not null check (version_no >= 1),
    effective_from date not null,
    preset_key text,
    rules jsonb not null,
    note text not null default '',
    created_at timestamptz not null default now(),
    created_by uuid references users(id),
    primary key (dealer_id, id),
    unique (dealer_id, version_no)
  );
  create index callback_rule_sets_effective_idx on callback_rule_sets (dealer_id, effective_from desc, version_no desc);
`;

const TASK_TYPES = `'AS_ONSITE', 'AS_PHONE', 'SALES_ONSITE', 'SALES_PHONE', 'SECOND_CALLBACK', 'SPECIAL_6M_ABSENT',
  'SPECIAL_MAJOR_COMPLAINT', 'SPECIAL_REWORK', 'SPECIAL_QUALITY_TRACKING', 'SPOTCHECK_RESCUE', 'SPOTCHECK_CAMPAIGN',
  'PERIODIC_SURVEY'`;

const TASKS = `
  create table callback_tasks (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    type text not null check (type in (${TASK_TYPES})),
    -- the transaction followed up (repair order, sale) or, for manual tasks, the customer / a fresh id
    source_kind text not null check (source_kind in ('repair_order', 'sale', 'customer', 'manual')),
    source_id uuid not null,
    customer_id uuid,
    vehicle_id uuid,
    anchor_kind text not null check (anchor_kind in ('settlement', 'delivery', 'purchase', 'created')),
    anchor_date date not null,
    due_start date not null,
    due_end date not null check (due_end >= due_start),
    rule_set_id uuid,
    questionnaire_code text,
    status text not null default 'PENDING' check (status in
      ('PENDING', 'APPOINTMENT', 'SUCCESS', 'REFUSED', 'CONTACT_INVALID', 'EXCLUDED', 'DUPLICATE', 'CLOSED')),
    -- why a task is EXCLUDED / DUPLICATE / CLOSED (opted_out, refused_before, fleet, not_sampled, …)
    reason text,
    duplicate_of uuid,
    priority smallint not null default 0,
    assigned_user_id uuid references users(id),
    appointment_at timestamptz,
    attempt_count integer not null default 0,
    failed_attempts integer not null default 0,
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    last_outcome text,
    lease_user_id uuid references users(id),
    lease_expires_at timestamptz,
    respondent_eligible boolean,
    consent boolean,
    contact_phone text,
    response_id uuid,
    note text not null default '',
    created_by uuid references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    closed_at timestamptz,
    primary key (dealer_id, id),
    -- the natural key: generation inserts with "on conflict do nothing", so a rerun never duplicates a task
    unique (dealer_id, type, source_kind, source_id),
    foreign key (dealer_id, rule_set_id) references callback_rule_sets (dealer_id, id)
  );
  create index callback_tasks_queue_idx on callback_tasks (dealer_id, priority desc, due_end, anchor_date, id)
    where status in ('PENDING', 'APPOINTMENT');
  create index callback_tasks_customer_idx on callback_tasks (dealer_id, customer_id, type, anchor_date);
  create index callback_tasks_source_idx on callback_tasks (dealer_id, source_id);
  create index callback_tasks_lease_idx on callback_tasks (dealer_id, lease_user_id) where lease_user_id is not null;
  create index callback_tasks_status_idx on callback_tasks (dealer_id, status, due_end);
  create trigger callback_tasks_touch before update on callback_tasks
    for each row execute function manyi_touch_updated_at();

  -- A refusal (拒绝回访) or an opt-out blocks every later callback for the customer (PIPL practice).
  create table callback_blocks (
    dealer_id uuid not null references dealers(id),
    customer_id uuid not null,
    reason text not null check (reason in ('refused', 'opted_out')),
    task_id uuid,
    note text not null default '',
    created_by uuid references users(id),
    created_at timestamptz not null default now(),
    primary key (dealer_id, customer_id)
  );

  alter table survey_responses
    add column task_id uuid default nullif(current_setting('manyi.task_id', true), '')::uuid;
  alter table survey_responses
    add constraint survey_responses_task_fk foreign key (dealer_id, task_id) references callback_tasks (dealer_id, id);
  create index survey_responses_task_idx on survey_responses (dealer_id, task_id) where task_id is not null;
`;

const ATTEMPTS = `
  create table call_attempts (
    dealer_id uuid not null,
    id uuid not null default gen_random_uuid(),
    task_id uuid not null,
    customer_id uuid,
    agent_user_id uuid references users(id),
    attempted_at timestamptz not null default now(),
    outcome text not null check (outcome in
      ('no_answer', 'busy', 'appointment', 'refused', 'wrong_number', 'wrong_person', 'completed')),
    phone_id uuid,
    phone_kind text check (phone_kind in ('mobile', 'landline')),
    note text not null default '',
    appointment_at timestamptz,
    response_id uuid,
    primary key (dealer_id, id),
    foreign key (dealer_id, task_id) references callback_tasks (dealer_id, id)
  );
  create index call_attempts_task_idx on call_attempts (dealer_id, task_id, attempted_at);
  create index call_attempts_customer_idx on call_attempts (dealer_id, customer_id, attempted_at);
  create index call_attempts_agent_idx on call_attempts (dealer_id, agent_user_id, attempted_at);
  create trigger call_attempts_append_only before update or delete on call_attempts
    for each row execute function manyi_forbid_change();

  -- 联系方式不正确: the SA (repair order) or sales consultant (sale) fixes the contact data within 1 working day.
  create table contact_handoffs (
    dealer_id uuid not null,
    id uuid not null default gen_random_uuid(),
    task_id uuid not null,
    customer_id uuid,
    department text not null check (department in ('after_sales', 'sales', 'customer_service')),
    staff_id uuid,
    staff_name text,
    reason text not null check (reason in ('wrong_number', 'attempt_limit')),
    created_at timestamptz not null default now(),
    created_by uuid references users(id),
    due_at timestamptz not null,
    fixed_at timestamptz,
    fixed_by uuid references users(id),
    new_phone text,
    note text,
    primary key (dealer_id, id),
    foreign key (dealer_id, task_id) references callback_tasks (dealer_id, id)
  );
  create index contact_handoffs_open_idx on contact_handoffs (dealer_id, department, due_at) where fixed_at is null;
  create unique index contact_handoffs_one_open on contact_handoffs (dealer_id, task_id) where fixed_at is null;
`;
