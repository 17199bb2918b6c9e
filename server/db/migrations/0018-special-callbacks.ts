import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * Generated special callbacks (issue 5, SPEC §4.1 "Special callbacks", 002 ¶15): a SPECIAL_MAJOR_COMPLAINT task
 * follows up a closed complaint, so a task's source may be a complaint, anchored on the day it was closed.
 * (SPECIAL_6M_ABSENT follows up the customer's last repair order: no schema change.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    alter table callback_tasks drop constraint callback_tasks_source_kind_check;
    alter table callback_tasks add constraint callback_tasks_source_kind_check
      check (source_kind in ('repair_order', 'sale', 'customer', 'manual', 'complaint'));
    alter table callback_tasks drop constraint callback_tasks_anchor_kind_check;
    alter table callback_tasks add constraint callback_tasks_anchor_kind_check
      check (anchor_kind in ('settlement', 'delivery', 'purchase', 'created', 'complaint_closed'));
    `,
  );
}
