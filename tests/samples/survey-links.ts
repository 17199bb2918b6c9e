import { hasPermission, type Role } from '../../core/permissions';
import { insertRepairOrders, seedCustomers } from '../../server/features/callbacks/callbacks.fixtures';
import type { TestApp } from '../harness';

/** Route samples and fixture data for mobile survey links, the on-site survey and the SMS provider (issue 5). */

export interface SurveyLinkFixture {
  /** An open SH001 task a link can be made for (creating one again just replaces it). */
  slTask: string;
  /** A live link token of another SH001 task (public routes; bad input never uses it up). */
  slToken: string;
  /** A repair order settled today at SH001 (on-site start is repeatable). */
  slRepairOrder: string;
  /** On-site tasks with consent, one per submitting role. */
  slOnsiteTasks: string[];
}
type Sample = (
  f: SurveyLinkFixture & { qPublished: string },
  role: Role,
) => { url: string; body?: unknown; ok: number };

const NONE = '00000000-0000-4000-8000-000000000000';
const work = (role: Role) => hasPermission([role], 'callbacks:work');

export const SURVEY_LINK_SAMPLES: Record<string, Sample> = {
  'POST /api/callbacks/tasks/:id/link': (f) => ({ url: `/api/callbacks/tasks/${f.slTask}/link`, ok: 201 }),
  'POST /api/callbacks/tasks/:id/link/send': (f) => ({ url: `/api/callbacks/tasks/${f.slTask}/link/send`, ok: 200 }),
  'GET /api/survey-links': (f) => ({ url: `/api/survey-links?taskId=${f.slTask}`, ok: 200 }),
  'GET /api/survey-link-settings': () => ({ url: '/api/survey-link-settings', ok: 200 }),
  'PUT /api/survey-link-settings': () => ({
    url: '/api/survey-link-settings',
    body: { privacyNotice: '', validHours: 72, publicBaseUrl: '', smsTemplate: '' },
    ok: 200,
  }),
  'GET /api/message-provider': () => ({ url: '/api/message-provider', ok: 200 }),
  'PUT /api/message-provider': () => ({
    url: '/api/message-provider',
    body: { kind: 'log', senderName: '上海一店', active: true },
    ok: 200,
  }),
  'GET /api/onsite/candidates': () => ({ url: '/api/onsite/candidates?kind=repair_order', ok: 200 }),
  'POST /api/onsite/start': (f) => ({
    url: '/api/onsite/start',
    body: { sourceKind: 'repair_order', sourceId: f.slRepairOrder, consent: true },
    ok: 200,
  }),
  'GET /api/onsite/walk-in/questionnaire': () => ({
    url: '/api/onsite/walk-in/questionnaire?kind=repair_order',
    ok: 200,
  }),
  'POST /api/onsite/walk-in': (f) => ({
    url: '/api/onsite/walk-in',
    body: {
      kind: 'repair_order',
      versionId: f.qPublished,
      respondentName: '到店客户',
      answers: [{ question: 'q1', value: 'satisfied' }],
    },
    ok: 201,
  }),
  'POST /api/onsite/tasks/:id/response': (f, role) => ({
    url: `/api/onsite/tasks/${work(role) ? (f.slOnsiteTasks.pop() ?? NONE) : NONE}/response`,
    body: { versionId: f.qPublished, answers: [{ question: 'q1', value: 'satisfied' }] },
    ok: 201,
  }),
  'GET /api/public/s/:token': (f) => ({ url: `/api/public/s/${f.slToken}`, ok: 200 }),
  'POST /api/public/s/:token': (f) => ({
    url: `/api/public/s/${f.slToken}`,
    body: { acceptedNotice: true, answers: [{ question: 'q1', value: 'satisfied' }] },
    ok: 200,
  }),
  'POST /api/public/s/:token/opt-out': (f) => ({ url: `/api/public/s/${f.slToken}/opt-out`, ok: 200 }),
};

async function must(res: { statusCode: number; body: string; json(): unknown }, status: number, what: string) {
  if (res.statusCode !== status)
    throw new Error(`survey-link fixture ${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json() as Record<string, unknown>;
}

/** Needs a published after-sales questionnaire at SH001 (the questionnaire fixture makes one). */
export async function surveyLinkFixture(t: TestApp): Promise<SurveyLinkFixture> {
  const db = t.database.db;
  const dealerId = (await db.selectFrom('dealers').select('id').where('code', '=', 'SH001').executeTakeFirstOrThrow())
    .id;
  const [c1, c2, ...rest] = await seedCustomers(db, dealerId, 7, 'slfx');
  const lead = await t.login('cs_lead');
  const agent = await t.login('cs_agent');
  await must(
    await t.as(await t.login('dealer_admin'), 'PUT', '/api/message-provider', { kind: 'log' }),
    200,
    'provider',
  );
  const task = async (customerId: string) =>
    (
      await must(
        await t.as(lead, 'POST', '/api/callbacks/tasks', { type: 'SPECIAL_6M_ABSENT', customerId }),
        201,
        'task',
      )
    ).id as string;
  const slTask = await task(c1!.id);
  const link = await must(await t.as(agent, 'POST', `/api/callbacks/tasks/${await task(c2!.id)}/link`), 201, 'link');
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await insertRepairOrders(
    db,
    dealerId,
    'slfx',
    rest.map((customer) => ({ customer, settledOn: today })),
  );
  const ros = await db
    .selectFrom('repairOrders')
    .select('id')
    .where('roNumber', 'like', 'RO-slfx-%')
    .orderBy('roNumber')
    .execute();
  const slOnsiteTasks: string[] = [];
  for (const ro of ros.slice(1)) {
    const s = await t.as(agent, 'POST', '/api/onsite/start', {
      sourceKind: 'repair_order',
      sourceId: ro.id,
      consent: true,
    });
    slOnsiteTasks.push((await must(s, 200, 'onsite')).taskId as string);
  }
  const url = String(link.url);
  return { slTask, slToken: url.slice(url.lastIndexOf('/') + 1), slRepairOrder: ros[0]!.id, slOnsiteTasks };
}
