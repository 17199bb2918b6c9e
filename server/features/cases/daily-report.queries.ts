import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** 售后每日工作汇报 (AYT-JL-客服-05) items, one per daily-report case (SPEC §3.12). */

export async function insertItem(
  tx: Db,
  row: {
    dealerId: string;
    caseId: string;
    customerId: string | null;
    problem: string;
    enteredBy: string;
    enteredAt: Date;
    saUserId: string | null;
    saName: string | null;
    resultDueAt: Date;
  },
) {
  await tx.insertInto('dailyReportItems').values(row).execute();
}

export async function saveResult(tx: Db, dealerId: string, caseId: string, result: string, at: Date) {
  await tx
    .updateTable('dailyReportItems')
    .set({ result, resultAt: at, secondCallbackAt: null, secondCallbackSatisfied: null })
    .where('dealerId', '=', dealerId)
    .where('caseId', '=', caseId)
    .execute();
}

export async function saveSecondCallback(
  tx: Db,
  dealerId: string,
  caseId: string,
  satisfied: boolean,
  note: string,
  at: Date,
) {
  await tx
    .updateTable('dailyReportItems')
    .set({ secondCallbackAt: at, secondCallbackSatisfied: satisfied, secondCallbackNote: note })
    .where('dealerId', '=', dealerId)
    .where('caseId', '=', caseId)
    .execute();
}

export interface ItemRow {
  id: string;
  caseId: string;
  formNo: string;
  customerName: string | null;
  problem: string;
  enteredByName: string | null;
  enteredAt: Date;
  saName: string | null;
  resultDueAt: Date;
  result: string;
  resultAt: Date | null;
  secondCallbackDueAt: Date | null;
  secondCallbackAt: Date | null;
  secondCallbackSatisfied: boolean | null;
  secondCallbackNote: string;
}

/** The items entered in [from, to), for the day's report. */
export async function findItems(db: Db, dealerId: string, from: Date, to: Date) {
  const r = await sql<ItemRow>`
    select i.id, i.case_id, c.form_no, cu.name as customer_name, i.problem, u.display_name as entered_by_name,
      i.entered_at, coalesce(i.sa_name, us.display_name) as sa_name, i.result_due_at, i.result, i.result_at,
      c.second_callback_due_at, i.second_callback_at, i.second_callback_satisfied, i.second_callback_note
    from daily_report_items i
    join dissatisfaction_cases c on c.dealer_id = i.dealer_id and c.id = i.case_id
    left join customers cu on cu.dealer_id = i.dealer_id and cu.id = i.customer_id
    left join users u on u.id = i.entered_by
    left join users us on us.id = i.sa_user_id
    where i.dealer_id = ${dealerId} and i.entered_at >= ${from} and i.entered_at < ${to}
    order by i.entered_at`.execute(db);
  return r.rows;
}
