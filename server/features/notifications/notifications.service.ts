import {
  isNotificationEvent,
  type NotificationEvent,
  type NotificationList,
  type Preferences,
  type PutPreferencesRequest,
} from '../../../core/contracts/notifications';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, forbidden, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { requireDealer } from '../org/org.service';
import * as q from './notifications.queries';

export { notify, type NotifyInput } from './notify';

/** My inbox across the dealers of my scope, newest first, with the unread count for the bell. */
export async function listInbox(
  db: Db,
  actor: Actor,
  f: { unread?: 'true' | 'false' | undefined; limit: number; offset: number },
): Promise<NotificationList> {
  const r = await q.findInbox(db, actor.userId, actor.dealerIds, { ...f, unreadOnly: f.unread === 'true' });
  return {
    items: r.rows.map((n) => ({
      id: n.id,
      event: n.event,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: new Date(n.createdAt).toISOString(),
      readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
    })),
    total: r.total,
    unread: r.unread,
  };
}

export async function readNotification(db: Db, actor: Actor, id: string) {
  if (!(await q.markRead(db, actor.userId, actor.dealerIds, id))) throw notFound('Notification');
  return { ok: true as const };
}

export async function readAllNotifications(db: Db, actor: Actor) {
  return { ok: true as const, count: await q.markAllRead(db, actor.userId, actor.dealerIds) };
}

export async function getPreferences(db: Db, config: Config, actor: Actor): Promise<Preferences> {
  const dealerId = requireDealer(actor);
  // a row of an event kind no longer emitted is left out (the next save drops it)
  const rows = (await q.findPreferenceRows(db, dealerId, [actor.userId])).filter((r) => isNotificationEvent(r.event));
  const flags = (r: (typeof rows)[number]) => ({
    event: r.event as NotificationEvent | '*',
    ...{ inbox: r.inbox, email: r.email, wecom: r.wecom },
  });
  return {
    mine: rows.filter((r) => r.userId === actor.userId).map(flags),
    roles: rows.filter((r) => r.role !== null).map((r) => ({ role: r.role as 'gm', ...flags(r) })),
    canManageRoles: actor.permissions.has('notifications:manage'),
    emailConfigured: Boolean(config.smtpUrl),
    hasEmail: (await q.findUserEmail(db, dealerId, actor.userId)) !== null,
  };
}

function checkUnique(keys: string[], field: string) {
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) throw new AppError('VALIDATION_FAILED', `${field}: ${dup} is listed twice`, { field });
}

/** Replaces my own preferences, and with notifications:manage the dealer's role defaults. */
export async function putPreferences(db: Db, config: Config, actor: Actor, input: PutPreferencesRequest) {
  const dealerId = requireDealer(actor);
  if (input.roles && !actor.permissions.has('notifications:manage')) throw forbidden('notifications:manage');
  checkUnique(
    input.mine.map((p) => p.event),
    'mine',
  );
  checkUnique(
    (input.roles ?? []).map((p) => `${p.role}/${p.event}`),
    'roles',
  );
  const roles = input.roles;
  await db.transaction().execute(async (tx) => {
    await q.replaceUserPreferences(tx, dealerId, actor.userId, input.mine);
    if (roles) {
      await q.replaceRolePreferences(tx, dealerId, actor.userId, roles);
      await appendAudit(tx, {
        dealerId,
        actorUserId: actor.userId,
        actorUsername: actor.username,
        action: 'notifications.role-preferences',
        entityType: 'notification_preferences',
        ip: actor.ip,
        details: { rows: roles.length },
      });
    }
  });
  return getPreferences(db, config, actor);
}
