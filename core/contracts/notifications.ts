import { z } from 'zod';
import { ROLES } from '../permissions';
import { ShortText } from './common';

/**
 * Every event kind a service notifies about (NotifyInput.event is typed by this list, so a new kind needs its
 * entry here and a label in web/features/notifications/i18n.*), and what preferences and robots may subscribe to.
 * '*' means every kind.
 */
export const NOTIFICATION_EVENTS = [
  'case.to-answer',
  'case.overdue',
  'case.escalated',
  'case.second-callback',
  'complaint.issued',
  'complaint.replied',
  'complaint.overdue',
  'penalty.proposed',
  'penalty.approved',
  'penalty.rejected',
  'appeal.filed',
  'appeal.forwarded',
  'appeal.ruled',
  'rectification.issued',
  'rectification.result',
  'rectification.explanation',
  'hotline.promise-overdue',
  'forum.forwarded',
  'capa.validity-missed',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
export const isNotificationEvent = (e: string): e is NotificationEvent | '*' =>
  e === '*' || (NOTIFICATION_EVENTS as readonly string[]).includes(e);
export const EventKind = z.enum(['*', ...NOTIFICATION_EVENTS], {
  error: `one of the notification events (${NOTIFICATION_EVENTS.join(', ')}) or '*'`,
});
export type EventKind = z.infer<typeof EventKind>;

export const Notification = z.object({
  id: z.uuid(),
  event: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({
  items: z.array(Notification),
  total: z.number().int(),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationQuery = z
  .object({
    unread: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const ReadAllResult = z.object({ ok: z.literal(true), count: z.number().int() });

const ChannelFlags = { inbox: z.boolean(), email: z.boolean(), wecom: z.boolean() };
export const MyPreference = z.object({ event: EventKind, ...ChannelFlags }).strict();
export const RolePreference = z.object({ role: z.enum(ROLES), event: EventKind, ...ChannelFlags }).strict();
export type MyPreference = z.infer<typeof MyPreference>;
export type RolePreference = z.infer<typeof RolePreference>;

export const Preferences = z.object({
  mine: z.array(MyPreference),
  roles: z.array(RolePreference),
  /** Whether I may change the role defaults (notifications:manage). */
  canManageRoles: z.boolean(),
  emailConfigured: z.boolean(),
  hasEmail: z.boolean(),
});
export type Preferences = z.infer<typeof Preferences>;

export const PutPreferencesRequest = z
  .object({
    mine: z.array(MyPreference).max(100),
    /** Role defaults for the dealer; needs notifications:manage. Omit to leave them as they are. */
    roles: z.array(RolePreference).max(500).optional(),
  })
  .strict();
export type PutPreferencesRequest = z.infer<typeof PutPreferencesRequest>;

export const WecomRobot = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Never the full URL: the host and the last characters of the key. */
  urlHint: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});
export type WecomRobot = z.infer<typeof WecomRobot>;
export const WecomRobotList = z.object({ items: z.array(WecomRobot) });

export const CreateWecomRobotRequest = z
  .object({
    name: ShortText(60),
    webhookUrl: z.string().trim().min(10).max(500),
    /** Event kinds posted to this group; empty: every kind a recipient wants on WeCom. */
    events: z.array(EventKind).max(50).default([]),
  })
  .strict();
export type CreateWecomRobotRequest = z.infer<typeof CreateWecomRobotRequest>;

export const Queued = z.object({ queued: z.literal(true) });
