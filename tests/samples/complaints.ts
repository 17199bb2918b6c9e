import { hasPermission, type Permission, type Role } from '../../core/permissions';
import type { Session, TestApp } from '../harness';

/**
 * Route samples and fixture data for complaints, penalties, appeals, rectification notices, the hotline log
 * and forum monitoring (issue 6, SPEC WF-8–WF-10, WF-18, §5.7). State-changing samples pop a fresh row from a
 * pool, so every role (and the bad-input fuzzer) gets its own.
 */
export interface ComplaintsFixture {
  saStaff: string;
  complaint: string;
  openAfterSales: string[];
  openForReply: string[];
  replied: string[];
  oemComplaints: string[];
  attributedToSa: string[];
  appealable: string[];
  proposedPenalties: string[];
  submittedAppeals: string[];
  forwardedAppeals: string[];
  issuedNotices: string[];
  explainedNotices: string[];
  hotlineCall: string;
  unrepliedCalls: string[];
  callsForComplaint: string[];
  forumItem: string;
  forumForComplaint: string[];
}
type Sample = (f: ComplaintsFixture, role: Role) => { url: string; body?: unknown; ok: number };

const NONE = '00000000-0000-4000-8000-000000000000';
/**
 * A fresh row for a role that holds the route's permission; the others are refused by the guard before
 * anything happens, so they get a placeholder and the pool is not spent on them.
 */
const take = (pool: string[], role: Role, permission: Permission) =>
  hasPermission([role], permission) ? (pool.pop() ?? NONE) : NONE;
/** Roles heading the after-sales department (the fixture's complaints belong to it). */
const headsAfterSales = (role: Role) => role === 'aftersales_director' || role === 'gm';

const COMPLAINT = {
  source: 'hotline_400',
  level: 'complaint',
  customerName: '王先生',
  customerPhone: '13812345678',
  description: '保养后车辆异响',
  staffIds: [],
};
const CALL = {
  line: '400',
  callerName: '陈女士',
  callerPhone: '13912345678',
  purpose: '咨询保养价格',
  category: 'enquiry',
  content: '询问首保费用',
};
const FORUM = {
  site: '汽车之家',
  url: 'https://club.autohome.com.cn/bbs/thread/2.html',
  title: '4S店服务态度差',
  sentiment: 'negative',
};

export const COMPLAINT_SAMPLES: Record<string, Sample> = {
  'GET /api/complaints': () => ({ url: '/api/complaints?level=complaint&overdue=false', ok: 200 }),
  'GET /api/complaints/export.xlsx': () => ({
    url: '/api/complaints/export.xlsx?level=complaint&reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'POST /api/complaints': () => ({ url: '/api/complaints', body: COMPLAINT, ok: 201 }),
  'GET /api/complaints/:id': (f) => ({ url: `/api/complaints/${f.complaint}`, ok: 200 }),
  'PUT /api/complaints/:id/attribution': (f) => ({
    url: `/api/complaints/${f.complaint}/attribution`,
    body: { department: 'after_sales', staffIds: [f.saStaff] },
    ok: 200,
  }),
  'POST /api/complaints/:id/start': (f, role) => ({
    url: `/api/complaints/${take(f.openAfterSales, role, 'complaints:handle')}/start`,
    body: { note: '已接单' },
    ok: headsAfterSales(role) ? 200 : 403,
  }),
  'POST /api/complaints/:id/reply': (f, role) => ({
    url: `/api/complaints/${take(f.openForReply, role, 'complaints:handle')}/reply`,
    body: { handlingResult: '已为客户复检', improvementMeasures: '增加交车检查' },
    ok: headsAfterSales(role) ? 200 : 403,
  }),
  'POST /api/complaints/:id/check': (f, role) => ({
    url: `/api/complaints/${take(f.replied, role, 'complaints:check')}/check`,
    body: { checkResult: '客户满意' },
    ok: 200,
  }),
  'POST /api/complaints/:id/rectification': (f, role) => ({
    url: `/api/complaints/${take(f.oemComplaints, role, 'complaints:check')}/rectification`,
    body: { responsible: '张伟', requirements: '整改接待流程' },
    ok: 201,
  }),
  'GET /api/rectification-notices': () => ({ url: '/api/rectification-notices?status=issued', ok: 200 }),
  'GET /api/rectification-notices/export.xlsx': () => ({
    url: '/api/rectification-notices/export.xlsx?status=issued&reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'POST /api/rectification-notices/:id/result': (f, role) => ({
    url: `/api/rectification-notices/${take(f.issuedNotices, role, 'complaints:handle')}/result`,
    body: { result: '已整改' },
    ok: headsAfterSales(role) ? 200 : 403,
  }),
  'POST /api/rectification-notices/:id/explanation': (f, role) => ({
    url: `/api/rectification-notices/${f.explainedNotices[0] ?? NONE}/explanation`,
    body: { explanation: '书面说明' },
    ok: headsAfterSales(role) ? 200 : 403,
  }),
  'POST /api/rectification-notices/:id/close': (f, role) => ({
    url: `/api/rectification-notices/${take(f.explainedNotices, role, 'complaints:check')}/close`,
    ok: 200,
  }),
  'GET /api/penalty-rules': () => ({ url: '/api/penalty-rules', ok: 200 }),
  'POST /api/penalty-rules': () => ({
    url: '/api/penalty-rules',
    body: {
      effectiveFrom: '2026-01-01',
      rules: {
        period: 'month',
        groups: [{ key: 'other', amountsFen: [5000, null, null], thirdDismissal: true }],
        biasMultiplier: 2,
        handlingWorkingDays: 1,
        rectificationWorkingDays: null,
      },
    },
    ok: 200,
  }),
  'POST /api/complaints/:id/penalty-proposals': (f, role) => ({
    url: `/api/complaints/${take(f.attributedToSa, role, 'penalties:propose')}/penalty-proposals`,
    body: { reason: '未按流程说明维修项目' },
    ok: 201,
  }),
  'GET /api/penalties': () => ({ url: '/api/penalties?status=proposed', ok: 200 }),
  'GET /api/penalties/export.xlsx': () => ({
    url: '/api/penalties/export.xlsx?status=proposed&reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'POST /api/penalties/:id/decision': (f, role) => ({
    url: `/api/penalties/${take(f.proposedPenalties, role, 'penalties:approve')}/decision`,
    body: { approve: true, note: '属实' },
    ok: headsAfterSales(role) ? 200 : 403,
  }),
  'GET /api/my/penalties': () => ({ url: '/api/my/penalties', ok: 200 }),
  'POST /api/complaints/:id/appeals': (f, role) => ({
    url: `/api/complaints/${take(f.appealable, role, 'appeals:file')}/appeals`,
    body: { reason: '非本人责任' },
    ok: role === 'service_advisor' ? 201 : 403,
  }),
  'GET /api/appeals': () => ({ url: '/api/appeals?status=submitted', ok: 200 }),
  'GET /api/appeals/export.xlsx': () => ({
    url: '/api/appeals/export.xlsx?status=submitted&reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'POST /api/appeals/:id/forward': (f, role) => ({
    url: `/api/appeals/${take(f.submittedAppeals, role, 'complaints:handle')}/forward`,
    body: { note: '请总经理裁决' },
    ok: headsAfterSales(role) ? 200 : 403,
  }),
  'POST /api/appeals/:id/ruling': (f, role) => ({
    url: `/api/appeals/${take(f.forwardedAppeals, role, 'appeals:rule')}/ruling`,
    body: { upheld: true, statement: '申诉成立', signatureName: '吴海涛' },
    ok: 200,
  }),
  'GET /api/hotline-calls': () => ({ url: '/api/hotline-calls?overdue=true', ok: 200 }),
  'GET /api/hotline-calls/export.xlsx': () => ({
    url: '/api/hotline-calls/export.xlsx?overdue=true&reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'POST /api/hotline-calls': () => ({ url: '/api/hotline-calls', body: CALL, ok: 201 }),
  'GET /api/hotline-calls/:id': (f) => ({ url: `/api/hotline-calls/${f.hotlineCall}`, ok: 200 }),
  'PATCH /api/hotline-calls/:id': (f) => ({
    url: `/api/hotline-calls/${f.hotlineCall}`,
    body: { purpose: '咨询首保' },
    ok: 200,
  }),
  'POST /api/hotline-calls/:id/reply': (f, role) => ({
    url: `/api/hotline-calls/${take(f.unrepliedCalls, role, 'hotline:log')}/reply`,
    body: { note: '已回电' },
    ok: 200,
  }),
  'POST /api/hotline-calls/:id/complaint': (f, role) => ({
    url: `/api/hotline-calls/${take(f.callsForComplaint, role, 'complaints:create')}/complaint`,
    body: { level: 'grumble' },
    ok: 201,
  }),
  'GET /api/forum-items': () => ({ url: '/api/forum-items?sentiment=negative', ok: 200 }),
  'GET /api/forum-items/export.xlsx': () => ({ url: '/api/forum-items/export.xlsx?sentiment=negative', ok: 200 }),
  'POST /api/forum-items': () => ({ url: '/api/forum-items', body: FORUM, ok: 201 }),
  'PATCH /api/forum-items/:id': (f) => ({
    url: `/api/forum-items/${f.forumItem}`,
    body: { importance: 'high' },
    ok: 200,
  }),
  'POST /api/forum-items/:id/complaint': (f, role) => ({
    url: `/api/forum-items/${take(f.forumForComplaint, role, 'complaints:create')}/complaint`,
    body: {},
    ok: 201,
  }),
};

async function post(t: TestApp, s: Session, url: string, body: unknown, status: number) {
  const res = await t.as(s, 'POST', url, body);
  if (res.statusCode !== status)
    throw new Error(`complaints fixture ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
}

export async function complaintsFixture(t: TestApp): Promise<ComplaintsFixture> {
  const agent = await t.login('cs_agent');
  const director = await t.login('aftersales_director');
  const sa = await t.login('service_advisor');
  const supervisor = await t.login('cs_supervisor');
  const saStaff = (
    await t.database.db
      .selectFrom('staff')
      .innerJoin('users', 'users.id', 'staff.userId')
      .select('staff.id')
      .where('users.username', '=', 'service_advisor')
      .executeTakeFirstOrThrow()
  ).id;
  const many = async (n: number, make: () => Promise<string>) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(await make());
    return out;
  };
  const complaint = async (extra: Record<string, unknown> = {}) =>
    (await post(t, agent, '/api/complaints', { ...COMPLAINT, staffIds: [saStaff], ...extra }, 201)).id as string;
  const db = t.database.db;
  const dealerId = (await db.selectFrom('staff').select('dealerId').where('id', '=', saStaff).executeTakeFirstOrThrow())
    .dealerId;
  /** An open slip naming the service advisor, written directly (the fixture is large; the API is tested elsewhere). */
  const quick = async (source = 'hotline_400') => {
    const row = await db
      .insertInto('complaints')
      .values({
        dealerId,
        source,
        level: 'complaint',
        customerName: '王先生',
        description: '保养后车辆异响',
        department: 'after_sales',
        dueAt: new Date(Date.now() + 86_400_000),
        rectificationNeeded: source === 'oem_hotline',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('complaintStaff').values({ dealerId, complaintId: row.id, staffId: saStaff }).execute();
    return row.id;
  };
  const reply = async (id: string) =>
    post(t, director, `/api/complaints/${id}/reply`, { handlingResult: '已处理', improvementMeasures: '改善' }, 200);
  const notice = async () => {
    const c = await quick('oem_hotline');
    return (
      await post(
        t,
        supervisor,
        `/api/complaints/${c}/rectification`,
        { responsible: '张伟', requirements: '整改' },
        201,
      )
    ).id as string;
  };
  const proposal = async () =>
    (await post(t, director, `/api/complaints/${await quick()}/penalty-proposals`, { reason: '违规' }, 201))[0]
      .id as string;
  const appeal = async () =>
    (await post(t, sa, `/api/complaints/${await quick()}/appeals`, { reason: '非本人责任' }, 201)).id as string;
  const forwarded = async () => {
    const id = await appeal();
    await post(t, director, `/api/appeals/${id}/forward`, { note: '请裁决' }, 200);
    return id;
  };
  const explained = async () => {
    const id = await notice();
    await post(t, director, `/api/rectification-notices/${id}/result`, { result: '已整改' }, 200);
    await post(t, director, `/api/rectification-notices/${id}/explanation`, { explanation: '说明' }, 200);
    return id;
  };
  const call = async () => (await post(t, agent, '/api/hotline-calls', CALL, 201)).id as string;
  const forum = async () => (await post(t, agent, '/api/forum-items', FORUM, 201)).id as string;
  return {
    saStaff,
    complaint: await complaint(),
    openAfterSales: await many(5, quick),
    openForReply: await many(5, quick),
    replied: await many(2, async () => (await reply(await quick())).id),
    oemComplaints: await many(2, () => quick('oem_hotline')),
    attributedToSa: await many(4, quick),
    appealable: await many(10, quick),
    proposedPenalties: await many(3, proposal),
    submittedAppeals: await many(5, appeal),
    forwardedAppeals: await many(1, forwarded),
    issuedNotices: await many(5, notice),
    explainedNotices: await many(3, explained),
    hotlineCall: await call(),
    unrepliedCalls: await many(3, call),
    callsForComplaint: await many(3, call),
    forumItem: await forum(),
    forumForComplaint: await many(3, forum),
  };
}
