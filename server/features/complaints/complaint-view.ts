import type { Complaint } from '../../../core/contracts/complaints';
import { isHandlingOpen } from '../../../core/rules/complaint-flow';
import { maskPhoneValue } from '../../../core/rules/customer-privacy';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { appendAudit } from '../audit/audit.service';
import * as q from './complaints.queries';

type StaffRow = { id: string; name: string; department: string; position: string };
export const staffRef = (s: StaffRow) => ({ id: s.id, name: s.name, department: s.department, position: s.position });
export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function toComplaint(r: q.ComplaintRow, staff: StaffRow[], now = new Date()): Complaint {
  return {
    id: r.id,
    source: r.source as Complaint['source'],
    level: r.level as Complaint['level'],
    status: r.status as Complaint['status'],
    customerId: r.customerId,
    customerName: r.customerName,
    customerPhone: r.customerPhone ? maskPhoneValue(r.customerPhone) : null,
    description: r.description,
    department: r.department,
    staff: staff.map(staffRef),
    dueAt: r.dueAt.toISOString(),
    overdue: isHandlingOpen(r.status) && r.dueAt < now,
    handlingResult: r.handlingResult,
    improvementMeasures: r.improvementMeasures,
    handledAt: iso(r.handledAt),
    checkResult: r.checkResult,
    relationshipNotes: r.relationshipNotes,
    checkedAt: iso(r.checkedAt),
    rectificationNeeded: r.rectificationNeeded,
    responseId: r.responseId,
    caseId: r.caseId,
    voidedAt: iso(r.voidedAt),
    createdBy: r.createdByName,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Complaints with their attributed staff, in the order given. */
export async function complaintsWithStaff(db: Db, dealerId: string, rows: q.ComplaintRow[]): Promise<Complaint[]> {
  const staff = await q.findComplaintStaff(
    db,
    dealerId,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    toComplaint(
      r,
      staff.filter((s) => s.complaintId === r.id),
    ),
  );
}

/**
 * One step of a complaint: an append-only timeline event and the audit row, in the caller's transaction
 * ("every step audited").
 */
export async function recordStep(
  tx: Db,
  actor: Actor | null,
  dealerId: string,
  step: {
    complaintId: string;
    kind: string;
    note?: string;
    details?: Record<string, unknown>;
    entity?: { type: string; id: string };
  },
) {
  const details = step.details ?? {};
  await q.insertEvent(tx, {
    dealerId,
    complaintId: step.complaintId,
    actorUserId: actor?.userId ?? null,
    kind: step.kind,
    note: step.note ?? '',
    details: JSON.stringify(details),
  });
  await appendAudit(tx, {
    dealerId,
    actorUserId: actor?.userId ?? null,
    actorUsername: actor?.username ?? 'manyi',
    action: step.kind,
    entityType: step.entity?.type ?? 'complaint',
    entityId: step.entity?.id ?? step.complaintId,
    ip: actor?.ip ?? null,
    details: step.entity ? { ...details, complaintId: step.complaintId } : details,
  });
}
