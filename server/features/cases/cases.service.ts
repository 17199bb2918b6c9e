import type {
  CaseCounts,
  CaseDetail,
  CaseList,
  CaseListQuery,
  CaseSummaryRow,
  DailyReport,
} from '../../../core/contracts/cases';
import { addCalendarDays, atLocal, toLocal } from '../../../core/rules/calendar';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { notFound } from '../../http/errors';
import { getDealerCalendar } from '../calendar/calendar.service';
import { requireDealer } from '../org/org.service';
import { caseNow } from './case-clock';
import * as q from './cases.queries';
import * as daily from './daily-report.queries';
import * as uq from './unhandled.queries';

/**
 * Reading cases: the case page with its whole timeline, the lists per role (待我处理 / 已超期 / 待我二次回访 /
 * 全部), the dashboard counts, the daily work report and the dissatisfied responses still without a case.
 * Visibility: the CS supervisor, CS lead and GM (`cases:escalated`) see every case of the dealer; everyone else
 * sees the cases they filled or that are routed to them (role or person). Anything else is 404.
 */

export const viewerOf = (actor: Actor): q.Viewer => ({
  userId: actor.userId,
  roles: actor.roles,
  seeAll: actor.permissions.has('cases:escalated'),
});

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toSummary(r: q.SummaryRow, now: Date): CaseSummaryRow {
  return {
    id: r.id,
    formNo: r.formNo,
    channel: r.channel as CaseSummaryRow['channel'],
    path: r.path as CaseSummaryRow['path'],
    status: r.status as CaseSummaryRow['status'],
    severity: r.severity as CaseSummaryRow['severity'],
    department: r.department as CaseSummaryRow['department'],
    customerName: r.customerName,
    plate: r.plate,
    problem: r.problem,
    loop: r.loop,
    currentStep: r.currentStep as CaseSummaryRow['currentStep'],
    currentDueAt: iso(r.currentDueAt),
    overdue: r.status !== 'closed' && !!r.currentDueAt && new Date(r.currentDueAt) < now,
    escalationLevel: r.escalationLevel,
    filledByName: r.filledByName,
    createdAt: iso(r.createdAt)!,
    closedAt: iso(r.closedAt),
  };
}

function actionsFor(c: q.CaseRowFull, actor: Actor, callbackAgentId: string | null): CaseDetail['actions'] {
  const creator = actor.permissions.has('cases:create');
  const agent = c.filledBy === actor.userId && creator;
  const caller = creator && (callbackAgentId ? callbackAgentId === actor.userId : c.filledBy === actor.userId);
  const handler =
    actor.permissions.has('cases:handle') &&
    (c.handlerUserId === actor.userId || c.recipientRoles.some((r) => (actor.roles as string[]).includes(r)));
  if (c.status === 'open' && agent) return ['forward'];
  if (c.status === 'awaiting_reply' && handler) return ['reply'];
  if (c.status === 'replied' && handler) return ['return'];
  if (c.status === 'awaiting_second_callback' && caller) return ['second_callback'];
  return [];
}

const toEvent = (e: Awaited<ReturnType<typeof q.findEvents>>[number]) => ({
  seq: e.seq,
  at: iso(e.at)!,
  kind: e.kind,
  loop: e.loop,
  step: e.step,
  actorName: e.actorName,
  note: e.note,
  details: JSON.parse(e.detailsJson) as Record<string, unknown>,
});

/** The step timestamps and due times of the form (SPEC §3.9), as ISO strings. */
const stepTimes = (c: q.CaseRowFull) => ({
  formDueAt: iso(c.formDueAt),
  forwardedAt: iso(c.forwardedAt),
  receivedAt: iso(c.receivedAt),
  replyDueAt: iso(c.replyDueAt),
  repliedAt: iso(c.repliedAt),
  returnDueAt: iso(c.returnDueAt),
  returnedAt: iso(c.returnedAt),
  secondCallbackDueAt: iso(c.secondCallbackDueAt),
  secondCallbackAt: iso(c.secondCallbackAt),
});

export async function getCase(db: Db, actor: Actor, id: string): Promise<CaseDetail> {
  const s = await q.findCase(db, actor.dealerIds, id, viewerOf(actor));
  if (!s) throw notFound('Case');
  const [c, events] = await Promise.all([q.findCaseRow(db, s.dealerId, id), q.findEvents(db, s.dealerId, id)]);
  if (!c) throw notFound('Case');
  return {
    ...toSummary(s, caseNow()),
    ...stepTimes(c),
    ...{ responseId: c.responseId, questionKey: c.questionKey, taskId: c.taskId, customerId: c.customerId },
    vin: s.vin,
    recipientRoles: c.recipientRoles,
    handlerUserId: c.handlerUserId,
    handlerName: s.handlerName,
    filledBy: c.filledBy,
    closedReason: c.closedReason,
    resolutionNote: c.resolutionNote,
    handlingResult: c.handlingResult,
    secondCallbackTaskId: c.secondCallbackTaskId,
    complaintId: c.complaintId,
    loopEscalated: !!c.loopEscalatedAt,
    actions: actionsFor(c, actor, s.callbackAgentId),
    events: events.map(toEvent),
  };
}

export async function listCases(db: Db, actor: Actor, query: CaseListQuery): Promise<CaseList> {
  const dealerId = requireDealer(actor);
  const now = caseNow();
  const { rows, total } = await q.listCases(db, dealerId, viewerOf(actor), { ...query, now });
  return { items: rows.map((r) => toSummary(r, now)), total };
}

/** The red widget on everyone's dashboard (SPEC §8.4 "(D) Overdue items are highlighted"). */
export async function caseCounts(db: Db, actor: Actor): Promise<CaseCounts> {
  const dealerId = requireDealer(actor);
  const now = caseNow();
  const v = viewerOf(actor);
  const counts = await q.countCases(db, dealerId, v, now);
  const overdue = await q.listCases(db, dealerId, v, { filter: 'overdue', limit: 5, offset: 0, now });
  const unhandled = actor.permissions.has('cases:create') ? await uq.countUnhandled(db, dealerId, actor.userId) : 0;
  return { ...counts, unhandled, overdueItems: overdue.rows.map((r) => toSummary(r, now)) };
}

/** 售后每日工作汇报 (AYT-JL-客服-05) of a local date (default today). */
export async function dailyReport(db: Db, actor: Actor, date?: string): Promise<DailyReport> {
  const dealerId = requireDealer(actor);
  const cal = await getDealerCalendar(db, dealerId);
  const ymd = date ?? toLocal(cal, caseNow()).ymd;
  const rows = await daily.findItems(db, dealerId, atLocal(cal, ymd, 0), atLocal(cal, addCalendarDays(ymd, 1), 0));
  return {
    date: ymd,
    items: rows.map((r) => ({
      ...r,
      enteredAt: iso(r.enteredAt)!,
      resultDueAt: iso(r.resultDueAt)!,
      resultAt: iso(r.resultAt),
      secondCallbackDueAt: iso(r.secondCallbackDueAt),
      secondCallbackAt: iso(r.secondCallbackAt),
    })),
  };
}

/** "Impossible to forget": my submitted responses with dissatisfied answers that have no case yet. */
export async function unhandledResponses(db: Db, actor: Actor) {
  const dealerId = requireDealer(actor);
  const rows = await uq.findUnhandled(db, dealerId, actor.userId, 100);
  return { items: rows.map((r) => ({ ...r, submittedAt: iso(r.submittedAt)! })) };
}
