import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * Reports (issue 7 part 2, SPEC §3.12, §3.14–§3.16, §4.15–§4.16, §6 R2/R3/R8/R9/R16): one row per dealer, kind and
 * period holding the generated data snapshot (so the printed, exported and mailed report are the same numbers),
 * the team lead's annotations and the submission; per-dealer recipients and send times (CONFIG); per-dealer
 * report settings (monthly due day, export-reason row count: CONFIG); corrective and preventive actions (CAPA).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create table reports (
      dealer_id uuid not null references dealers(id),
      id uuid not null default gen_random_uuid(),
      kind text not null check (kind in ('daily_aftersales', 'daily_sales', 'monthly_sales', 'monthly_aftersales',
        'quarterly_complaints')),
      period text not null,
      period_start date not null,
      period_end date not null,
      status text not null default 'draft' check (status in ('draft', 'submitted')),
      data jsonb not null,
      annotations text not null default '',
      due_at timestamptz,
      generated_at timestamptz not null default now(),
      submitted_at timestamptz,
      submitted_by uuid references users(id),
      primary key (dealer_id, id),
      unique (dealer_id, kind, period)
    );
    create index reports_list_idx on reports (dealer_id, kind, period_start desc);

    create table report_recipients (
      dealer_id uuid not null references dealers(id),
      kind text not null check (kind in ('daily_aftersales', 'daily_sales', 'monthly_sales', 'monthly_aftersales',
        'quarterly_complaints')),
      roles text[] not null default '{}',
      emails text[] not null default '{}',
      send_time text not null default '18:00' check (send_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      updated_at timestamptz not null default now(),
      primary key (dealer_id, kind)
    );

    create table report_settings (
      dealer_id uuid not null references dealers(id) primary key,
      monthly_due_day integer not null default 10 check (monthly_due_day between 1 and 28),
      export_reason_rows integer not null default 200 check (export_reason_rows >= 0),
      updated_at timestamptz not null default now()
    );

    create table capa_actions (
      dealer_id uuid not null references dealers(id),
      id uuid not null default gen_random_uuid(),
      origin text not null check (origin in ('recurring_problem', 'callback_analysis', 'complaint', 'survey_analysis',
        'inspection', 'administration')),
      origin_report_id uuid,
      origin_problem text,
      origin_complaint_id uuid,
      department text not null check (department in ('after_sales', 'sales', 'customer_service', 'quality',
        'management', 'other')),
      department_head text not null default '',
      description text not null,
      measures text not null default '',
      status text not null default 'draft' check (status in ('draft', 'approval', 'implementation', 'supervision',
        'check', 'review', 'closed')),
      supervisor_user_id uuid references users(id),
      approved_by uuid references users(id),
      approved_at timestamptz,
      checked_by uuid references users(id),
      checked_at timestamptz,
      check_note text not null default '',
      review_note text not null default '',
      closed_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (dealer_id, id),
      foreign key (dealer_id, origin_report_id) references reports (dealer_id, id)
    );
    create index capa_actions_list_idx on capa_actions (dealer_id, status, created_at desc);
    create index capa_actions_report_idx on capa_actions (dealer_id, origin_report_id);
  `,
  );
}
