import { sql } from 'kysely';
import type { Db } from '../../db/client';

/**
 * Responses an agent submitted with dissatisfied answers that no case covers yet (a case on the whole response,
 * or one per dissatisfied question). The workbench lists them so that no dissatisfied customer is forgotten.
 */
const UNHANDLED = (dealerId: string, userId: string) => sql`
  from survey_responses r
  left join callback_tasks t on t.dealer_id = r.dealer_id and t.id = r.task_id
  left join customers cu on cu.dealer_id = t.dealer_id and cu.id = t.customer_id
  left join vehicles v on v.dealer_id = t.dealer_id and v.id = t.vehicle_id
  cross join lateral (
    select coalesce(array_agg(k), '{}') as open_keys from jsonb_array_elements_text(r.dissatisfied) k
    where not exists (select 1 from dissatisfaction_cases c
      where c.dealer_id = r.dealer_id and c.response_id = r.id and c.question_key = k)) ok
  where r.dealer_id = ${dealerId} and r.agent_user_id = ${userId}
    and (r.satisfied = false or jsonb_array_length(r.dissatisfied) > 0)
    and not exists (select 1 from dissatisfaction_cases c
      where c.dealer_id = r.dealer_id and c.response_id = r.id and c.question_key is null)
    and (cardinality(ok.open_keys) > 0
      or not exists (select 1 from dissatisfaction_cases c where c.dealer_id = r.dealer_id and c.response_id = r.id))`;

export async function countUnhandled(db: Db, dealerId: string, userId: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n ${UNHANDLED(dealerId, userId)}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export async function findUnhandled(db: Db, dealerId: string, userId: string, limit: number) {
  const r = await sql<{
    responseId: string;
    submittedAt: Date;
    openKeys: string[];
    openLabels: string[];
    taskType: string | null;
    customerName: string | null;
    plate: string | null;
  }>`
    select r.id as response_id, r.submitted_at, ok.open_keys, t.type as task_type, cu.name as customer_name, v.plate,
           array(select coalesce(q.text_zh, k.key) from unnest(ok.open_keys) with ordinality k(key, n)
                 left join questionnaire_questions q on q.dealer_id = r.dealer_id and q.version_id = r.version_id and q.key = k.key
                 order by k.n) as open_labels
    ${UNHANDLED(dealerId, userId)}
    order by r.submitted_at desc limit ${limit}`.execute(db);
  return r.rows;
}
