import type { BusinessHours, CreateStaffRequest, Dealer, Department, Staff } from '../../../core/contracts/org';
import { maskPhone } from '../../../core/rules/redact';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import * as q from './org.queries';

type DealerRow = Awaited<ReturnType<typeof q.findDealersInScope>>[number];
const toDealer = (d: DealerRow): Dealer => ({ ...d, businessHours: d.businessHours as BusinessHours });

type StaffRow = NonNullable<Awaited<ReturnType<typeof q.findStaffIn>>>;
const toStaff = (s: StaffRow): Staff => ({
  id: s.id,
  dealerId: s.dealerId,
  name: s.name,
  department: s.department as Department,
  position: s.position,
  phoneMasked: s.phone ? maskPhone(s.phone) : null,
  email: s.email,
  userId: s.userId,
  active: s.active,
});

export function requireDealer(actor: Actor): string {
  if (!actor.currentDealerId) throw new AppError('BAD_REQUEST', 'Pick a dealer to work in first');
  return actor.currentDealerId;
}

export async function listDealers(db: Db, actor: Actor) {
  return { items: (await q.findDealersInScope(db, actor.scope)).map(toDealer) };
}

export async function getDealer(db: Db, actor: Actor, id: string) {
  const d = await q.findDealerIn(db, id, actor.dealerIds);
  if (!d) throw notFound('Dealer');
  return toDealer(d);
}

export async function listStaff(
  db: Db,
  actor: Actor,
  f: { department?: string | undefined; q?: string | undefined; limit: number; offset: number },
) {
  const [rows, total] = await q.findStaffPage(db, requireDealer(actor), f);
  return { items: rows.map(toStaff), total: Number(total.n) };
}

export async function getStaff(db: Db, actor: Actor, id: string) {
  const s = await q.findStaffIn(db, id, actor.dealerIds);
  if (!s) throw notFound('Staff member');
  return toStaff(s);
}

export async function createStaff(db: Db, actor: Actor, input: CreateStaffRequest) {
  const dealerId = requireDealer(actor);
  return db.transaction().execute(async (tx) => {
    const row = await q.insertStaff(tx, {
      dealerId,
      name: input.name,
      department: input.department,
      position: input.position,
      phone: input.phone ?? null,
      email: input.email ?? null,
    });
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'staff.create',
      entityType: 'staff',
      entityId: row.id,
      ip: actor.ip,
      details: { name: row.name, department: row.department, phone: row.phone },
    });
    return toStaff(row);
  });
}
