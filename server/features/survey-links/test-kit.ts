import type { Session, TestApp } from '../../../tests/harness';
import { SMALL_CONTENT } from '../../../tests/questionnaire-samples';
import { insertRepairOrders, seedCustomers, type SeededCustomer } from '../callbacks/callbacks.fixtures';

/** Test data for survey links and on-site surveys (tests and route samples only). */

async function must(res: { statusCode: number; body: string; json(): unknown }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json() as Record<string, unknown>;
}

/** Creates, approves and publishes a small questionnaire at the session's dealer; returns the version id. */
export async function publishQuestionnaire(
  t: TestApp,
  code: string,
  over: { channel?: string; businessLine?: string } = {},
): Promise<string> {
  const cs = await t.login('cs_supervisor');
  const gm = await t.login('gm');
  const content = { ...SMALL_CONTENT, ...over };
  const created = await must(await t.as(cs, 'POST', '/api/questionnaires', { content, code }), 201, 'questionnaire');
  const id = created.versionId as string;
  await must(await t.as(gm, 'POST', `/api/questionnaire-versions/${id}/approve`), 200, 'approve');
  await must(await t.as(cs, 'POST', `/api/questionnaire-versions/${id}/publish`), 200, 'publish');
  return id;
}

export async function dealerId(t: TestApp, code: string) {
  return (await t.database.db.selectFrom('dealers').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export async function customers(t: TestApp, dealerCode: string, n: number, tag: string): Promise<SeededCustomer[]> {
  return seedCustomers(t.database.db, await dealerId(t, dealerCode), n, tag);
}

/** An open callback task of the customer that names the questionnaire (a periodic survey by default). */
export async function openTask(
  t: TestApp,
  lead: Session,
  customerId: string,
  questionnaireCode: string,
  type = 'PERIODIC_SURVEY',
): Promise<string> {
  const res = await t.as(lead, 'POST', '/api/callbacks/tasks', { type, customerId, questionnaireCode });
  return (await must(res, 201, 'task')).id as string;
}

/** Repair orders settled on `date`, one per customer; returns their ids. */
export async function repairOrders(t: TestApp, dealerCode: string, tag: string, cs: SeededCustomer[], date: string) {
  const dealer = await dealerId(t, dealerCode);
  await insertRepairOrders(
    t.database.db,
    dealer,
    tag,
    cs.map((customer) => ({ customer, settledOn: date, advisorName: '李顾问' })),
  );
  const rows = await t.database.db
    .selectFrom('repairOrders')
    .select(['id', 'customerId'])
    .where('dealerId', '=', dealer)
    .where('roNumber', 'like', `RO-${tag}-%`)
    .orderBy('roNumber')
    .execute();
  return rows.map((r) => r.id);
}

/** A valid answer set for SMALL_CONTENT. */
export const GOOD_ANSWERS = [
  { question: 'q1', value: 'very_satisfied' },
  { question: 'q3', value: true },
];

/** The token of a link URL (`…/s/<token>`). */
export const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
