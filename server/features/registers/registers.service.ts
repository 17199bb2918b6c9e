import type {
  RegisterExportQuery,
  RegisterKind,
  RegisterPage,
  RegisterQuery,
  RegisterRow,
} from '../../../core/contracts/registers';
import { maskPhoneValue, showValue, type FieldPermission } from '../../../core/rules/customer-privacy';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { permissionsFor } from '../customers/field-permissions';
import { requireDealer } from '../org/org.service';
import { guardPersonalExport } from '../reports/export-guard';
import { registerDef } from './register-defs';
import { registerWorkbook } from './register-xlsx';
import { findDealerName, findRegisterRows, type RegisterDbRow } from './registers.queries';

/**
 * Registers (登记表, SPEC §3.13): the after-sales on-site register (AYT-JL-客服-02), the sales callback
 * register (AYT-JL-客服-09) and the after-sales phone callback register, read from the callback tasks,
 * attempts and responses of the dealer the user works in. Phones are shown as the customer-information
 * permission table allows (§3.18, §8.3); the export shows a full number only to roles that may see and
 * export it, and is audited.
 */

/** At most this many rows go into one Excel file; narrow the filter for more. */
export const EXPORT_LIMIT = 20_000;

const timeZoneOf = (actor: Actor, dealerId: string) =>
  actor.dealers.find((d) => d.id === dealerId)?.timeZone ?? 'Asia/Shanghai';

function toRow(r: RegisterDbRow, phoneView: FieldPermission['view']): RegisterRow {
  return {
    taskId: r.taskId,
    responseId: r.responseId,
    calledAt: r.calledAt ? new Date(r.calledAt).toISOString() : null,
    customerId: r.customerId,
    customerName: r.customerName,
    phone: showValue(r.phone, phoneView, maskPhoneValue),
    plate: r.plate,
    vin: r.vin,
    model: r.model,
    orderNumber: r.orderNumber,
    orderDate: r.orderDate,
    deliveryDate: r.deliveryDate,
    repairType: r.repairType,
    amount: r.amountFen === null ? null : Number(r.amountFen) / 100,
    staffName: r.staffName,
    agentName: r.agentName,
    taskStatus: r.taskStatus,
    attempts: r.attemptCount,
    lastOutcome: r.lastOutcome,
    score: r.score === null ? null : Number(r.score),
    satisfied: r.satisfied,
    dissatisfiedItems: r.dissatisfiedItems,
    faqAnswers: r.faqAnswers,
    praise: r.praise ?? '',
    note: r.notes ?? '',
  };
}

async function context(db: Db, actor: Actor, kind: RegisterKind) {
  const dealerId = requireDealer(actor);
  const timeZone = timeZoneOf(actor, dealerId);
  const [dealerName, perms] = await Promise.all([
    findDealerName(db, dealerId),
    permissionsFor(db, dealerId, actor.roles),
  ]);
  return { dealerId, timeZone, dealerName, contact: perms.contact, def: registerDef(kind, timeZone) };
}

export async function listRegister(db: Db, actor: Actor, kind: RegisterKind, q: RegisterQuery): Promise<RegisterPage> {
  const c = await context(db, actor, kind);
  const { limit, offset, ...filter } = q;
  const rows = await findRegisterRows(
    db,
    {
      ...filter,
      dealerId: c.dealerId,
      types: c.def.taskTypes,
      timeZone: c.timeZone,
      taskFreeBusinessLine: c.def.taskFreeBusinessLine,
    },
    limit,
    offset,
  );
  return {
    register: { kind, code: c.def.code, title: c.def.title, dealerName: c.dealerName },
    items: rows.map((r) => toRow(r, c.contact.view)),
    total: Number(rows[0]?.total ?? 0),
  };
}

/**
 * The register as the paper form, in Excel. Personal data leave the system: through the export guard, so an export
 * of more rows than the dealer's CONFIG count needs a reason (422 EXPORT_REASON_REQUIRED, nothing built), and every
 * export is in the audit log with its row count, the phone view and the reason.
 */
export async function exportRegister(db: Db, actor: Actor, kind: RegisterKind, q: RegisterExportQuery) {
  const c = await context(db, actor, kind);
  const { limit: _limit, offset: _offset, reason, ...filter } = q;
  const rows = await findRegisterRows(
    db,
    {
      ...filter,
      dealerId: c.dealerId,
      types: c.def.taskTypes,
      timeZone: c.timeZone,
      taskFreeBusinessLine: c.def.taskFreeBusinessLine,
    },
    EXPORT_LIMIT,
    0,
  );
  // A full number leaves the system only for a role that may both see and export it.
  const view = c.contact.view === 'full' && !c.contact.canExport ? 'masked' : c.contact.view;
  await guardPersonalExport(db, actor, {
    dealerId: c.dealerId,
    entityType: 'register',
    entityId: kind,
    rows: rows.length,
    phones: view,
    reason,
  });
  const now = new Date();
  const exportedAt = new Intl.DateTimeFormat('sv-SE', {
    timeZone: c.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(now);
  const buffer = await registerWorkbook(
    c.def,
    rows.map((r) => toRow(r, view)),
    {
      dealerName: c.dealerName,
      period: `${filter.from ?? '…'} 至 ${filter.to ?? '…'}`,
      exportedAt,
      exportedBy: actor.displayName,
    },
  );
  return { buffer, fileName: `${c.def.code ?? c.def.title}-${c.dealerName}.xlsx` };
}
