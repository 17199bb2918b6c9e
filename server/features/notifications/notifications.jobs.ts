import { z } from 'zod';
import { type JobContext, registerJob } from '../../jobs/outbox';
import { getMailer } from '../../integrations/mailer/mailer';
import { postToRobot, truncateBytes, WECOM_MAX_BYTES } from '../../integrations/wecom/wecom';
import { getIdCrypto } from '../customers/keys';
import { scheduleWecomFlush, SEND_EMAIL_JOB, WECOM_FLUSH_JOB } from './notify';
import * as out from './outbound.queries';

/** Messages per digest, and digests per robot per minute (WeCom takes about 20). */
const DIGEST_MAX = 20;
const POSTS_PER_MINUTE = 15;

/**
 * E-mail: claim the delivery, send it with its idempotency key as Message-ID, mark it sent. Already sent: a
 * no-op (so a retried job never mails twice). Being sent by someone else: retry later.
 */
async function sendEmail(payload: { messageId: string }, ctx: JobContext) {
  const [msg] = await out.claimOutbound(ctx.db, ctx.dealerId, { id: payload.messageId }, 1, ctx.leaseMs);
  if (!msg) {
    const row = await out.findOutbound(ctx.db, ctx.dealerId, payload.messageId);
    if (!row || row.status === 'sent' || row.status === 'failed') return;
    throw new Error('the e-mail is being sent by another worker');
  }
  const mailer = getMailer(ctx.config);
  if (!mailer) {
    await out.markOutbound(ctx.db, ctx.dealerId, [msg.id], 'failed', 'no SMTP server configured (MANYI_SMTP_URL)');
    return;
  }
  try {
    const info = await mailer.send({
      to: msg.recipient,
      subject: msg.subject,
      text: msg.body,
      idempotencyKey: msg.idempotencyKey,
    });
    await out.markOutbound(ctx.db, ctx.dealerId, [msg.id], 'sent', info.response);
  } catch (e) {
    const last = ctx.attempt >= ctx.maxAttempts;
    await out.markOutbound(ctx.db, ctx.dealerId, [msg.id], last ? 'failed' : 'pending', String(e));
    throw e;
  }
}

/** One markdown digest of the claimed messages, within WeCom's size limit. */
export function buildDigest(msgs: { subject: string; body: string }[]): string {
  const head = msgs.length > 1 ? `**满意 · 通知汇总（${msgs.length} 条）**\n` : '';
  const items = msgs.map((m) => `> **${m.subject}**\n> ${m.body.replace(/\n+/g, '\n> ')}`);
  return truncateBytes(head + items.join('\n\n'), WECOM_MAX_BYTES);
}

/**
 * WeCom digest: every pending message of the robot (up to DIGEST_MAX) in one post; more left, or the robot's
 * minute budget spent → another flush in the next window.
 */
async function flushWecom(payload: { robotId: string }, ctx: JobContext) {
  const robot = await out.findRobotSecret(ctx.db, ctx.dealerId, payload.robotId);
  if (!robot || !robot.active) return;
  if ((await out.countRecentPosts(ctx.db, ctx.dealerId, robot.id)) >= POSTS_PER_MINUTE) {
    await scheduleWecomFlush(ctx.db, ctx.dealerId, robot.id, Date.now() + 20_000);
    return;
  }
  const msgs = await out.claimOutbound(ctx.db, ctx.dealerId, { robotId: robot.id }, DIGEST_MAX, ctx.leaseMs);
  if (!msgs.length) return;
  const ids = msgs.map((m) => m.id);
  let reply: Awaited<ReturnType<typeof postToRobot>>;
  try {
    reply = await postToRobot(getIdCrypto(ctx.config).decrypt(robot.webhookUrlEnc), buildDigest(msgs));
  } catch (e) {
    await out.markOutbound(ctx.db, ctx.dealerId, ids, 'pending', String(e));
    throw e;
  }
  if (!reply.ok) {
    await out.markOutbound(ctx.db, ctx.dealerId, ids, 'pending', `${reply.status} ${reply.body}`);
    throw new Error(`WeCom answered ${reply.status} ${reply.body.slice(0, 200)}`);
  }
  await out.markOutbound(ctx.db, ctx.dealerId, ids, 'sent', reply.body);
  if ((await out.countPending(ctx.db, ctx.dealerId, robot.id)) > 0)
    await scheduleWecomFlush(ctx.db, ctx.dealerId, robot.id);
}

registerJob(SEND_EMAIL_JOB, z.object({ messageId: z.uuid() }), sendEmail);
registerJob(WECOM_FLUSH_JOB, z.object({ robotId: z.uuid() }), flushWecom);
