import type { Role } from '../core/permissions';
import type { Session, TestApp } from './harness';

export interface Fixture {
  ownUser: string;
  target: string;
  shDealer: string;
  shStaff: string;
  hzUser: string;
  hzStaff: string;
  hzDealer: string;
}
export type Sample = (f: Fixture, role: Role) => { url: string; body?: unknown; ok: number };

let counter = 0;
/** One valid request per route; the matrix fails when a route has none, so new routes get covered. */
export const SAMPLES: Record<string, Sample> = {
  'GET /api/auth/me': () => ({ url: '/api/auth/me', ok: 200 }),
  'POST /api/auth/logout': () => ({ url: '/api/auth/logout', ok: 200 }),
  'POST /api/auth/password': () => ({
    url: '/api/auth/password',
    body: { currentPassword: 'not-mine-1', newPassword: 'Whatever12345' },
    ok: 400,
  }),
  'POST /api/auth/dealer': (f, role) => ({
    url: '/api/auth/dealer',
    body: { dealerId: role === 'group_analyst' || role === 'system_admin' ? f.hzDealer : f.shDealer },
    ok: 200,
  }),
  'PUT /api/auth/locale': () => ({ url: '/api/auth/locale', body: { locale: 'zh-CN' }, ok: 200 }),
  'GET /api/users': () => ({ url: '/api/users', ok: 200 }),
  'POST /api/users': (f) => ({
    url: '/api/users',
    body: {
      username: `matrix_${++counter}`,
      displayName: '矩阵',
      password: 'Initial1234',
      roles: ['cs_agent'],
      dealerId: f.shDealer,
    },
    ok: 201,
  }),
  'GET /api/users/:id': (f) => ({ url: `/api/users/${f.target}`, ok: 200 }),
  'PATCH /api/users/:id': (f) => ({ url: `/api/users/${f.target}`, body: { displayName: '矩阵目标' }, ok: 200 }),
  'POST /api/users/:id/password': (f) => ({
    url: `/api/users/${f.target}/password`,
    body: { password: 'Reset123456' },
    ok: 200,
  }),
  'GET /api/dealers': () => ({ url: '/api/dealers', ok: 200 }),
  'GET /api/dealers/:id': (f) => ({ url: `/api/dealers/${f.shDealer}`, ok: 200 }),
  'GET /api/staff': () => ({ url: '/api/staff', ok: 200 }),
  'GET /api/staff/:id': (f) => ({ url: `/api/staff/${f.shStaff}`, ok: 200 }),
  'POST /api/staff': () => ({
    url: '/api/staff',
    body: { name: '矩阵员工', department: 'other', position: '实习' },
    ok: 201,
  }),
  'GET /api/audit': () => ({ url: '/api/audit', ok: 200 }),
  'POST /api/audit/verify': () => ({ url: '/api/audit/verify', ok: 200 }),
};

export async function fixture(t: TestApp, admin: Session): Promise<Fixture> {
  const db = t.database.db;
  const dealer = async (code: string) =>
    (await db.selectFrom('dealers').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const shDealer = await dealer('SH001');
  const hzDealer = await dealer('HZ002');
  const target = await t.as(admin, 'POST', '/api/users', {
    username: 'matrix_target',
    displayName: '目标',
    password: 'Initial1234',
    roles: ['cs_agent'],
    dealerId: shDealer,
  });
  const staffOf = async (d: string) =>
    (await db.selectFrom('staff').select('id').where('dealerId', '=', d).limit(1).executeTakeFirstOrThrow()).id;
  const hzUser = (
    await db.selectFrom('users').select('id').where('username', '=', 'hz_agent').executeTakeFirstOrThrow()
  ).id;
  return {
    ownUser: admin.me.user.id,
    target: target.json().id,
    shDealer,
    shStaff: await staffOf(shDealer),
    hzUser,
    hzStaff: await staffOf(hzDealer),
    hzDealer,
  };
}
