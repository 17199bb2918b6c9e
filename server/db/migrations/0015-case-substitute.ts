import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * SPEC §9.2 C39: when the agent who filled a tracking form is unavailable, a CS lead or supervisor may hand its
 * second callback to another agent. The hand-over is a timeline event (`reassigned`); the substitute is the
 * assignee of the loop's SECOND_CALLBACK task.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    alter table case_events drop constraint case_events_kind_check;
    alter table case_events add constraint case_events_kind_check check (kind in ('opened', 'forwarded', 'replied',
      'returned', 'second_callback', 'reopened', 'closed', 'overdue', 'escalated', 'loop_escalated', 'reassigned'));
  `,
  );
}
