import {
  REPORT_KINDS,
  type ReportKind,
  type ReportRecipients,
  type ReportSettings,
} from '../../../core/contracts/reports';
import { ROLES, SPANNING_ROLES, type Role } from '../../../core/permissions';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { requireDealer } from '../org/org.service';
import { EXPORT_REASON_ROWS_PRESET } from './export-guard';
import { MONTHLY_DUE_DAY_PRESET, RECIPIENT_PRESETS } from './report-generation';
import * as q from './reports.queries';

/**
 * Report recipients and settings per dealer (CONFIG, SPEC §3.12 "no time of day is stated", §4.15, §9). Presets:
 * the sales daily report to the GM (e-mail copy, R3), the monthly reports to the GM and directors (R8), mailed at
 * 18:00; due before the 10th; a reason above 200 exported rows.
 */

export async function listRecipients(db: Db, actor: Actor): Promise<{ items: ReportRecipients[] }> {
  const rows = await q.findRecipients(db, requireDealer(actor));
  return {
    items: REPORT_KINDS.map((kind) => {
      const r = rows.find((x) => x.kind === kind);
      return r
        ? { kind, roles: r.roles, emails: r.emails, sendTime: r.sendTime }
        : { kind, emails: [], ...RECIPIENT_PRESETS[kind] };
    }),
  };
}

/** Roles a dealer's report can go to: every dealer role (group analysts and system admins span dealers). */
export const RECIPIENT_ROLES: readonly Role[] = ROLES.filter((r) => !SPANNING_ROLES.includes(r));

/**
 * Unknown roles are refused (a typo would silently mail nobody); roles and addresses are deduplicated, addresses
 * compared without case and stored trimmed.
 */
function normalizeRecipients(body: Omit<ReportRecipients, 'kind'>): Omit<ReportRecipients, 'kind'> {
  const unknown = body.roles.findIndex((r) => !(RECIPIENT_ROLES as readonly string[]).includes(r));
  if (unknown >= 0)
    throw new AppError('VALIDATION_FAILED', `roles: ${body.roles[unknown]} is not a dealer role`, [
      { path: `body.roles.${unknown}`, message: `${body.roles[unknown]} is not a dealer role` },
    ]);
  const emails = new Map<string, string>();
  for (const e of body.emails) {
    const trimmed = e.trim();
    if (!emails.has(trimmed.toLowerCase())) emails.set(trimmed.toLowerCase(), trimmed);
  }
  return { roles: [...new Set(body.roles)], emails: [...emails.values()], sendTime: body.sendTime };
}

export async function setRecipients(db: Db, actor: Actor, kind: ReportKind, input: Omit<ReportRecipients, 'kind'>) {
  const dealerId = requireDealer(actor);
  const body = normalizeRecipients(input);
  await db.transaction().execute(async (tx) => {
    await q.upsertRecipients(tx, dealerId, { kind, ...body });
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'reports.recipients',
      entityType: 'report_recipients',
      entityId: kind,
      details: { roles: body.roles, emails: body.emails.length, sendTime: body.sendTime },
    });
  });
  return { kind, ...body };
}

export async function getSettings(db: Db, actor: Actor): Promise<ReportSettings> {
  const s = await q.findSettings(db, requireDealer(actor));
  return s ?? { monthlyDueDay: MONTHLY_DUE_DAY_PRESET, exportReasonRows: EXPORT_REASON_ROWS_PRESET };
}

export async function setSettings(db: Db, actor: Actor, body: ReportSettings): Promise<ReportSettings> {
  const dealerId = requireDealer(actor);
  await db.transaction().execute(async (tx) => {
    await q.upsertSettings(tx, dealerId, body);
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'reports.settings',
      entityType: 'report_settings',
      entityId: dealerId,
      details: { ...body },
    });
  });
  return body;
}
