import type {
  LinkSettings,
  MessageProvider,
  UpdateLinkSettings,
  UpdateMessageProvider,
} from '../../../core/contracts/survey-links';
import { DEFAULT_SMS_TEMPLATE, defaultPrivacyNotice } from '../../../core/rules/survey-link';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { checkGatewayUrl } from '../../integrations/sms/sms';
import { appendAudit } from '../audit/audit.service';
import { getIdCrypto } from '../customers/keys';
import { requireDealer } from '../org/org.service';
import * as sq from './sms.queries';
import * as q from './survey-links.queries';

/**
 * Per-dealer configuration of the mobile link (CONFIG: privacy notice, validity, public address, SMS text)
 * and of the SMS / message provider (the webhook secret is stored AES-GCM encrypted, shown as a hint).
 */

export async function getLinkSettings(db: Db, actor: Actor): Promise<LinkSettings> {
  const s = await q.findSettings(db, requireDealer(actor));
  return {
    privacyNotice: s.privacyNotice,
    defaultPrivacyNotice: defaultPrivacyNotice(s.dealerName),
    validHours: s.validHours ?? 72,
    publicBaseUrl: s.publicBaseUrl,
    smsTemplate: s.smsTemplate,
    defaultSmsTemplate: DEFAULT_SMS_TEMPLATE,
  };
}

export async function updateLinkSettings(db: Db, actor: Actor, input: UpdateLinkSettings): Promise<LinkSettings> {
  const dealerId = requireDealer(actor);
  await db.transaction().execute(async (tx) => {
    await q.upsertSettings(tx, {
      dealerId,
      privacyNotice: input.privacyNotice || null,
      validHours: input.validHours,
      publicBaseUrl: input.publicBaseUrl.replace(/\/+$/, '') || null,
      smsTemplate: input.smsTemplate || null,
      updatedBy: actor.userId,
    });
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'survey-link.settings',
      entityType: 'survey_link_settings',
      entityId: dealerId,
      ip: actor.ip,
      details: { validHours: input.validHours, customNotice: input.privacyNotice !== '', base: input.publicBaseUrl },
    });
  });
  return getLinkSettings(db, actor);
}

export async function getProvider(db: Db, actor: Actor): Promise<MessageProvider> {
  const p = await sq.findProvider(db, requireDealer(actor));
  if (!p) return { kind: 'log', url: null, secretHint: null, senderName: '', active: false, configured: false };
  return {
    kind: p.kind as MessageProvider['kind'],
    url: p.url,
    secretHint: p.secretHint,
    senderName: p.senderName,
    active: p.active,
    configured: true,
  };
}

export async function updateProvider(
  db: Db,
  config: Config,
  actor: Actor,
  input: UpdateMessageProvider,
): Promise<MessageProvider> {
  const dealerId = requireDealer(actor);
  const saved = await sq.findProvider(db, dealerId);
  let url: string | null = null;
  let secretEnc: string | null = null;
  let secretHint: string | null = null;
  if (input.kind === 'webhook') {
    if (!input.url) throw new AppError('VALIDATION_FAILED', 'A webhook provider needs its URL', { field: 'url' });
    const problem = checkGatewayUrl(input.url);
    if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'url' });
    url = input.url;
    if (input.secret) {
      secretEnc = getIdCrypto(config).encrypt(input.secret);
      secretHint = `…${input.secret.slice(-4)}`;
    } else if (saved?.secretEnc) ({ secretEnc, secretHint } = saved);
    else throw new AppError('VALIDATION_FAILED', 'A webhook provider needs its shared secret', { field: 'secret' });
  }
  await db.transaction().execute(async (tx) => {
    const row = { dealerId, kind: input.kind, url, secretEnc, secretHint, senderName: input.senderName };
    await sq.upsertProvider(tx, { ...row, active: input.active, updatedBy: actor.userId });
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'message-provider.update',
      entityType: 'message_provider',
      entityId: dealerId,
      ip: actor.ip,
      details: { kind: input.kind, url, secretChanged: !!input.secret, active: input.active },
    });
  });
  return getProvider(db, actor);
}
