import { sql } from 'kysely';
import type { Db } from '../../db/client';

/**
 * The KPI fixture month (June 2025, one dealer), written directly so every count is known by hand:
 * - 10 repair orders settled; 9 after-sales phone tasks: 5 SUCCESS, 1 EXCLUDED (不回访), 1 DUPLICATE (重复),
 *   1 REFUSED, 1 PENDING → repair rate 5 / (10 − 1 − 1) = 0.625 (SPEC §5.1);
 * - 5 sales, 1 to a dealer; 4 sales phone tasks: 2 SUCCESS, 1 CONTACT_INVALID, 1 EXCLUDED → sales rate 2 / 4 = 0.5;
 * - due = 13 − 3 excluded/duplicate = 10, successes 7 → coverage 0.7, callback validity 0.7 (≥ 0.5 valid);
 * - 4 of the 7 successes have a survey → survey validity 4 / 7 ≈ 0.5714 (< 0.6, the month is invalid, §5.2);
 * - 6 responses scored 100, 80, 80, 0, 100, 100 → score 460 / 6 = 76.67 (not > 90, §5.3), satisfied 5 / 6;
 *   the 0 is dissatisfied with q1;
 * - 3 cases: closed in loop 1 after 48 h, closed in loop 2 after 100 h, open and overdue → first-time resolution
 *   1 / 2 = 0.5, closure mean = median = 74 h, overdue 1.
 */
export const FIXTURE = { from: '2025-06-01', to: '2025-06-30' } as const;

const at = (day: number, hour = 10) =>
  `2025-06-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;

export async function seedKpiMonth(db: Db, dealerId: string, versionId: string, userId: string): Promise<void> {
  const ro: string[] = [];
  for (let i = 1; i <= 10; i++)
    ro.push(
      (
        await sql<{ id: string }>`insert into repair_orders (dealer_id, ro_number, settled_on)
      values (${dealerId}, ${`KPI-RO-${i}`}, ${`2025-06-${String(i + 5).padStart(2, '0')}`}) returning id`.execute(db)
      ).rows[0]!.id,
    );
  const sale: string[] = [];
  for (let i = 1; i <= 5; i++)
    sale.push(
      (
        await sql<{ id: string }>`insert into sales (dealer_id, vin, sale_date, buyer_is_dealer, sale_type)
      values (${dealerId}, ${`LKPI0000000000${String(i).padStart(3, '0')}`}, ${`2025-06-${String(i + 10).padStart(2, '0')}`},
              ${i === 5}, ${i === 5 ? 'dealer' : 'retail'}) returning id`.execute(db)
      ).rows[0]!.id,
    );
  const repairStatuses = [
    'SUCCESS',
    'SUCCESS',
    'SUCCESS',
    'SUCCESS',
    'SUCCESS',
    'EXCLUDED',
    'DUPLICATE',
    'REFUSED',
    'PENDING',
  ];
  const tasks: string[] = [];
  for (const [i, status] of repairStatuses.entries())
    tasks.push(
      await task(
        db,
        dealerId,
        'AS_PHONE',
        'repair_order',
        ro[i]!,
        `2025-06-${String(i + 6).padStart(2, '0')}`,
        status,
        userId,
      ),
    );
  for (const [i, status] of ['SUCCESS', 'SUCCESS', 'CONTACT_INVALID', 'EXCLUDED'].entries())
    tasks.push(
      await task(
        db,
        dealerId,
        'SALES_PHONE',
        'sale',
        sale[i]!,
        `2025-06-${String(i + 11).padStart(2, '0')}`,
        status,
        userId,
      ),
    );
  const scores = [100, 80, 80, 0, 100, 100];
  const withTask = [tasks[0]!, tasks[1]!, tasks[2]!, tasks[9]!, null, null];
  const responses: string[] = [];
  for (const [i, score] of scores.entries()) {
    const id = (
      await sql<{ id: string }>`
      insert into survey_responses (dealer_id, version_id, template_id, channel, submitted_at, score, satisfied,
                                    dissatisfied, task_id, agent_user_id)
      select ${dealerId}, v.id, v.template_id, 'phone', ${at(20 + i)}, ${score}, ${score >= 80},
             ${JSON.stringify(score < 80 ? ['q1'] : [])}::jsonb, ${withTask[i]}::uuid, ${userId}
      from questionnaire_versions v where v.dealer_id = ${dealerId} and v.id = ${versionId}
      returning id`.execute(db)
    ).rows[0]!.id;
    responses.push(id);
    if (withTask[i])
      await sql`update callback_tasks set response_id = ${id} where dealer_id = ${dealerId} and id = ${withTask[i]}`.execute(
        db,
      );
  }
  const cases = [
    { key: 'a', opened: at(24, 9), closed: at(26, 9), loop: 1, status: 'closed', due: null },
    { key: 'b', opened: at(24, 10), closed: '2025-06-28T14:00:00+08:00', loop: 2, status: 'closed', due: null },
    { key: 'c', opened: at(25, 10), closed: null, loop: 1, status: 'awaiting_reply', due: at(26, 10) },
  ];
  for (const c of cases)
    await sql`insert into dissatisfaction_cases (dealer_id, form_no, channel, path, response_id, question_key, problem,
        severity, department, filled_by, loop, status, closed_reason, current_due_at, created_at, updated_at, closed_at,
        source_kind, source_id)
      values (${dealerId}, ${`KPI-${c.key}`}, 'as_phone', 'b', ${responses[3]}, ${c.key}, '客户反映异响', 'minor',
        'after_sales', ${userId}, ${c.loop}, ${c.status}, ${c.closed ? 'satisfied' : null}, ${c.due}, ${c.opened},
        ${c.opened}, ${c.closed}, 'repair_order', ${ro[0]})`.execute(db);
}

async function task(
  db: Db,
  dealerId: string,
  type: string,
  kind: string,
  sourceId: string,
  day: string,
  status: string,
  userId: string,
) {
  const r = await sql<{ id: string }>`
    insert into callback_tasks (dealer_id, type, source_kind, source_id, anchor_kind, anchor_date, due_start, due_end, status, assigned_user_id, contact_phone)
    values (${dealerId}, ${type}, ${kind}, ${sourceId}, ${kind === 'sale' ? 'purchase' : 'settlement'}, ${day}, ${day}, ${day}, ${status}, ${userId}, '13812345678')
    returning id`.execute(db);
  return r.rows[0]!.id;
}
