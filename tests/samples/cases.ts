import type { Role } from '../../core/permissions';
import type { Session, TestApp } from '../harness';
import { SMALL_CONTENT } from '../questionnaire-samples';

/** Route samples, fixture and helpers for the closed loop (dissatisfaction cases, issue 6; SPEC §4.7). */

export interface CasesFixture {
  /** A forwarded after-sales on-site case filled by cs_agent, routed to the after-sales director. */
  caseVisible: string;
  /** Responses with a dissatisfied answer and no case yet. */
  caseResponses: string[];
  caseCustomer: string;
  casesOpen: string[];
  casesAwaitingReply: string[];
  casesReplied: string[];
  casesSecondCallback: string[];
  /** A case waiting for its second callback, handed to a substitute agent (C39). */
  caseReassign: string;
  /** The substitute: the demo CS lead. */
  caseSubstitute: string;
}
type Sample = (f: CasesFixture, role: Role) => { url: string; body?: unknown; ok: number };

/** Who sees the fixture case: the agent who filled it, its recipient (the after-sales director), the overseers. */
const SEES = new Set<Role>(['cs_agent', 'cs_lead', 'cs_supervisor', 'aftersales_director', 'gm']);
const seen = (role: Role, ok: number) => (SEES.has(role) ? ok : 404);
/** Agent steps: only the agent who filled the form; the CS lead / supervisor see it but may not act. */
const agentStep = (role: Role) => (role === 'cs_agent' ? 200 : 403);
/** Department steps: the recipient answers; the GM sees it (403); the rest do not see it (404). */
const handlerStep = (role: Role) => (role === 'aftersales_director' ? 200 : seen(role, 403));
const pop = (pool: string[], ok: number) => (ok === 200 ? (pool.pop() ?? 'none') : (pool[0] ?? 'none'));

export const CASE_PROBLEM = {
  channel: 'as_onsite',
  path: 'follow_up',
  problem: '客户反映保养后发动机异响仍未消除，要求技术总监回电说明。',
  severity: 'severe',
  department: 'after_sales',
} as const;

export const CASES_SAMPLES: Record<string, Sample> = {
  'POST /api/cases': (f) => ({
    url: '/api/cases',
    body: {
      responseId: f.caseResponses.pop() ?? 'none',
      questionKey: 'q1',
      customerId: f.caseCustomer,
      channel: 'as_onsite',
      path: 'a',
      problem: '客户询问保养周期',
      severity: 'minor',
      department: 'after_sales',
      resolutionNote: '按FAQ答复：每5000公里保养一次',
    },
    ok: 201,
  }),
  'GET /api/cases': () => ({ url: '/api/cases?filter=mine', ok: 200 }),
  'GET /api/cases/export.xlsx': () => ({
    url: '/api/cases/export.xlsx?filter=mine&reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'GET /api/cases/summary': () => ({ url: '/api/cases/summary', ok: 200 }),
  'GET /api/cases/unhandled': () => ({ url: '/api/cases/unhandled', ok: 200 }),
  'GET /api/cases/unhandled/export.xlsx': () => ({
    url: '/api/cases/unhandled/export.xlsx?reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'GET /api/cases/route-preview': () => ({
    url: '/api/cases/route-preview?channel=as_phone&path=follow_up&severity=minor&department=quality',
    ok: 200,
  }),
  'GET /api/cases/:id': (f, role) => ({ url: `/api/cases/${f.caseVisible}`, ok: seen(role, 200) }),
  'POST /api/cases/:id/forward': (f, role) => ({
    url: `/api/cases/${pop(f.casesOpen, agentStep(role))}/forward`,
    body: {},
    ok: agentStep(role),
  }),
  'POST /api/cases/:id/reply': (f, role) => ({
    url: `/api/cases/${pop(f.casesAwaitingReply, handlerStep(role))}/reply`,
    body: { result: '已安排技师复检并电话告知客户结果' },
    ok: handlerStep(role),
  }),
  'POST /api/cases/:id/return': (f, role) => ({
    url: `/api/cases/${pop(f.casesReplied, handlerStep(role))}/return`,
    body: { note: '表已填写完整' },
    ok: handlerStep(role),
  }),
  'POST /api/cases/:id/second-callback': (f, role) => ({
    url: `/api/cases/${pop(f.casesSecondCallback, agentStep(role))}/second-callback`,
    body: { satisfied: true, note: '客户表示满意' },
    ok: agentStep(role),
  }),
  'POST /api/cases/:id/reassign-callback': (f) => ({
    url: `/api/cases/${f.caseReassign}/reassign-callback`,
    body: { userId: f.caseSubstitute, reason: '原填表人休假' },
    ok: 200,
  }),
  'GET /api/daily-report': () => ({ url: '/api/daily-report?date=2026-01-05', ok: 200 }),
  'GET /api/daily-report/export.xlsx': () => ({
    url: '/api/daily-report/export.xlsx?date=2026-01-05&reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'GET /api/case-rules': () => ({ url: '/api/case-rules', ok: 200 }),
  'PUT /api/case-rules': () => ({
    url: '/api/case-rules',
    body: { effectiveFrom: '2099-01-01', rules: DEFAULT_RULES_BODY, note: '矩阵' },
    ok: 200,
  }),
};

const DEFAULT_RULES_BODY = {
  formCutoff: '17:00',
  afterCutoff: '10:00',
  trackingFormWhen: 'severe_or_other_department',
  lineRecipients: { after_sales: ['aftersales_director'], sales: ['sales_director'] },
  departmentRoles: { after_sales: [], sales: ['sales_director'], quality: ['quality'], management: ['gm'], other: [] },
  replyWorkingDays: 1,
  replyWorkingHours: 0,
  returnWorkingDays: 1,
  secondCallbackWorkingDays: 1,
  dailyReportWorkingDays: 1,
  escalation: { agentSupervisorRoles: ['cs_supervisor'], finalRoles: ['gm'], finalAfterWorkingHours: 4, afterLoops: 2 },
};

async function must(res: { statusCode: number; body: string; json(): unknown }, status: number) {
  if (res.statusCode !== status) throw new Error(`cases fixture: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json() as { id: string; versionId: string };
}

/** A published questionnaire, a customer, and a way to submit dissatisfied responses at SH001. */
export async function caseWorld(t: TestApp) {
  const cs = await t.login('cs_supervisor');
  const v = await must(await t.as(cs, 'POST', '/api/questionnaires', { content: SMALL_CONTENT }), 201);
  await must(await t.as(await t.login('gm'), 'POST', `/api/questionnaire-versions/${v.versionId}/approve`), 200);
  await must(await t.as(cs, 'POST', `/api/questionnaire-versions/${v.versionId}/publish`), 200);
  const dealerId = (
    await t.database.db.selectFrom('dealers').select('id').where('code', '=', 'SH001').executeTakeFirstOrThrow()
  ).id;
  const customer = await t.database.db
    .insertInto('customers')
    .values({ dealerId, matchKey: `m:1390000${Math.floor(Math.random() * 9000) + 1000}:赵敏`, name: '赵敏' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const respond = async (s: Session) =>
    (
      await must(
        await t.as(s, 'POST', '/api/responses', {
          versionId: v.versionId,
          answers: [
            { question: 'q1', value: 'dissatisfied' },
            { question: 'q2', value: '发动机异响' },
          ],
        }),
        201,
      )
    ).id;
  return { dealerId, customerId: customer.id, versionId: v.versionId, respond };
}

export async function casesFixture(t: TestApp): Promise<CasesFixture> {
  const agent = await t.login('cs_agent');
  const director = await t.login('aftersales_director');
  const world = await caseWorld(t);
  const open = async (forward: boolean) => {
    const body = { ...CASE_PROBLEM, responseId: await world.respond(agent), questionKey: 'q1', forward };
    return (await must(await t.as(agent, 'POST', '/api/cases', { ...body, customerId: world.customerId }), 201)).id;
  };
  const step = async (id: string, who: Session, action: string, body: unknown) => {
    await must(await t.as(who, 'POST', `/api/cases/${id}/${action}`, body), 200);
    return id;
  };
  const pool = async (n: number, make: () => Promise<string>) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(await make());
    return out;
  };
  const replied = async () => step(await open(true), director, 'reply', { result: '已处理' });
  return {
    caseVisible: await open(true),
    caseResponses: await pool(4, () => world.respond(agent)),
    caseCustomer: world.customerId,
    casesOpen: await pool(2, () => open(false)),
    casesAwaitingReply: await pool(2, () => open(true)),
    casesReplied: await pool(2, replied),
    casesSecondCallback: await pool(2, async () => step(await replied(), director, 'return', {})),
    caseReassign: await step(await replied(), director, 'return', {}),
    caseSubstitute: (await t.login('cs_lead')).me.user.id,
  };
}
