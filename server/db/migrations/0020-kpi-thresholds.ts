import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * KPI thresholds as per-dealer versioned configuration (issue 7, SPEC §5.2, §5.3, C24 — all CONFIG): the validity
 * minimums (callback success ÷ due "50%以上", survey success ÷ callback success "60%以上"), whether "以上" includes
 * the number (C24, default yes) and the satisfaction target (> 90). A version applies from its effective date; a
 * new version never edits an old one, so a past month keeps the verdict of the version in force for it.
 *
 * CAPA records the system opens itself (SPEC §5.2 (D), R19: a month that misses validity creates a management
 * action item) carry a `system_key` (e.g. `validity:2026-11:after_sales`), unique per dealer, so generating the
 * monthly report again never opens a second one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create table kpi_threshold_sets (
      dealer_id uuid not null references dealers(id),
      id uuid not null default gen_random_uuid(),
      version_no integer not null check (version_no >= 1),
      effective_from date not null,
      callback_min numeric(5,4) not null check (callback_min > 0 and callback_min <= 1),
      survey_min numeric(5,4) not null check (survey_min > 0 and survey_min <= 1),
      inclusive boolean not null,
      satisfaction_target numeric(5,2) not null check (satisfaction_target > 0 and satisfaction_target < 100),
      note text not null default '',
      created_at timestamptz not null default now(),
      created_by uuid references users(id),
      primary key (dealer_id, id),
      unique (dealer_id, version_no)
    );
    create index kpi_threshold_sets_effective_idx
      on kpi_threshold_sets (dealer_id, effective_from desc, version_no desc);

    alter table capa_actions add column system_key text;
    create unique index capa_actions_system_key_idx on capa_actions (dealer_id, system_key)
      where system_key is not null;
  `,
  );
}
