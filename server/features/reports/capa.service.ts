import type {
  Capa,
  CapaAction,
  CapaListQuery,
  CapaStatus,
  CapaTransitionRequest,
  CreateCapaRequest,
  UpdateCapaRequest,
} from '../../../core/contracts/reports';
import type { KpiRow } from '../../../core/contracts/kpis';
import type { Permission } from '../../../core/permissions';
import { validity } from '../../../core/rules/kpis';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, forbidden, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { notify } from '../notifications/notify';
import { requireDealer } from '../org/org.service';
import * as q from './capa.queries';

/**
 * CAPA lifecycle (SPEC §4.16, D from 002 ¶13 and 004[D] 三): draft (responsible head) → GM approval → implementation
 * (responsible department) → supervision (assigned supervisor) → implementation check (GM) → review by all
 * departments → closed. Approving and the implementation check need `capa:approve` (the GM, P-DPCA).
 */
const FLOW: Record<CapaAction, { from: CapaStatus; to: CapaStatus; needs: Permission }> = {
  submit: { from: 'draft', to: 'approval', needs: 'capa:manage' },
  approve: { from: 'approval', to: 'implementation', needs: 'capa:approve' },
  reject: { from: 'approval', to: 'draft', needs: 'capa:approve' },
  implemented: { from: 'implementation', to: 'supervision', needs: 'capa:manage' },
  supervised: { from: 'supervision', to: 'check', needs: 'capa:manage' },
  pass: { from: 'check', to: 'review', needs: 'capa:approve' },
  fail: { from: 'check', to: 'implementation', needs: 'capa:approve' },
  close: { from: 'review', to: 'closed', needs: 'capa:manage' },
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
function toCapa(r: q.CapaRow): Capa {
  return {
    ...r,
    origin: r.origin as Capa['origin'],
    department: r.department as Capa['department'],
    status: r.status as CapaStatus,
    approvedAt: iso(r.approvedAt),
    checkedAt: iso(r.checkedAt),
    closedAt: iso(r.closedAt),
    createdAt: iso(r.createdAt)!,
  };
}

async function checkLinks(
  db: Db,
  dealerId: string,
  i: { originReportId?: string | undefined; supervisorUserId?: string | null | undefined },
) {
  if (i.originReportId && !(await q.reportExists(db, dealerId, i.originReportId))) throw notFound('Report');
  if (i.supervisorUserId && !(await q.userInDealer(db, dealerId, i.supervisorUserId))) throw notFound('Supervisor');
}

export async function getCapa(db: Db, actor: Actor, id: string): Promise<Capa> {
  const r = await q.findCapa(db, requireDealer(actor), id);
  if (!r) throw notFound('CAPA');
  return toCapa(r);
}

export async function listCapa(db: Db, actor: Actor, query: CapaListQuery) {
  const { rows, total } = await q.listCapa(db, requireDealer(actor), query);
  return { items: rows.map(toCapa), total };
}

export async function createCapa(db: Db, actor: Actor, input: CreateCapaRequest): Promise<Capa> {
  const dealerId = requireDealer(actor);
  await checkLinks(db, dealerId, input);
  const id = await db.transaction().execute(async (tx) => {
    const row = await q.insertCapa(tx, {
      dealerId,
      origin: input.origin,
      originReportId: input.originReportId ?? null,
      originProblem: input.originProblem ?? null,
      originComplaintId: input.originComplaintId ?? null,
      department: input.department,
      departmentHead: input.departmentHead,
      description: input.description,
      measures: input.measures,
      supervisorUserId: input.supervisorUserId ?? null,
      createdBy: actor.userId,
    });
    await audit(tx, actor, dealerId, row.id, 'capa.create', { origin: input.origin });
    return row.id;
  });
  return getCapa(db, actor, id);
}

export async function updateCapa(db: Db, actor: Actor, id: string, input: UpdateCapaRequest): Promise<Capa> {
  const dealerId = requireDealer(actor);
  await checkLinks(db, dealerId, input);
  await db.transaction().execute(async (tx) => {
    const r = await q.lockCapa(tx, dealerId, id);
    if (!r) throw notFound('CAPA');
    if (r.status === 'closed') throw new AppError('CONFLICT', 'The CAPA is closed');
    await q.updateCapa(tx, dealerId, id, input);
    await audit(tx, actor, dealerId, id, 'capa.update', { fields: Object.keys(input) });
  });
  return getCapa(db, actor, id);
}

function stamps(action: CapaAction, actor: Actor, note: string, now: Date): Record<string, unknown> {
  if (action === 'approve') return { approvedBy: actor.userId, approvedAt: now };
  if (action === 'pass' || action === 'fail') return { checkedBy: actor.userId, checkedAt: now, checkNote: note };
  if (action === 'close') return { closedAt: now, reviewNote: note };
  return {};
}

export async function transitionCapa(db: Db, actor: Actor, id: string, input: CapaTransitionRequest): Promise<Capa> {
  const dealerId = requireDealer(actor);
  const step = FLOW[input.action];
  if (!actor.permissions.has(step.needs)) throw forbidden(step.needs);
  await db.transaction().execute(async (tx) => {
    const r = await q.lockCapa(tx, dealerId, id);
    if (!r) throw notFound('CAPA');
    if (r.status !== step.from)
      throw new AppError('CONFLICT', `A CAPA in ${r.status} cannot be ${input.action}`, { status: r.status });
    await q.updateCapa(tx, dealerId, id, { status: step.to, ...stamps(input.action, actor, input.note, new Date()) });
    await audit(tx, actor, dealerId, id, `capa.${input.action}`, { from: r.status, to: step.to, note: input.note });
  });
  return getCapa(db, actor, id);
}

function audit(tx: Db, actor: Actor, dealerId: string, id: string, action: string, details: Record<string, unknown>) {
  return appendAudit(tx, {
    dealerId,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action,
    entityType: 'capa',
    entityId: id,
    details,
  });
}

const pct = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`);
const LINE_ZH = { after_sales: '售后', sales: '销售' } as const;
/** The role R19 names as owner ("the manager of the marketing & customer-service department"). */
export const VALIDITY_OWNER_ROLE = 'cs_supervisor';
export const VALIDITY_EVENT = 'capa.validity-missed';

/**
 * SPEC §5.2 (D) and R19: a month that misses a validity threshold is not only flagged, it creates a management
 * action item for the manager of the marketing & CS department — a CAPA in draft (origin: callback analysis,
 * department: customer service), linked to the month's report, plus a notification to the dealer's CS supervisors.
 * Once per dealer, month and business line (the CAPA's system key); a month with no callbacks due opens nothing.
 * Runs inside the caller's transaction (the report snapshot), so both commit together. Returns the new CAPA's id.
 */
export async function openValidityAction(
  tx: Db,
  i: { dealerId: string; month: string; line: 'after_sales' | 'sales'; reportId: string; kpi: KpiRow | null },
): Promise<string | null> {
  const k = i.kpi;
  if (!k || k.monthValid || !(Number(k.counts.due) > 0)) return null;
  const t = k.thresholds;
  const op = t.inclusive ? '≥' : '>';
  const miss = (ok: boolean) => (ok ? '' : '，未达标');
  const v = validity(
    {
      callbacksDue: Number(k.counts.due),
      callbackSuccesses: Number(k.counts.success),
      surveySuccesses: Number(k.counts.surveyed),
    },
    t,
  );
  const description =
    `${i.month} ${LINE_ZH[i.line]}回访有效性未达标（R19）：` +
    `回访成功率 ${pct(k.callbackValidity)}（要求 ${op} ${pct(t.callback)}${miss(v.callbackValid)}），` +
    `调查成功率 ${pct(k.surveyValidity)}（要求 ${op} ${pct(t.survey)}${miss(v.surveyValid)}）；` +
    `应回访 ${k.counts.due}，回访成功 ${k.counts.success}，调查成功 ${k.counts.surveyed}。` +
    `请市场客服部经理采取措施（如处罚、增加人员），确保回访工作完成。`;
  const owners = await q.findRoleUserNames(tx, i.dealerId, VALIDITY_OWNER_ROLE);
  const systemKey = `validity:${i.month}:${i.line}`;
  const id = await q.insertSystemCapa(tx, {
    dealerId: i.dealerId,
    systemKey,
    origin: 'callback_analysis',
    originReportId: i.reportId,
    originProblem: `validity:${i.line}`,
    department: 'customer_service',
    departmentHead: owners.join('、').slice(0, 100),
    description,
  });
  if (!id) return null;
  await appendAudit(tx, {
    dealerId: i.dealerId,
    actorUsername: 'system',
    action: 'capa.create',
    entityType: 'capa',
    entityId: id,
    details: {
      origin: 'callback_analysis',
      systemKey,
      callbackValidity: k.callbackValidity,
      surveyValidity: k.surveyValidity,
      thresholds: t,
    },
  });
  await notify(tx, {
    dealerId: i.dealerId,
    event: VALIDITY_EVENT,
    recipients: { roles: [VALIDITY_OWNER_ROLE] },
    title: `${i.month} ${LINE_ZH[i.line]}回访有效性未达标`,
    body: description,
    link: `/reports/${i.reportId}`,
    dedupeKey: `capa:${systemKey}`,
  });
  return id;
}
