import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * "Answered from the FAQ" on a callback task: faq_uses.task_id now references callback_tasks (migration 0005
 * was written at the same time as 0006, so 0006 could not declare it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `alter table faq_uses add constraint faq_uses_task_fk
       foreign key (dealer_id, task_id) references callback_tasks (dealer_id, id);`,
  );
}
