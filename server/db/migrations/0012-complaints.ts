import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * Complaints (客户抱怨单, SPEC §3.10, WF-8–WF-10), the staff attributed to them, their append-only event
 * timeline, the per-dealer penalty rules (§5.7, versioned with an effective date), penalties (奖罚, §3.22:
 * proposed by the rules, effective only when a manager approves), appeals (申诉单) with the GM's ruling and
 * signature record, rectification notices (整改通知单, WF-9), the hotline log (热线电话, §3.24) and
 * online-forum monitoring items (§3.25). `response_id` / `case_id` are plain references (no FK).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, RULES);
  await execScript(db, COMPLAINTS);
  await execScript(db, PENALTIES);
  await execScript(db, CHANNELS);
}

const RULES = `
  create table penalty_rules (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    version_no integer not null check (version_no >= 1),
    effective_from date not null,
    preset_key text,
    -- offences are counted per staff member within this period (SPEC §5.7 "以月为单位计算", §9.2 C10)
    period text not null check (period in ('month', 'quarter', 'year', 'never')),
    -- per group: { key, amountsFen: [1st, 2nd, 3rd] (null = BLANK, not configured), thirdDismissal }
    groups jsonb not null,
    bias_multiplier numeric(4,2) not null default 2 check (bias_multiplier between 1 and 10),
    handling_working_days integer not null default 1 check (handling_working_days between 0 and 60),
    rectification_working_days integer check (rectification_working_days between 1 and 120),
    note text not null default '' check (length(note) <= 500),
    created_at timestamptz not null default now(),
    created_by uuid references users(id),
    primary key (dealer_id, id),
    unique (dealer_id, version_no)
  );
`;

const COMPLAINTS = `
  create table complaints (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    source text not null check (source in ('callback', 'hotline_400', 'hotline_800', 'oem_hotline', 'forum', 'walk_in')),
    level text not null check (level in ('grumble', 'complaint', 'major')),
    customer_id uuid,
    customer_name text not null check (length(customer_name) between 1 and 64),
    customer_phone text check (length(customer_phone) <= 30),
    description text not null check (length(description) between 1 and 4000),
    department text check (department in ('customer_service', 'after_sales', 'sales', 'quality', 'management', 'other')),
    status text not null default 'open'
      check (status in ('open', 'in_handling', 'under_appeal', 'replied', 'checked', 'void')),
    due_at timestamptz not null,
    handling_result text check (length(handling_result) <= 4000),
    improvement_measures text check (length(improvement_measures) <= 4000),
    handled_at timestamptz,
    handled_by uuid references users(id),
    check_result text check (length(check_result) <= 2000),
    relationship_notes text check (length(relationship_notes) <= 2000),
    checked_at timestamptz,
    checked_by uuid references users(id),
    rectification_needed boolean not null default false,
    response_id uuid,
    case_id uuid,
    voided_at timestamptz,
    created_by uuid references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (dealer_id, id)
  );
  create index complaints_list_idx on complaints (dealer_id, created_at desc);
  create index complaints_open_due_idx on complaints (dealer_id, due_at) where status in ('open', 'in_handling');
  create trigger complaints_touch before update on complaints for each row execute function manyi_touch_updated_at();

  -- The staff member(s) concerned (当事人).
  create table complaint_staff (
    dealer_id uuid not null,
    complaint_id uuid not null,
    staff_id uuid not null,
    primary key (dealer_id, complaint_id, staff_id),
    foreign key (dealer_id, complaint_id) references complaints (dealer_id, id),
    foreign key (dealer_id, staff_id) references staff (dealer_id, id)
  );
  create index complaint_staff_staff_idx on complaint_staff (dealer_id, staff_id);

  create table complaint_events (
    dealer_id uuid not null,
    id uuid not null default gen_random_uuid(),
    complaint_id uuid not null,
    at timestamptz not null default clock_timestamp(),
    actor_user_id uuid references users(id),
    kind text not null check (length(kind) between 1 and 60),
    note text not null default '' check (length(note) <= 4000),
    details jsonb not null default '{}',
    primary key (dealer_id, id),
    foreign key (dealer_id, complaint_id) references complaints (dealer_id, id)
  );
  create index complaint_events_complaint_idx on complaint_events (dealer_id, complaint_id, at);
  create trigger complaint_events_append_only before update or delete on complaint_events
    for each row execute function manyi_forbid_change();
`;

const PENALTIES = `
  create table penalties (
    dealer_id uuid not null,
    id uuid not null default gen_random_uuid(),
    complaint_id uuid not null,
    staff_id uuid not null,
    rule_id uuid not null,
    group_key text not null check (length(group_key) between 1 and 40),
    period_key text not null check (length(period_key) between 1 and 10),
    offence_no integer not null check (offence_no >= 1),
    amount_fen integer check (amount_fen >= 0),
    multiplier numeric(4,2) not null default 1,
    dismissal boolean not null default false,
    disciplinary_action text check (disciplinary_action in
      ('warning', 'serious_warning', 'suspension', 'demotion', 'dismissal')),
    deduct_performance_pay boolean not null default false,
    reason text not null check (length(reason) between 1 and 2000),
    evidence jsonb not null default '[]',
    status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected', 'void')),
    proposed_by uuid references users(id),
    proposed_at timestamptz not null default now(),
    decided_by uuid references users(id),
    decided_at timestamptz,
    decision_note text check (length(decision_note) <= 2000),
    voided_at timestamptz,
    void_reason text,
    primary key (dealer_id, id),
    foreign key (dealer_id, complaint_id) references complaints (dealer_id, id),
    foreign key (dealer_id, staff_id) references staff (dealer_id, id),
    foreign key (dealer_id, rule_id) references penalty_rules (dealer_id, id)
  );
  create index penalties_staff_idx on penalties (dealer_id, staff_id, period_key);
  create unique index penalties_one_open_per_staff on penalties (dealer_id, complaint_id, staff_id)
    where status in ('proposed', 'approved');

  create table appeals (
    dealer_id uuid not null,
    id uuid not null default gen_random_uuid(),
    complaint_id uuid not null,
    staff_id uuid not null,
    appellant_user_id uuid not null references users(id),
    reason text not null check (length(reason) between 1 and 4000),
    -- the slip's status when the appeal came in: a rejected appeal returns it there (or to in_handling)
    complaint_status_before text not null,
    status text not null default 'submitted' check (status in ('submitted', 'forwarded', 'upheld', 'rejected')),
    submitted_at timestamptz not null default now(),
    forwarded_by uuid references users(id),
    forwarded_at timestamptz,
    head_note text check (length(head_note) <= 2000),
    ruled_by uuid references users(id),
    ruled_at timestamptz,
    ruling_statement text check (length(ruling_statement) <= 2000),
    -- GM signature record (SPEC §8.5): typed name + time + sha256 of the signed statement
    signature_name text,
    signature_at timestamptz,
    signature_hash text,
    primary key (dealer_id, id),
    foreign key (dealer_id, complaint_id) references complaints (dealer_id, id),
    foreign key (dealer_id, staff_id) references staff (dealer_id, id)
  );
  create unique index appeals_one_open on appeals (dealer_id, complaint_id) where status in ('submitted', 'forwarded');

  create table rectification_notices (
    dealer_id uuid not null,
    id uuid not null default gen_random_uuid(),
    complaint_id uuid not null,
    responsible text not null check (length(responsible) between 1 and 500),
    related_leaders text not null default '' check (length(related_leaders) <= 500),
    disciplinary_action text check (disciplinary_action in
      ('warning', 'serious_warning', 'suspension', 'demotion', 'dismissal')),
    major_loss boolean not null default false,
    deduct_performance_pay boolean not null default false,
    requirements text not null check (length(requirements) between 1 and 4000),
    due_at timestamptz,
    status text not null default 'issued' check (status in ('issued', 'reported', 'closed')),
    result text check (length(result) <= 4000),
    result_at timestamptz,
    result_by uuid references users(id),
    explanation text check (length(explanation) <= 4000),
    explanation_at timestamptz,
    explanation_by uuid references users(id),
    closed_at timestamptz,
    closed_by uuid references users(id),
    issued_by uuid references users(id),
    issued_at timestamptz not null default now(),
    primary key (dealer_id, id),
    foreign key (dealer_id, complaint_id) references complaints (dealer_id, id)
  );
  create unique index rectification_one_per_complaint on rectification_notices (dealer_id, complaint_id);
`;

const CHANNELS = `
  create table hotline_calls (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    line text not null check (line in ('400', '800')),
    started_at timestamptz not null,
    rings integer check (rings between 0 and 99),
    after_hours boolean not null default false,
    forwarded_to text check (length(forwarded_to) <= 30),
    caller_name text not null check (length(caller_name) between 1 and 64),
    caller_phone text not null check (length(caller_phone) between 3 and 30),
    customer_id uuid,
    purpose text not null check (length(purpose) between 1 and 200),
    category text not null check (category in ('enquiry', 'difficult', 'grumble', 'complaint')),
    content text not null check (length(content) between 1 and 4000),
    promised_reply_at timestamptz,
    replied_at timestamptz,
    reply_note text check (length(reply_note) <= 2000),
    kept boolean,
    overdue_notified_at timestamptz,
    complaint_id uuid,
    operator_user_id uuid references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (dealer_id, id),
    foreign key (dealer_id, complaint_id) references complaints (dealer_id, id)
  );
  create index hotline_calls_list_idx on hotline_calls (dealer_id, started_at desc);
  create trigger hotline_calls_touch before update on hotline_calls for each row execute function manyi_touch_updated_at();

  create table forum_items (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    site text not null check (length(site) between 1 and 40),
    url text not null check (url ~ '^https?://' and length(url) <= 1000),
    title text not null check (length(title) between 1 and 200),
    excerpt text not null default '' check (length(excerpt) <= 4000),
    found_at timestamptz not null,
    sentiment text not null check (sentiment in ('positive', 'neutral', 'negative')),
    importance text not null default 'normal' check (importance in ('low', 'normal', 'high')),
    status text not null default 'new' check (status in ('new', 'forwarded', 'handled', 'ignored')),
    forwarded_to_staff_id uuid,
    handled_at timestamptz,
    note text not null default '' check (length(note) <= 2000),
    complaint_id uuid,
    created_by uuid references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (dealer_id, id),
    foreign key (dealer_id, forwarded_to_staff_id) references staff (dealer_id, id),
    foreign key (dealer_id, complaint_id) references complaints (dealer_id, id)
  );
  create index forum_items_list_idx on forum_items (dealer_id, found_at desc);
  create trigger forum_items_touch before update on forum_items for each row execute function manyi_touch_updated_at();
`;
