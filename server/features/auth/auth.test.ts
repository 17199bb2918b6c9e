import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../core/permissions';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { DEMO_PASSWORD, useTestApp } from '../../../tests/harness';
import { ACTOR_TTL_MS } from './session-cache';

describe(`auth on ${TEST_DB_KIND}`, () => {
  const t = useTestApp({ loginMaxFailures: 3, loginLockMs: 60_000 });

  it.each(ROLES)('logs in as the demo %s and sees its roles', async (role) => {
    const s = await t.login(role);
    const me = await t.as(s, 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toEqual([role]);
  });

  it('sets an HTTP-only SameSite cookie and rotates the session at every login', async () => {
    const a = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'gm', password: DEMO_PASSWORD },
    });
    const b = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'gm', password: DEMO_PASSWORD },
    });
    const ca = a.cookies.find((c) => c.name === 'manyi_session');
    const cb = b.cookies.find((c) => c.name === 'manyi_session');
    expect(ca?.httpOnly).toBe(true);
    expect(ca?.sameSite).toBe('Lax');
    expect(ca?.value).not.toBe(cb?.value);
    expect(a.headers['x-frame-options']).toBeDefined();
    expect(String(a.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('answers an unknown user and a wrong password identically, in about the same time', async () => {
    const time = async (username: string) => {
      const start = performance.now();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'wrong-password-1' },
        remoteAddress: `10.9.${username.length}.1`,
      });
      return { ms: performance.now() - start, status: res.statusCode, body: res.body };
    };
    const unknown = [];
    const wrong = [];
    for (let i = 0; i < 2; i++) {
      unknown.push(await time('nobody_here'));
      wrong.push(await time('cs_lead'));
    }
    expect(unknown[0]?.status).toBe(401);
    expect(unknown[0]?.body).toBe(wrong[0]?.body);
    expect(JSON.parse(unknown[0]?.body ?? '{}').error.code).toBe('INVALID_CREDENTIALS');
    // Both paths run one argon2id verification: neither is several times faster than the other.
    const median = (xs: { ms: number }[]) => xs.map((x) => x.ms).sort((p, q) => p - q)[0] ?? 0;
    expect(median(unknown) / median(wrong)).toBeGreaterThan(0.33);
    expect(median(unknown) / median(wrong)).toBeLessThan(3);
  });

  it('refuses a 10,000-character password quickly with a 400, not a 500', async () => {
    const start = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'gm', password: 'x'.repeat(10_000) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('throttles repeated failures per user and address, without locking the user out elsewhere', async () => {
    const attempt = (password: string, ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'quality', password },
        remoteAddress: ip,
      });
    for (let i = 0; i < 3; i++) expect((await attempt('wrong-password-1', '10.1.1.1')).statusCode).toBe(401);
    const locked = await attempt(DEMO_PASSWORD, '10.1.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('LOGIN_THROTTLED');
    expect(locked.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    // The real user at their own desk still gets in.
    expect((await attempt(DEMO_PASSWORD, '10.2.2.2')).statusCode).toBe(200);
    // And the lock ends by itself.
    await t.database.db
      .updateTable('loginThrottle')
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .execute();
    expect((await attempt(DEMO_PASSWORD, '10.1.1.1')).statusCode).toBe(200);
  });

  it('refuses state-changing requests without the right CSRF token and changes nothing', async () => {
    const s = await t.login('dealer_admin');
    const before = await t.database.db
      .selectFrom('staff')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const body = { name: '新员工', department: 'sales', position: '销售顾问' };
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: { cookie: s.cookie },
      payload: body,
    });
    const forged = await t.as(s, 'POST', '/api/staff', body, { 'x-csrf-token': 'forged' });
    const crossSite = await t.as(s, 'POST', '/api/staff', body, { origin: 'https://evil.example' });
    for (const r of [missing, forged, crossSite]) {
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('CSRF_FAILED');
    }
    const after = await t.database.db
      .selectFrom('staff')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('logs out and the old cookie no longer works', async () => {
    const s = await t.login('sales_director');
    expect((await t.as(s, 'POST', '/api/auth/logout')).statusCode).toBe(200);
    const me = await t.as(s, 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const idle = await t.login('cs_supervisor');
    await t.database.db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date(Date.now() - t.config.sessionIdleMs - 1000) })
      .where('userId', '=', idle.me.user.id)
      .execute();
    expect((await t.as(idle, 'GET', '/api/auth/me')).json().error.code).toBe('SESSION_EXPIRED');
    const old = await t.login('cs_supervisor');
    await t.database.db
      .updateTable('sessions')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('userId', '=', old.me.user.id)
      .execute();
    expect((await t.as(old, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('ends every session of a user the moment an admin disables them', async () => {
    const admin = await t.login('dealer_admin');
    const created = await t.as(admin, 'POST', '/api/users', {
      username: 'temp_agent',
      displayName: '临时客服',
      password: 'Initial1234',
      roles: ['cs_agent'],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    await t.as(admin, 'POST', `/api/users/${id}/password`, { password: 'Another12345' });
    const victim = await t.login('temp_agent', 'Another12345');
    expect((await t.as(victim, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await t.as(admin, 'PATCH', `/api/users/${id}`, { disabled: true })).statusCode).toBe(200);
    expect((await t.as(victim, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'temp_agent', password: 'Another12345' },
    });
    expect(again.statusCode).toBe(401);
  });

  it('forces a user with an admin-set password to change it before anything else', async () => {
    const admin = await t.login('dealer_admin');
    await t.as(admin, 'POST', '/api/users', {
      username: 'new_advisor',
      displayName: '新顾问',
      password: 'Initial1234',
      roles: ['service_advisor'],
    });
    const s = await t.login('new_advisor', 'Initial1234');
    expect(s.me).toMatchObject({ user: { mustChangePassword: true } });
    const blocked = await t.as(s, 'GET', '/api/staff');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const wrong = await t.as(s, 'POST', '/api/auth/password', { currentPassword: 'nope', newPassword: 'Changed12345' });
    expect(wrong.statusCode).toBe(400);
    expect(
      (await t.as(s, 'POST', '/api/auth/password', { currentPassword: 'Initial1234', newPassword: 'Changed12345' }))
        .statusCode,
    ).toBe(200);
    expect((await t.as(s, 'GET', '/api/staff')).statusCode).toBe(200);
  });

  it('lets an admin rename themselves but not change their own roles or disable themselves', async () => {
    const admin = await t.login('dealer_admin');
    const id = admin.me.user.id;
    expect(
      (await t.as(admin, 'PATCH', `/api/users/${id}`, { displayName: '郑丽丽', roles: ['dealer_admin'] })).statusCode,
    ).toBe(200);
    expect((await t.as(admin, 'PATCH', `/api/users/${id}`, { roles: ['gm'] })).statusCode).toBe(400);
    expect((await t.as(admin, 'PATCH', `/api/users/${id}`, { disabled: true })).statusCode).toBe(400);
    expect((await t.as(admin, 'GET', '/api/auth/me')).json().user.displayName).toBe('郑丽丽');
  });

  it('lets a group user switch between their dealers but not to a stranger', async () => {
    const s = await t.login('group_analyst');
    expect(s.me.dealers).toHaveLength(3);
    const target = s.me.dealers.find((d) => d.code === 'CD003')!.id;
    const switched = await t.as(s, 'POST', '/api/auth/dealer', { dealerId: target });
    expect(switched.json().currentDealerId).toBe(target);
    const agent = await t.login('cs_agent');
    const refused = await t.as(agent, 'POST', '/api/auth/dealer', { dealerId: target });
    expect(refused.statusCode).toBe(404);
  });

  it('applies a logout, password change, role change or disabled account to the very next request', async () => {
    const admin = await t.login('dealer_admin');
    const created = await t.as(admin, 'POST', '/api/users', {
      username: 'cache_agent',
      displayName: '缓存客服',
      password: 'Initial1234',
      roles: ['cs_agent'],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    await t.database.db.updateTable('users').set({ mustChangePassword: false }).where('id', '=', id).execute();
    const login = () => t.login('cache_agent', 'Initial1234');
    const me = async (s: Awaited<ReturnType<typeof login>>) => (await t.as(s, 'GET', '/api/auth/me')).statusCode;

    // logout: the session was just used (and so remembered), yet the next request is refused
    const a = await login();
    expect(await me(a)).toBe(200);
    expect((await t.as(a, 'POST', '/api/auth/logout')).statusCode).toBe(200);
    expect(await me(a)).toBe(401);

    // a role change: the permission goes with the next request
    const b = await login();
    expect((await t.as(b, 'GET', '/api/callbacks/mine')).statusCode).toBe(200);
    expect((await t.as(admin, 'PATCH', `/api/users/${id}`, { roles: ['service_advisor'] })).statusCode).toBe(200);
    const denied = await t.as(b, 'GET', '/api/callbacks/mine');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');
    expect((await t.as(b, 'GET', '/api/auth/me')).json().roles).toEqual(['service_advisor']);

    // a password change ends the user's other sessions at once; the session that changed it stays
    const other = await login();
    expect(await me(other)).toBe(200);
    expect(
      (await t.as(b, 'POST', '/api/auth/password', { currentPassword: 'Initial1234', newPassword: 'Changed12345' }))
        .statusCode,
    ).toBe(200);
    expect(await me(other)).toBe(401);
    expect(await me(b)).toBe(200);

    // an admin's password reset and disabling the account end the remaining session at once
    expect((await t.as(admin, 'POST', `/api/users/${id}/password`, { password: 'Reset12345678' })).statusCode).toBe(
      200,
    );
    expect(await me(b)).toBe(401);
    await t.database.db.updateTable('users').set({ mustChangePassword: false }).where('id', '=', id).execute();
    const c = await t.login('cache_agent', 'Reset12345678');
    expect(await me(c)).toBe(200);
    expect((await t.as(admin, 'PATCH', `/api/users/${id}`, { disabled: true })).statusCode).toBe(200);
    const gone = await t.as(c, 'GET', '/api/auth/me');
    expect(gone.statusCode).toBe(401);
    expect(gone.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('sees a session ended outside this process within the actor cache time', async () => {
    const s = await t.login('cs_lead');
    expect((await t.as(s, 'GET', '/api/auth/me')).statusCode).toBe(200);
    // as another app instance or the CLI would: straight in the database
    await t.database.db.deleteFrom('sessions').where('userId', '=', s.me.user.id).execute();
    await new Promise((resolve) => setTimeout(resolve, ACTOR_TTL_MS + 50));
    expect((await t.as(s, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('keeps no password, cookie or full phone number in the audit log', async () => {
    const rows = await sql<{ t: string }>`select details::text as t from audit_log`.execute(t.database.db);
    const all = rows.rows.map((r) => r.t).join('\n');
    expect(all).not.toContain(DEMO_PASSWORD);
    expect(all).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });
});
