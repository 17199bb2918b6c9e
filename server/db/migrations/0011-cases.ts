import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * The closed loop (SPEC §3.9, §3.12, §4.2–§4.7 WF-6/WF-7, §8.4, §9.2 C5–C7, C39): one dissatisfaction case per
 * problem the agent records from a survey response (path a FAQ, b on the spot, c tracking form AYT-JL-客服-03,
 * or an After-sales Daily Work Report item AYT-JL-客服-05), its append-only timeline, the daily-report items,
 * and the per-dealer routing rules (versioned with an effective date). Every step keeps its own due time;
 * the overdue timers are rows in `jobs` (cases.step-overdue), so they survive restarts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, RULES);
  await execScript(db, CASES);
  await execScript(db, EVENTS);
}

const RULES = `
  create table case_routing_rules (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    version_no integer not null check (version_no >= 1),
    effective_from date not null,
    rules jsonb not null,
    note text not null default '' check (length(note) <= 500),
    created_at timestamptz not null default now(),
    created_by uuid references users(id),
    primary key (dealer_id, id),
    unique (dealer_id, version_no)
  );
  create index case_routing_rules_effective_idx on case_routing_rules (dealer_id, effective_from desc, version_no desc);
`;

const CASES = `
  create table dissatisfaction_cases (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    -- printable form number, e.g. F-20250530-0001 (per dealer and day)
    form_no text not null,
    channel text not null check (channel in ('as_onsite', 'as_phone', 'sales_onsite', 'sales_phone')),
    path text not null check (path in ('a', 'b', 'c', 'daily_report')),
    response_id uuid not null,
    -- the dissatisfied question of the response this case is about (null: the response as a whole)
    question_key text,
    task_id uuid,
    customer_id uuid,
    vehicle_id uuid,
    source_kind text check (source_kind in ('repair_order', 'sale')),
    source_id uuid,
    problem text not null check (length(problem) between 1 and 4000),
    severity text not null check (severity in ('severe', 'minor')),
    department text not null check (department in ('after_sales', 'sales', 'quality', 'management', 'other')),
    -- who receives the form: roles (director, department manager) and optionally one person
    recipient_roles text[] not null default '{}',
    handler_user_id uuid references users(id),
    filled_by uuid not null references users(id),
    loop integer not null default 1 check (loop >= 1),
    status text not null check (status in
      ('open', 'awaiting_reply', 'replied', 'awaiting_second_callback', 'closed')),
    closed_reason text check (closed_reason in ('resolved_on_spot', 'satisfied')),
    resolution_note text not null default '' check (length(resolution_note) <= 4000),
    -- the step now pending and its deadline (denormalised for the overdue lists and the dashboard)
    current_step text check (current_step in ('forward', 'reply', 'return', 'second_callback')),
    current_due_at timestamptz,
    escalation_level smallint not null default 0 check (escalation_level between 0 and 2),
    loop_escalated_at timestamptz,
    form_due_at timestamptz,
    forwarded_at timestamptz,
    received_at timestamptz,
    reply_due_at timestamptz,
    replied_at timestamptz,
    reply_by uuid references users(id),
    handling_result text not null default '' check (length(handling_result) <= 4000),
    return_due_at timestamptz,
    returned_at timestamptz,
    second_callback_due_at timestamptz,
    second_callback_task_id uuid,
    second_callback_at timestamptz,
    -- a later complaint (客户抱怨单) may be linked; no foreign key (complaints are another feature)
    complaint_id uuid,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    closed_at timestamptz,
    primary key (dealer_id, id),
    unique (dealer_id, form_no),
    foreign key (dealer_id, response_id) references survey_responses (dealer_id, id),
    foreign key (dealer_id, task_id) references callback_tasks (dealer_id, id),
    check ((status = 'closed') = (closed_at is not null))
  );
  -- one case per dissatisfied item of a response
  create unique index dissatisfaction_cases_item_key
    on dissatisfaction_cases (dealer_id, response_id, coalesce(question_key, ''));
  create index dissatisfaction_cases_due_idx on dissatisfaction_cases (dealer_id, current_due_at)
    where status <> 'closed';
  create index dissatisfaction_cases_filled_idx on dissatisfaction_cases (dealer_id, filled_by, status);
  create index dissatisfaction_cases_handler_idx on dissatisfaction_cases (dealer_id, handler_user_id, status);
  create index dissatisfaction_cases_customer_idx on dissatisfaction_cases (dealer_id, customer_id);

  -- 售后每日工作汇报 (AYT-JL-客服-05) items: a minor after-sales phone problem handed to the SA
  create table daily_report_items (
    dealer_id uuid not null,
    id uuid not null default gen_random_uuid(),
    case_id uuid not null,
    customer_id uuid,
    problem text not null,
    entered_by uuid not null references users(id),
    entered_at timestamptz not null,
    sa_user_id uuid references users(id),
    sa_name text,
    result_due_at timestamptz not null,
    result text not null default '',
    result_at timestamptz,
    second_callback_due_at timestamptz,
    second_callback_at timestamptz,
    second_callback_satisfied boolean,
    second_callback_note text not null default '',
    primary key (dealer_id, id),
    unique (dealer_id, case_id),
    foreign key (dealer_id, case_id) references dissatisfaction_cases (dealer_id, id)
  );
  create index daily_report_items_day_idx on daily_report_items (dealer_id, entered_at);
`;

const EVENTS = `
  -- The case timeline: survey answer → form → department reply → return → second callback → closed.
  create table case_events (
    dealer_id uuid not null,
    case_id uuid not null,
    seq integer not null,
    at timestamptz not null,
    kind text not null check (kind in ('opened', 'forwarded', 'replied', 'returned', 'second_callback',
      'reopened', 'closed', 'overdue', 'escalated', 'loop_escalated')),
    loop integer not null,
    step text,
    actor_user_id uuid references users(id),
    actor_name text,
    note text not null default '',
    details jsonb not null default '{}',
    primary key (dealer_id, case_id, seq),
    foreign key (dealer_id, case_id) references dissatisfaction_cases (dealer_id, id)
  );
  create trigger case_events_append_only before update or delete on case_events
    for each row execute function manyi_forbid_change();
  create trigger case_events_no_truncate before truncate on case_events
    for each statement execute function manyi_forbid_change();
`;
