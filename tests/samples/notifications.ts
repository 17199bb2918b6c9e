import { ROLES, type Role } from '../../core/permissions';
import type { TestApp } from '../harness';

/** Route samples and fixture data for notifications, WeCom robots (issue 6). */

export interface NotificationsFixture {
  /** One SH001 inbox notification per demo user named after its role. */
  inboxByRole: Partial<Record<Role, string>>;
  /** SH001 robots: [0] is deleted by the matrix, [1] gets test messages. */
  wecomRobots: string[];
}
type Sample = (f: NotificationsFixture, role: Role) => { url: string; body?: unknown; ok: number };

let robotCounter = 0;
export const NOTIFICATION_SAMPLES: Record<string, Sample> = {
  'GET /api/notifications': () => ({ url: '/api/notifications?unread=true&limit=10', ok: 200 }),
  'POST /api/notifications/:id/read': (f, role) => ({ url: `/api/notifications/${f.inboxByRole[role]}/read`, ok: 200 }),
  'POST /api/notifications/read-all': () => ({ url: '/api/notifications/read-all', ok: 200 }),
  'GET /api/notifications/preferences': () => ({ url: '/api/notifications/preferences', ok: 200 }),
  'PUT /api/notifications/preferences': () => ({
    url: '/api/notifications/preferences',
    body: { mine: [{ event: 'case.overdue', inbox: true, email: true, wecom: false }] },
    ok: 200,
  }),
  'GET /api/wecom-robots': () => ({ url: '/api/wecom-robots', ok: 200 }),
  'POST /api/wecom-robots': () => ({
    url: '/api/wecom-robots',
    body: {
      name: `矩阵机器人${++robotCounter}`,
      webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=00000000-1111-2222-3333-444444444444',
      events: ['case.escalated'],
    },
    ok: 201,
  }),
  'DELETE /api/wecom-robots/:id': (f) => ({ url: `/api/wecom-robots/${f.wecomRobots[0]}`, ok: 200 }),
  'POST /api/wecom-robots/:id/test': (f) => ({ url: `/api/wecom-robots/${f.wecomRobots[1]}/test`, ok: 202 }),
};

export async function notificationsFixture(t: TestApp): Promise<NotificationsFixture> {
  const db = t.database.db;
  const sh = await db.selectFrom('dealers').select('id').where('code', '=', 'SH001').executeTakeFirstOrThrow();
  const users = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', [...ROLES])
    .execute();
  const inboxByRole: Partial<Record<Role, string>> = {};
  for (const u of users) {
    const n = await db
      .insertInto('notifications')
      .values({ dealerId: sh.id, userId: u.id, event: 'system.test', title: '矩阵通知' })
      .returning('id')
      .executeTakeFirstOrThrow();
    inboxByRole[u.username as Role] = n.id;
  }
  const robot = (name: string) =>
    db
      .insertInto('wecomRobots')
      .values({ dealerId: sh.id, name, webhookUrlEnc: 'v1.fixture', webhookUrlHint: 'qyapi.weixin.qq.com/…0000' })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  return { inboxByRole, wecomRobots: [await robot('矩阵-删除'), await robot('矩阵-测试')] };
}
