import type { CallbackTask, QueueItem } from '../../../core/contracts/callbacks';
import { maskPhoneValue, showValue, type FieldPermission } from '../../../core/rules/customer-privacy';
import type { Actor } from '../../http/actor';
import type { QueueRow } from './queue.queries';
import type { TaskContextRow } from './tasks.queries';

/** Shapes task rows for the API; phones are masked per the customer-information permission table. */

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const zoneOf = (actor: Actor, dealerId: string) =>
  actor.dealers.find((d) => d.id === dealerId)?.timeZone ?? 'Asia/Shanghai';

export function toTask(t: TaskContextRow, contact: FieldPermission, today: string): CallbackTask {
  const open = t.status === 'PENDING' || t.status === 'APPOINTMENT';
  const leased = t.leaseUserId && t.leaseExpiresAt && t.leaseExpiresAt.getTime() > Date.now();
  return {
    id: t.id,
    type: t.type as CallbackTask['type'],
    status: t.status as CallbackTask['status'],
    reason: t.reason,
    priority: t.priority,
    anchorKind: t.anchorKind,
    anchorDate: t.anchorDate,
    dueStart: t.dueStart,
    dueEnd: t.dueEnd,
    overdue: open && t.dueEnd < today,
    attemptCount: t.attemptCount,
    failedAttempts: t.failedAttempts,
    nextAttemptAt: iso(t.nextAttemptAt),
    appointmentAt: iso(t.appointmentAt),
    assignedUserId: t.assignedUserId,
    assignedName: t.assignedName,
    lease: leased ? { userId: t.leaseUserId!, name: t.leaseName, expiresAt: t.leaseExpiresAt!.toISOString() } : null,
    respondentEligible: t.respondentEligible,
    consent: t.consent,
    responseId: t.responseId,
    note: t.note,
    contactPhone: showValue(t.contactPhone, contact.view, maskPhoneValue),
    customer: t.customerId
      ? {
          id: t.customerId,
          name: t.customerName ?? '',
          serviceCallbacksAllowed: t.serviceCallbacksAllowed ?? true,
          phones: t.phones.map((p) => ({
            id: p.id,
            kind: p.kind,
            isPrimary: p.isPrimary,
            display: showValue(p.phone, contact.view, maskPhoneValue),
            masked: contact.view !== 'full',
          })),
        }
      : null,
    vehicle: t.vehicleId ? { id: t.vehicleId, vin: t.vin, plate: t.plate, model: t.model } : null,
    source: {
      kind: t.sourceKind as CallbackTask['source']['kind'],
      id: t.sourceId,
      number: t.sourceNumber,
      date: t.sourceDate,
      staffName: t.staffName,
      detail: t.sourceDetail,
    },
    questionnaire: { code: t.questionnaireCode, versionId: t.versionId },
    attempts: t.attempts.map((a) => ({
      id: a.id,
      at: iso(a.at)!,
      agentName: a.agentName,
      outcome: a.outcome as CallbackTask['attempts'][number]['outcome'],
      phoneKind: a.phoneKind,
      note: a.note,
      appointmentAt: iso(a.appointmentAt),
    })),
    createdAt: t.createdAt.toISOString(),
  };
}

export function toQueueItem(r: QueueRow, today: string): QueueItem {
  const open = r.status === 'PENDING' || r.status === 'APPOINTMENT';
  return {
    ...r,
    type: r.type as QueueItem['type'],
    status: r.status as QueueItem['status'],
    overdue: open && r.dueEnd < today,
    nextAttemptAt: iso(r.nextAttemptAt),
    appointmentAt: iso(r.appointmentAt),
    leaseExpiresAt: iso(r.leaseExpiresAt),
  };
}
