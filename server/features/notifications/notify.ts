import { randomUUID } from 'node:crypto';
import type { NotificationEvent } from '../../../core/contracts/notifications';
import { resolveChannels } from '../../../core/rules/notification-prefs';
import type { Db } from '../../db/client';
import { enqueue } from '../../jobs/outbox';
import { redactForGroup } from '../../integrations/wecom/wecom';
import * as q from './notifications.queries';
import * as out from './outbound.queries';

export const SEND_EMAIL_JOB = 'notifications.send-email';
export const WECOM_FLUSH_JOB = 'notifications.wecom-flush';
/** Group-robot messages are collected for this long and posted as one digest (≤ 6 digests a minute). */
export const WECOM_DIGEST_WINDOW_MS = 10_000;

export interface NotifyInput {
  dealerId: string;
  /** Stable event kind, e.g. 'case.overdue' (the preferences are per kind). */
  event: NotificationEvent;
  recipients: { userIds?: readonly string[]; roles?: readonly string[] };
  title: string;
  body: string;
  /** An in-app path, e.g. '/cases/…'. */
  link?: string | null;
  /**
   * The logical notification: calling notify again with the same key (a retried job) adds nothing. Give one
   * whenever the caller may run twice, e.g. `case:${id}:overdue:${loop}`.
   */
  dedupeKey?: string;
}

/** Enqueues the digest flush of a robot for the end of the current window (one job per robot and window). */
export async function scheduleWecomFlush(tx: Db, dealerId: string, robotId: string, now = Date.now()) {
  const bucket = Math.floor(now / WECOM_DIGEST_WINDOW_MS) + 1;
  await enqueue(tx, {
    dealerId,
    name: WECOM_FLUSH_JOB,
    payload: { robotId },
    runAt: new Date(bucket * WECOM_DIGEST_WINDOW_MS),
    dedupeKey: `wecom-flush:${robotId}:${bucket}`,
  });
}

/**
 * Sends a notification to users (by id) and/or every active user of the dealer holding one of the roles, on
 * the channels each one's preferences choose: an inbox row at once; e-mail and WeCom as outbox deliveries
 * sent by the job worker. Call it inside the transaction of the change that causes it.
 */
export async function notify(tx: Db, input: NotifyInput): Promise<{ recipients: number }> {
  const key = input.dedupeKey ?? randomUUID();
  const users = await q.findRecipients(
    tx,
    input.dealerId,
    input.recipients.userIds ?? [],
    input.recipients.roles ?? [],
  );
  const prefs = await q.findPreferenceRows(
    tx,
    input.dealerId,
    users.map((u) => u.id),
  );
  const inbox: q.InboxRow[] = [];
  let wantsWecom = false;
  for (const user of users) {
    const ch = resolveChannels(prefs, user, input.event);
    if (ch.inbox)
      inbox.push({
        userId: user.id,
        event: input.event,
        title: input.title,
        body: input.body,
        link: input.link ?? null,
      });
    if (ch.email && user.email) await queueEmail(tx, input, `${key}:email:${user.id}`, user.email);
    wantsWecom ||= ch.wecom;
  }
  await q.insertNotifications(tx, input.dealerId, key, inbox);
  if (wantsWecom) await queueWecom(tx, input, key);
  return { recipients: users.length };
}

async function queueEmail(tx: Db, input: NotifyInput, idempotencyKey: string, to: string) {
  const link = input.link ? `\n\n${input.link}` : '';
  const id = await out.insertOutbound(tx, {
    dealerId: input.dealerId,
    channel: 'email',
    idempotencyKey,
    recipient: to,
    robotId: null,
    subject: input.title,
    body: `${input.body}${link}`,
  });
  if (id)
    await enqueue(tx, {
      dealerId: input.dealerId,
      name: SEND_EMAIL_JOB,
      payload: { messageId: id },
      dedupeKey: `email:${id}`,
    });
}

async function queueWecom(tx: Db, input: NotifyInput, key: string) {
  for (const robot of await out.findRobotsFor(tx, input.dealerId, input.event)) {
    const id = await out.insertOutbound(tx, {
      dealerId: input.dealerId,
      channel: 'wecom',
      idempotencyKey: `${key}:wecom:${robot.id}`,
      recipient: robot.id,
      robotId: robot.id,
      subject: redactForGroup(input.title),
      body: redactForGroup(input.body),
    });
    if (id) await scheduleWecomFlush(tx, input.dealerId, robot.id);
  }
}
