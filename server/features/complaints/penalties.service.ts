import type { z } from 'zod';
import type {
  Penalty,
  PenaltyDecisionRequest,
  PenaltyQuery,
  ProposePenaltiesRequest,
} from '../../../core/contracts/complaints';
import { headRolesOf, managesDepartment } from '../../../core/rules/complaint-flow';
import {
  checkDecision,
  countPriorOffences,
  fenToYuan,
  groupForStaff,
  periodKey,
  proposePenalty,
} from '../../../core/rules/penalties';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { notify } from '../notifications/notify';
import { requireDealer } from '../org/org.service';
import { findAppealViews } from './appeals.service';
import { complaintsWithStaff, iso, recordStep } from './complaint-view';
import * as cq from './complaints.queries';
import { loadComplaint, requireStaff } from './complaints.service';
import * as q from './penalties.queries';
import { localDate, rulesInForce, rulesOf } from './penalty-rules.service';

function toPenalty(r: q.PenaltyRow): Penalty {
  return {
    id: r.id,
    complaintId: r.complaintId,
    complaintLevel: r.complaintLevel as Penalty['complaintLevel'],
    complaintDescription: r.complaintDescription,
    staff: { id: r.staffId, name: r.staffName, department: r.staffDepartment, position: r.staffPosition },
    ruleVersion: r.ruleVersion,
    ruleEffectiveFrom: r.ruleEffectiveFrom,
    group: r.groupKey as Penalty['group'],
    periodKey: r.periodKey,
    offenceNo: r.offenceNo,
    amountFen: r.amountFen,
    multiplier: Number(r.multiplier),
    dismissal: r.dismissal,
    disciplinaryAction: r.disciplinaryAction as Penalty['disciplinaryAction'],
    deductPerformancePay: r.deductPerformancePay,
    reason: r.reason,
    evidence: r.evidence as Penalty['evidence'],
    status: r.status as Penalty['status'],
    proposedBy: r.proposedByName,
    proposedAt: r.proposedAt.toISOString(),
    decidedBy: r.decidedByName,
    decidedAt: iso(r.decidedAt),
    decisionNote: r.decisionNote,
    voidedAt: iso(r.voidedAt),
    voidReason: r.voidReason,
  };
}

export async function findPenaltyViews(db: Db, dealerId: string, f: q.PenaltyFilter) {
  return (await q.findPenalties(db, dealerId, f)).map(toPenalty);
}

/** The penalty ledger (奖罚台账) of the dealer. */
export async function listPenalties(db: Db, actor: Actor, query: z.infer<typeof PenaltyQuery>) {
  return { items: await findPenaltyViews(db, requireDealer(actor), query) };
}

function evidenceOf(complaint: cq.ComplaintRow) {
  const ev = [{ kind: 'complaint', id: complaint.id, label: complaint.description.slice(0, 80) }];
  if (complaint.responseId) ev.push({ kind: 'survey_response', id: complaint.responseId, label: 'survey response' });
  if (complaint.caseId) ev.push({ kind: 'case', id: complaint.caseId, label: 'dissatisfaction case' });
  return ev;
}

type StaffRow = Awaited<ReturnType<typeof requireStaff>>[number];

/** One proposal: the rule version in force at the complaint, the offence count of its period, the evidence. */
async function proposeFor(
  tx: Db,
  actor: Actor,
  complaint: cq.ComplaintRow,
  s: StaffRow,
  input: z.infer<typeof ProposePenaltiesRequest>,
) {
  const dealerId = complaint.dealerId;
  const live = (await q.findPenalties(tx, dealerId, { complaintId: complaint.id, staffId: s.id })).filter(
    (h) => h.status === 'proposed' || h.status === 'approved',
  );
  if (live.length > 0) throw new AppError('CONFLICT', `${s.name} already has a penalty for this complaint`);
  const { row: rule, rules } = await rulesInForce(tx, dealerId, complaint.createdAt);
  const key = periodKey(rules.period, await localDate(tx, dealerId, complaint.createdAt));
  const group = input.group ?? groupForStaff(s.department, s.position);
  const history = await q.findPenalties(tx, dealerId, { staffId: s.id, periodKey: key });
  const p = proposePenalty(rules, group, countPriorOffences(history, key), input.bias);
  const { id } = await q.insertPenalty(tx, {
    ...{ dealerId, complaintId: complaint.id, staffId: s.id, ruleId: rule.id, groupKey: group, periodKey: key },
    ...{ offenceNo: p.offenceNo, amountFen: p.amountFen, multiplier: p.multiplier, dismissal: p.dismissal },
    reason: input.reason,
    evidence: JSON.stringify(evidenceOf(complaint)),
    proposedBy: actor.userId,
  });
  await recordStep(tx, actor, dealerId, {
    complaintId: complaint.id,
    kind: 'penalty.propose',
    note: `${s.name}: ${p.offenceNo} / ${p.amountFen === null ? '—' : fenToYuan(p.amountFen)}`,
    details: { staffId: s.id, group, periodKey: key, ruleVersion: rule.versionNo, ...p },
    entity: { type: 'penalty', id },
  });
}

/**
 * Runs the rules for the staff concerned and writes PROPOSALS only (SPEC §5.7; PIPL art. 24). Each proposal
 * links its evidence and the rule version; the department head is notified to decide.
 */
export async function proposePenalties(
  db: Db,
  actor: Actor,
  id: string,
  input: z.infer<typeof ProposePenaltiesRequest>,
) {
  const dealerId = requireDealer(actor);
  const complaint = await loadComplaint(db, dealerId, id);
  if (complaint.status === 'void' || complaint.status === 'under_appeal')
    throw new AppError('CONFLICT', `No penalty can be proposed while the complaint is ${complaint.status}`);
  const attributed = (await cq.findComplaintStaff(db, dealerId, [id])).map((s) => s.id);
  const staffIds = input.staffIds ?? attributed;
  if (staffIds.length === 0) throw new AppError('CONFLICT', 'Attribute the complaint to a staff member first');
  if (staffIds.some((s) => !attributed.includes(s)))
    throw new AppError('VALIDATION_FAILED', 'staffIds: only staff attributed to the complaint', { field: 'staffIds' });
  const staff = await requireStaff(db, dealerId, staffIds);
  await db.transaction().execute(async (tx) => {
    for (const s of staff) await proposeFor(tx, actor, complaint, s, input);
    await notify(tx, {
      dealerId,
      event: 'penalty.proposed',
      recipients: { roles: [...new Set(['gm', ...staff.flatMap((s) => headRolesOf(s.department))])] },
      title: '处罚建议待审批',
      body: complaint.description.slice(0, 200),
      link: `/complaints/${id}`,
      dedupeKey: `complaint:${id}:penalty-proposed:${staff.map((s) => s.id).join(',')}`,
    });
  });
  return findPenaltyViews(db, dealerId, { complaintId: id });
}

function requireDecider(actor: Actor, row: q.PenaltyRow) {
  const check = checkDecision({
    status: row.status,
    deciderUserId: actor.userId,
    staffUserId: row.staffUserId,
    deciderManagesDepartment: managesDepartment(actor.roles, row.staffDepartment),
  });
  if (check.ok) return;
  if (check.reason === 'not_proposed') throw new AppError('CONFLICT', `This penalty is already ${row.status}`);
  throw new AppError(
    'FORBIDDEN',
    check.reason === 'own_penalty'
      ? 'Nobody decides on their own penalty'
      : "Only the staff member's department head or the GM decides",
  );
}

/** What an approval fixes: the offence number recounted now (row-locked), under the proposal's own rule version. */
async function approvalSet(tx: Db, row: q.PenaltyRow, input: z.infer<typeof PenaltyDecisionRequest>) {
  const prior = await q.countApprovedOffences(tx, row.dealerId, row.staffId, row.periodKey);
  const rules = rulesOf(await q.findRuleById(tx, row.dealerId, row.ruleId));
  const again = proposePenalty(rules, row.groupKey as Penalty['group'], prior, Number(row.multiplier) > 1);
  return {
    status: 'approved',
    offenceNo: again.offenceNo,
    dismissal: again.dismissal,
    amountFen: input.amountFen ?? again.amountFen,
    disciplinaryAction: input.disciplinaryAction ?? (again.dismissal ? 'dismissal' : null),
    deductPerformancePay: input.deductPerformancePay ?? false,
  };
}

/**
 * A manager of the staff member's department (or the GM) approves or rejects a proposal; the staff member is
 * told either way.
 */
export async function decidePenalty(db: Db, actor: Actor, id: string, input: z.infer<typeof PenaltyDecisionRequest>) {
  const dealerId = requireDealer(actor);
  const [row] = await q.findPenalties(db, dealerId, { id });
  if (!row) throw notFound('Penalty');
  requireDecider(actor, row);
  await db.transaction().execute(async (tx) => {
    const set = input.approve ? await approvalSet(tx, row, input) : { status: 'rejected' };
    const decided = { ...set, decidedBy: actor.userId, decidedAt: new Date(), decisionNote: input.note };
    const done = await q.updatePenalty(tx, dealerId, id, 'proposed', decided);
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'This penalty was decided meanwhile');
    await recordStep(tx, actor, dealerId, {
      complaintId: row.complaintId,
      kind: input.approve ? 'penalty.approve' : 'penalty.reject',
      note: input.note,
      details: { staffId: row.staffId, ...set },
      entity: { type: 'penalty', id },
    });
    if (row.staffUserId)
      await notify(tx, {
        dealerId,
        event: input.approve ? 'penalty.approved' : 'penalty.rejected',
        recipients: { userIds: [row.staffUserId] },
        title: input.approve ? '您有一项处罚已生效' : '针对您的处罚建议未被批准',
        body: `${row.reason.slice(0, 150)}\n${input.note}`,
        link: '/my-penalties',
        dedupeKey: `penalty:${id}:decided`,
      });
  });
  return (await findPenaltyViews(db, dealerId, { id }))[0]!;
}

/** "The employee can see why": own penalties with rule, evidence and approver; own complaints and appeals. */
export async function myPenalties(db: Db, actor: Actor) {
  const dealerId = requireDealer(actor);
  const me = await cq.findStaffOfUser(db, dealerId, actor.userId);
  if (!me) return { staff: null, penalties: [], complaints: [], appeals: [] };
  const complaintIds = await cq.complaintIdsOfStaff(db, dealerId, me.id);
  const rows = await cq.findComplaints(db, dealerId, { ids: complaintIds });
  return {
    staff: { id: me.id, name: me.name, department: me.department, position: me.position },
    penalties: await findPenaltyViews(db, dealerId, { staffId: me.id }),
    complaints: await complaintsWithStaff(db, dealerId, rows),
    appeals: await findAppealViews(db, dealerId, { staffId: me.id }),
  };
}
