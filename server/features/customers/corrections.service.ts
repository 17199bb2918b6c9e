import type { z } from 'zod';
import type { Correction, CreateCorrectionRequest } from '../../../core/contracts/corrections';
import { maskPhoneValue } from '../../../core/rules/customer-privacy';
import { parseDate } from '../../../core/rules/dms-validate';
import { normalisePhone } from '../../../core/rules/phone';
import type { Role } from '../../../core/permissions';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { requireDealer } from '../org/org.service';
import * as q from './corrections.queries';
import { findCustomer } from './customers.queries';

/** SPEC §4.14 step 3: the department corrects the data within 24 hours. */
export const CORRECTION_DEADLINE_MS = 24 * 3_600_000;

const phoneLike = (f: string) => f === 'mobile' || f === 'landline';

/** Each director answers for their own department (SPEC §4.14 step 3); the GM and the dealer admin for all. */
const DEPARTMENT_MANAGER: Partial<Record<Role, string>> = {
  aftersales_director: 'after_sales',
  sales_director: 'sales',
};
export function mayResolve(roles: readonly Role[], department: string): boolean {
  return roles.some((r) => r === 'gm' || r === 'dealer_admin' || DEPARTMENT_MANAGER[r] === department);
}

/** The proposed value, normalised so that applying it can never break the customer record. */
function normaliseProposed(field: string, value: string): string {
  const bad = (reason: string) =>
    new AppError('VALIDATION_FAILED', `proposedValue: ${reason}`, { field: 'proposedValue' });
  if (phoneLike(field)) {
    const p = normalisePhone(value);
    if (!p.ok) throw bad(p.reason);
    if (p.kind !== field) throw bad(`this is a ${p.kind} number, not a ${field} number`);
    return p.value;
  }
  if (field === 'gender') {
    const g = { 男: 'male', 女: 'female', male: 'male', female: 'female' }[value.toLowerCase()];
    if (!g) throw bad('gender must be 男 or 女');
    return g;
  }
  if (field === 'birthDate') {
    const d = parseDate(value);
    if (!d.ok) throw bad(d.reason);
    return d.value;
  }
  if (field === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw bad('not an e-mail address');
  return value;
}

type Row = Awaited<ReturnType<typeof q.findCorrections>>[number];
const mask = (field: string, v: string | null) => (v && phoneLike(field) ? maskPhoneValue(v) : v);
function toCorrection(r: Row): z.infer<typeof Correction> {
  return {
    id: r.id,
    customerId: r.customerId,
    customerName: r.customerName,
    field: r.field as 'name',
    currentValue: mask(r.field, r.currentValue),
    proposedValue: mask(r.field, r.proposedValue) ?? '',
    foundHow: r.foundHow,
    department: r.department as 'sales',
    status: r.status as 'open',
    raisedBy: r.raisedByName ?? '',
    raisedAt: r.raisedAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    overdue: r.status === 'open' && r.dueAt < new Date(),
    correctedAt: r.correctedAt?.toISOString() ?? null,
    resolutionNote: r.resolutionNote,
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
  };
}

export async function createCorrection(db: Db, actor: Actor, input: z.infer<typeof CreateCorrectionRequest>) {
  const dealerId = requireDealer(actor);
  if (!(await findCustomer(db, dealerId, input.customerId))) throw notFound('Customer');
  const proposedValue = normaliseProposed(input.field, input.proposedValue);
  const id = await db.transaction().execute(async (tx) => {
    const row = await q.insertCorrection(tx, {
      dealerId,
      customerId: input.customerId,
      field: input.field,
      currentValue: await q.currentValue(tx, dealerId, input.customerId, input.field),
      proposedValue,
      foundHow: input.foundHow,
      department: input.department,
      raisedBy: actor.userId,
      dueAt: new Date(Date.now() + CORRECTION_DEADLINE_MS),
    });
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'correction.create',
      entityType: 'correction',
      entityId: row.id,
      ip: actor.ip,
      details: { field: input.field, department: input.department },
    });
    return row.id;
  });
  return getCorrection(db, actor, id);
}

export async function getCorrection(db: Db, actor: Actor, id: string) {
  const [row] = await q.findCorrections(db, requireDealer(actor), { id });
  if (!row) throw notFound('Correction request');
  return toCorrection(row);
}

export async function listCorrections(db: Db, actor: Actor, status?: string) {
  return { items: (await q.findCorrections(db, requireDealer(actor), { status })).map(toCorrection) };
}

/** The department manager fixes the data (optionally applying the proposed value) and returns it to CS. */
export async function resolveCorrection(db: Db, actor: Actor, id: string, input: { apply: boolean; note: string }) {
  const dealerId = requireDealer(actor);
  const [row] = await q.findCorrections(db, dealerId, { id });
  if (!row) throw notFound('Correction request');
  if (row.status !== 'open') throw new AppError('CONFLICT', `This correction is already ${row.status}`);
  if (!mayResolve(actor.roles, row.department)) {
    throw new AppError(
      'FORBIDDEN',
      `Corrections for the ${row.department} department are resolved by that department's manager, the GM or the dealer admin`,
    );
  }
  await db.transaction().execute(async (tx) => {
    if (input.apply)
      await q.applyToCustomer(
        tx,
        dealerId,
        row.customerId,
        row.field,
        row.proposedValue,
        actor.userId,
        `correction:${id}`,
      );
    await q.setCorrected(tx, dealerId, id, actor.userId, input.note);
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'correction.resolve',
      entityType: 'correction',
      entityId: id,
      ip: actor.ip,
      details: { applied: input.apply },
    });
  });
  return getCorrection(db, actor, id);
}

/** CS confirms the correction (SPEC §4.14 step 4), or sends it back to the department. */
export async function confirmCorrection(
  db: Db,
  actor: Actor,
  id: string,
  input: { accepted: boolean; note?: string | undefined },
) {
  const dealerId = requireDealer(actor);
  const [row] = await q.findCorrections(db, dealerId, { id });
  if (!row) throw notFound('Correction request');
  if (row.status !== 'corrected')
    throw new AppError('CONFLICT', `Only a corrected request can be confirmed; this one is ${row.status}`);
  await db.transaction().execute(async (tx) => {
    await q.setConfirmed(tx, dealerId, id, actor.userId, input.accepted);
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: input.accepted ? 'correction.confirm' : 'correction.return',
      entityType: 'correction',
      entityId: id,
      ip: actor.ip,
      details: { note: input.note ?? null },
    });
  });
  return getCorrection(db, actor, id);
}
