import type { z } from 'zod';
import type { Customer360, InterferenceList } from '../../../core/contracts/customers';
import { maskPhoneValue, showValue, type FieldGroup, type FieldPermission } from '../../../core/rules/customer-privacy';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { requireDealer } from '../org/org.service';
import * as q from './customers.queries';
import { permissionsFor } from './field-permissions';
import { getIdCrypto } from './keys';
import { buildTimeline, day } from './timeline';

/** A phone number shared by this many customers or more is flagged (SPEC Appendix B: survey interference). */
export const SHARED_PHONE_THRESHOLD = 3;

export async function searchCustomers(db: Db, actor: Actor, query: string, limit: number) {
  const dealerId = requireDealer(actor);
  const ids = await q.searchCustomers(db, dealerId, query, limit);
  const [rows, phones, vehicles, perms, flags] = await Promise.all([
    q.findCustomers(db, dealerId, ids),
    q.findPhones(db, dealerId, ids),
    q.findVehicles(db, dealerId, ids),
    permissionsFor(db, dealerId, actor.roles),
    q.findInterference(db, dealerId, SHARED_PHONE_THRESHOLD),
  ]);
  const flagged = new Set([...flags.shared, ...flags.staff].flatMap((f) => f.customers.map((c) => c.id)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    items: ids.flatMap((id) => {
      const c = byId.get(id);
      if (!c) return [];
      const primary = phones.find((p) => p.customerId === id);
      return [
        {
          id,
          kind: c.kind as 'private',
          name: c.name,
          flagged: flagged.has(id),
          phone: primary ? showValue(primary.phone, perms.contact.view, maskPhoneValue) : null,
          vehicles: vehicles
            .filter((v) => v.ownerCustomerId === id)
            .map((v) => ({ vin: v.vin, plate: v.plate, model: v.model })),
        },
      ];
    }),
  };
}

async function loadCustomer(db: Db, actor: Actor, id: string) {
  const dealerId = requireDealer(actor);
  const c = await q.findCustomer(db, dealerId, id);
  if (!c) throw notFound('Customer');
  return { dealerId, c };
}

export async function getCustomer360(db: Db, actor: Actor, id: string): Promise<z.infer<typeof Customer360>> {
  const { dealerId, c } = await loadCustomer(db, actor, id);
  const [perms, phones, vehicles, ros, sales, changes, flags] = await Promise.all([
    permissionsFor(db, dealerId, actor.roles),
    q.findPhones(db, dealerId, [id]),
    q.findVehicles(db, dealerId, [id]),
    q.findRepairOrders(db, dealerId, id),
    q.findSales(db, dealerId, id),
    q.findChanges(db, dealerId, id),
    q.findInterference(db, dealerId, SHARED_PHONE_THRESHOLD),
  ]);
  const phoneFlags = (phone: string) => [
    ...(flags.shared.some((f) => f.phone === phone) ? ['shared_phone'] : []),
    ...(flags.staff.some((f) => f.phone === phone) ? ['staff_phone'] : []),
  ];
  const email = (v: string | null) => showValue(v, perms.contact.view, (x) => x.replace(/^(.)[^@]*(@.*)?$/, '$1***$2'));
  const address = (v: string | null) => showValue(v, perms.contact.view, (x) => `${[...x].slice(0, 6).join('')}***`);
  const birth = (v: string | null) => showValue(v, perms.personal.view, (x) => `${x.slice(0, 4)}-**-**`);
  return {
    customer: {
      id: c.id,
      kind: c.kind as 'private',
      name: c.name,
      gender: c.gender,
      birthDate: birth(day(c.birthDate)),
      email: email(c.email),
      address: address(c.address),
      postcode: c.postcode,
      employer: c.employer,
      industry: c.industry,
      idCard: c.idCardLast4 && perms.identity.view !== 'none' ? `**************${c.idCardLast4}` : null,
      personal:
        perms.personal.view === 'full'
          ? (c.personal as Record<string, unknown>)
          : perms.personal.view === 'masked'
            ? maskKeys(c.personal)
            : null,
      serviceCallbacksAllowed: c.serviceCallbacksAllowed,
      serviceConsent: c.serviceConsent,
      marketingAllowed: c.marketingAllowed,
      marketingConsent: c.marketingConsent,
      createdAt: c.createdAt.toISOString(),
    },
    phones: phones.map((p) => ({
      id: p.id,
      kind: p.kind as 'mobile',
      isPrimary: p.isPrimary,
      masked: perms.contact.view !== 'full',
      display: showValue(p.phone, perms.contact.view, maskPhoneValue),
      flags: phoneFlags(p.phone),
    })),
    vehicles: vehicles.map((v) => ({
      id: v.id,
      vin: v.vin,
      plate: v.plate,
      model: v.model,
      colour: v.colour,
      engineNo: v.engineNo,
      lastVisitOn: day(v.lastVisitOn),
      nextMaintenanceOn: day(v.nextMaintenanceOn),
    })),
    timeline: buildTimeline(
      ros,
      sales,
      changes,
      actor.dealers.find((d) => d.id === dealerId)?.timeZone ?? 'Asia/Shanghai',
      changeMasker(perms, { email, address, birth }),
    ),
    permissions: perms,
  };
}

type Masker = (v: string | null) => string | null;

/** A history value under the viewer's permissions (undefined: hidden), masked like the 360 page masks it. */
function changeMasker(
  perms: Record<FieldGroup, FieldPermission>,
  m: { email: Masker; address: Masker; birth: Masker },
) {
  const group = (g: FieldGroup, v: string | null) =>
    perms[g].view === 'none' ? undefined : perms[g].view === 'full' || v === null ? v : '***';
  return (field: string, value: string | null): string | null | undefined => {
    if (field === 'email') return perms.contact.view === 'none' ? undefined : m.email(value);
    if (field === 'phone')
      return perms.contact.view === 'none' ? undefined : showValue(value, perms.contact.view, maskPhoneValue);
    if (field === 'address') return perms.contact.view === 'none' ? undefined : m.address(value);
    if (field === 'birth_date') return perms.personal.view === 'none' ? undefined : m.birth(value);
    if (field === 'personal' || field === 'extra') return group('personal', value);
    if (field === 'family') return group('family', value);
    if (field === 'id_card') return perms.identity.view === 'none' ? undefined : value;
    return value;
  };
}

function maskKeys(personal: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.keys((personal ?? {}) as object).map((k) => [k, '***']));
}

/** Revealing a masked phone or ID number is an explicit, audited action allowed by the permission table. */
export async function revealField(
  db: Db,
  config: Config,
  actor: Actor,
  id: string,
  input: { field: 'phone' | 'idCard'; phoneId?: string | undefined },
) {
  const { dealerId, c } = await loadCustomer(db, actor, id);
  const group: FieldGroup = input.field === 'phone' ? 'contact' : 'identity';
  const perm: FieldPermission = (await permissionsFor(db, dealerId, actor.roles))[group];
  if (!perm.canReveal && perm.view !== 'full') {
    await appendAudit(db, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'customer.reveal',
      outcome: 'denied',
      entityType: 'customer',
      entityId: id,
      ip: actor.ip,
      details: { field: input.field },
    });
    throw new AppError(
      'FORBIDDEN',
      'The customer-information permission table does not let your role reveal this field',
      { field: input.field },
    );
  }
  let value: string | null = null;
  if (input.field === 'phone') {
    if (!input.phoneId)
      throw new AppError('VALIDATION_FAILED', 'phoneId is required to reveal a phone', { field: 'phoneId' });
    value = (await q.findPhone(db, dealerId, id, input.phoneId))?.phone ?? null;
  } else if (c.idCardCipher) value = getIdCrypto(config).decrypt(c.idCardCipher);
  if (!value) throw notFound(input.field === 'phone' ? 'Phone' : 'ID-card number');
  await appendAudit(db, {
    dealerId,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action: 'customer.reveal',
    entityType: 'customer',
    entityId: id,
    ip: actor.ip,
    details: { field: input.field, phoneId: input.phoneId ?? null },
  });
  return { value };
}

export async function recordConsent(
  db: Db,
  actor: Actor,
  id: string,
  input: {
    serviceCallbacksAllowed?: boolean | undefined;
    marketingAllowed?: boolean | undefined;
    channel: string;
    note?: string | undefined;
  },
) {
  const { dealerId } = await loadCustomer(db, actor, id);
  const evidence = JSON.stringify({
    source: actor.username,
    channel: input.channel,
    at: new Date().toISOString(),
    note: input.note ?? null,
  });
  await db.transaction().execute(async (tx) => {
    await q.updateConsent(tx, dealerId, id, {
      ...(input.serviceCallbacksAllowed !== undefined
        ? { serviceCallbacksAllowed: input.serviceCallbacksAllowed, serviceConsent: evidence }
        : {}),
      ...(input.marketingAllowed !== undefined
        ? { marketingAllowed: input.marketingAllowed, marketingConsent: evidence }
        : {}),
    });
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'customer.consent',
      entityType: 'customer',
      entityId: id,
      ip: actor.ip,
      details: {
        serviceCallbacksAllowed: input.serviceCallbacksAllowed ?? null,
        marketingAllowed: input.marketingAllowed ?? null,
        channel: input.channel,
      },
    });
  });
  return getCustomer360(db, actor, id);
}

export async function listInterference(db: Db, actor: Actor): Promise<z.infer<typeof InterferenceList>> {
  const dealerId = requireDealer(actor);
  const f = await q.findInterference(db, dealerId, SHARED_PHONE_THRESHOLD);
  return {
    sharedThreshold: SHARED_PHONE_THRESHOLD,
    items: [
      ...f.staff.map((x) => ({
        kind: 'staff_phone' as const,
        phone: maskPhoneValue(x.phone),
        customerCount: x.customers.length,
        staffName: x.staffName,
        customers: x.customers,
      })),
      ...f.shared.map((x) => ({
        kind: 'shared_phone' as const,
        phone: maskPhoneValue(x.phone),
        customerCount: x.customers.length,
        staffName: null,
        customers: x.customers,
      })),
    ],
  };
}

/**
 * A consent change the customer makes themselves, outside a staff session (the "不再联系我" button of the
 * mobile survey page, issue 5): same evidence shape as recordConsent (`source`, channel, time), written in
 * the caller's transaction with its audit row. Added by the survey-links feature.
 */
export async function recordCustomerOwnConsent(
  tx: Db,
  e: { dealerId: string; customerId: string; serviceCallbacksAllowed: boolean; source: string; channel: 'mobile_link' },
  audit: { actorUserId: string | null; actorUsername: string; ip: string | null },
) {
  const evidence = JSON.stringify({ source: e.source, channel: e.channel, at: new Date().toISOString(), note: null });
  await q.updateConsent(tx, e.dealerId, e.customerId, {
    serviceCallbacksAllowed: e.serviceCallbacksAllowed,
    serviceConsent: evidence,
  });
  await appendAudit(tx, {
    dealerId: e.dealerId,
    ...audit,
    action: 'customer.consent',
    entityType: 'customer',
    entityId: e.customerId,
    details: { serviceCallbacksAllowed: e.serviceCallbacksAllowed, marketingAllowed: null, channel: e.channel },
  });
}
