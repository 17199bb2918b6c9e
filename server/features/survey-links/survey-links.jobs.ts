import { z } from 'zod';
import type { Db } from '../../db/client';
import { type JobContext, registerJob } from '../../jobs/outbox';
import { smsAdapter, type SmsAdapter } from '../../integrations/sms/sms';
import { getIdCrypto } from '../customers/keys';
import * as sq from './sms.queries';
import * as q from './survey-links.queries';
import { SEND_SMS_JOB } from './survey-links.service';

/**
 * `survey-links.send-sms`: sends one SMS with a survey link through the dealer's provider. Idempotent: a
 * delivery already sent or failed is left alone, and the message carries its id as the idempotency key so a
 * gateway can drop a duplicate after a crash between sending and marking. A link replaced or used before the
 * message went out is not sent.
 */

export type AdapterFactory = (p: { kind: 'webhook' | 'log'; url: string | null; secret: string | null }) => SmsAdapter;

export async function sendSurveySms(
  payload: { smsId: string },
  ctx: Pick<JobContext, 'db' | 'config' | 'dealerId' | 'attempt' | 'maxAttempts' | 'log'>,
  makeAdapter: AdapterFactory = (p) => smsAdapter(p, (line) => ctx.log(line)),
) {
  const { db, dealerId } = ctx;
  const sms = await sq.findSms(db, dealerId, payload.smsId);
  if (!sms || sms.status !== 'pending' || !sms.bodyEnc) return;
  if (!(await linkStillLive(db, dealerId, sms.taskId, sms.linkId))) {
    await sq.markSms(db, dealerId, sms.id, 'failed', 'the link was replaced or used before sending');
    return;
  }
  const provider = await sq.findProvider(db, dealerId);
  const phone = await sq.findPhone(db, dealerId, sms.phoneId);
  if (!provider?.active || !phone) {
    await sq.markSms(db, dealerId, sms.id, 'failed', provider?.active ? 'the phone was removed' : 'no active provider');
    return;
  }
  const crypto = getIdCrypto(ctx.config);
  const adapter = makeAdapter({
    kind: provider.kind as 'webhook' | 'log',
    url: provider.url,
    secret: provider.secretEnc ? crypto.decrypt(provider.secretEnc) : null,
  });
  const text = crypto.decrypt(sms.bodyEnc);
  const sender = provider.senderName ? `【${provider.senderName}】` : '';
  let result;
  try {
    result = await adapter.send({ to: phone.phone, text, sender, idempotencyKey: `manyi-sms-${sms.id}` });
  } catch (e) {
    result = { ok: false, retry: true, status: 0, response: String(e) };
  }
  if (result.ok) return sq.markSms(db, dealerId, sms.id, 'sent', `${result.status} ${result.response}`);
  const last = !result.retry || ctx.attempt >= ctx.maxAttempts;
  await sq.markSms(db, dealerId, sms.id, last ? 'failed' : 'pending', `${result.status} ${result.response}`);
  if (!last) throw new Error(`SMS provider answered ${result.status}`);
}

async function linkStillLive(db: Db, dealerId: string, taskId: string, linkId: string) {
  const links = await q.findLinksOfTask(db, dealerId, taskId);
  const l = links.find((x) => x.id === linkId);
  return !!l && !l.usedAt && !l.revokedAt && l.expiresAt.getTime() > Date.now();
}

registerJob(SEND_SMS_JOB, z.object({ smsId: z.uuid() }), (payload, ctx) => sendSurveySms(payload, ctx));
