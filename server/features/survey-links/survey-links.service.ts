import type { CreatedLink, LinkList, SendLinkResult } from '../../../core/contracts/survey-links';
import { businessLineOf, firstNameOf, phoneHint, renderSms } from '../../../core/rules/survey-link';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { enqueue } from '../../jobs/outbox';
import { appendAudit } from '../audit/audit.service';
import { findTaskContext, type TaskContextRow } from '../callbacks/tasks.queries';
import { getIdCrypto } from '../customers/keys';
import { requireDealer } from '../org/org.service';
import { toLink, toSms } from './link-view';
import * as sq from './sms.queries';
import * as q from './survey-links.queries';
import { linkUrl, newToken, qrDataUrl } from './tokens';

/**
 * Staff side of the mobile survey link (手机问卷, SPEC §1.5 P-GEN): an agent creates a link for an open
 * callback task (a new one replaces the live one), shows it as a QR code or copies it, or has it sent by SMS
 * through the dealer's provider (a job written in the same transaction). The token exists only in the answer
 * and, encrypted until sent, in the SMS; the database keeps its SHA-256.
 */

export const SEND_SMS_JOB = 'survey-links.send-sms';
const OPEN = ['PENDING', 'APPOINTMENT'];

async function openTask(db: Db, actor: Actor, taskId: string) {
  const t = await findTaskContext(db, [requireDealer(actor)], taskId);
  if (!t) throw notFound('Callback task');
  if (!OPEN.includes(t.status))
    throw new AppError('CONFLICT', `The task is ${t.status}`, { reason: 'task_closed', status: t.status });
  if (t.customerId && t.serviceCallbacksAllowed === false)
    throw new AppError('CONFLICT', 'The customer does not want service callbacks', { reason: 'opted_out' });
  return t;
}

/** The questionnaire a link of the task shows: the task's form, else the line's newest published one. */
export async function versionForTask(
  db: Db,
  t: Pick<TaskContextRow, 'dealerId' | 'type' | 'versionId'>,
  channel: string,
) {
  const id =
    t.versionId ??
    (await q.findPublishedVersionFor(db, t.dealerId, { codes: [], businessLine: businessLineOf(t.type), channel }));
  if (!id)
    throw new AppError('CONFLICT', 'No published questionnaire for this kind of task', { reason: 'no_questionnaire' });
  return id;
}

interface Issued {
  linkId: string;
  token: string;
  url: string;
}

/** Replaces the task's live link with a new one, in the caller's transaction. */
async function issueLink(tx: Db, actor: Actor, t: TaskContextRow, versionId: string, origin: string): Promise<Issued> {
  const settings = await q.findSettings(tx, t.dealerId);
  const { token, hash } = newToken();
  await q.revokeLive(tx, t.dealerId, t.id, 'rotated');
  const linkId = await q.insertLink(tx, {
    dealerId: t.dealerId,
    taskId: t.id,
    versionId,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + (settings.validHours ?? 72) * 3_600_000),
    createdBy: actor.userId,
  });
  await appendAudit(tx, {
    dealerId: t.dealerId,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action: 'survey-link.create',
    entityType: 'callback_task',
    entityId: t.id,
    ip: actor.ip,
    details: { linkId, validHours: settings.validHours ?? 72 },
  });
  return { linkId, token, url: linkUrl(settings.publicBaseUrl ?? origin, token) };
}

async function created(db: Db, dealerId: string, taskId: string, issued: Issued): Promise<CreatedLink> {
  const rows = await q.findLinksOfTask(db, dealerId, taskId);
  const row = rows.find((r) => r.id === issued.linkId);
  if (!row) throw notFound('Survey link');
  return { link: toLink(row), url: issued.url, qr: await qrDataUrl(issued.url) };
}

/** A new link to show as a QR code or copy (`origin`: the address staff use, unless the dealer set one). */
export async function createLink(db: Db, actor: Actor, taskId: string, origin: string): Promise<CreatedLink> {
  const t = await openTask(db, actor, taskId);
  const versionId = await versionForTask(db, t, 'mobile_link');
  const issued = await db.transaction().execute(async (tx) => {
    const i = await issueLink(tx, actor, t, versionId, origin);
    await q.markSentVia(tx, t.dealerId, i.linkId, 'copy');
    return i;
  });
  return created(db, t.dealerId, t.id, issued);
}

/** A new link sent by SMS to one of the customer's mobiles (the delivery is a job in the same transaction). */
export async function sendLink(
  db: Db,
  config: Config,
  actor: Actor,
  taskId: string,
  phoneId: string | undefined,
  origin: string,
): Promise<SendLinkResult> {
  const t = await openTask(db, actor, taskId);
  const versionId = await versionForTask(db, t, 'mobile_link');
  const provider = await sq.findProvider(db, t.dealerId);
  if (!provider?.active)
    throw new AppError('CONFLICT', 'No SMS provider is configured for this dealer', { reason: 'no_provider' });
  const phone = await sq.findMobileOfTask(db, t.dealerId, t.id, phoneId);
  if (!phone) throw new AppError('VALIDATION_FAILED', 'The customer has no such mobile number', { field: 'phoneId' });
  const settings = await q.findSettings(db, t.dealerId);
  const crypto = getIdCrypto(config);
  const out = await db.transaction().execute(async (tx) => {
    const issued = await issueLink(tx, actor, t, versionId, origin);
    const text = renderSms(settings.smsTemplate, {
      dealer: settings.dealerName,
      link: issued.url,
      firstName: firstNameOf(t.customerName),
    });
    const smsId = await sq.insertSms(tx, {
      dealerId: t.dealerId,
      linkId: issued.linkId,
      taskId: t.id,
      phoneId: phone.id,
      phoneHint: phoneHint(phone.phone),
      bodyEnc: crypto.encrypt(text),
      providerKind: provider.kind,
      createdBy: actor.userId,
    });
    await q.markSentVia(tx, t.dealerId, issued.linkId, 'sms');
    await enqueue(tx, { dealerId: t.dealerId, name: SEND_SMS_JOB, payload: { smsId }, dedupeKey: `sms:${smsId}` });
    return { issued, smsId };
  });
  const link = await created(db, t.dealerId, t.id, out.issued);
  const sms = (await sq.findSmsOfTask(db, t.dealerId, t.id)).find((s) => s.id === out.smsId);
  if (!sms) throw notFound('SMS');
  return { ...link, sms: toSms(sms) };
}

/** The task's links (newest first) and SMS deliveries: what an agent sees next to the task. */
export async function listLinks(db: Db, actor: Actor, taskId: string): Promise<LinkList> {
  const dealerId = requireDealer(actor);
  const t = await findTaskContext(db, [dealerId], taskId);
  if (!t) throw notFound('Callback task');
  const [links, sms] = await Promise.all([q.findLinksOfTask(db, dealerId, t.id), sq.findSmsOfTask(db, dealerId, t.id)]);
  const now = new Date();
  return { items: links.map((l) => toLink(l, now)), sms: sms.map(toSms) };
}
