import { beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, ROLES, type Permission } from '../../core/permissions';
import { DEMO_PASSWORD, useTestApp } from '../../tests/harness';
import { fixture, SAMPLES, type Fixture } from '../../tests/route-samples';
import { TEST_DB_KIND } from '../../tests/test-db';

describe(`every route × every role on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let f: Fixture;
  beforeAll(async () => {
    f = await fixture(t, await t.login('system_admin'));
  }, 300_000);

  const protectedRoutes = () => t.app.manyi.routes.filter((r) => r.access !== 'public');
  let denials = 0;

  it('has a sample request for every protected route', () => {
    const missing = protectedRoutes()
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !SAMPLES[k]);
    expect(missing, 'routes without a sample request').toEqual([]);
  });

  it.each(ROLES)('allows %s exactly what core/permissions.ts grants', { timeout: 180_000 }, async (role) => {
    let s = await t.login(role, DEMO_PASSWORD);
    for (const route of protectedRoutes()) {
      const sample = SAMPLES[`${route.method} ${route.url}`]!(f, role);
      const res = await t.as(s, route.method, sample.url, sample.body);
      if (route.url === '/api/auth/logout') s = await t.login(role, DEMO_PASSWORD);
      const allowed = route.access === 'authenticated' || hasPermission([role], route.access as Permission);
      const label = `${role} ${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
      if (allowed) expect(res.statusCode, label).toBe(sample.ok);
      else {
        denials++;
        expect(res.statusCode, label).toBe(403);
        expect(res.json().error.code, label).toBe('FORBIDDEN');
      }
    }
  });

  it('audits each denial', async () => {
    const audited = await t.database.db
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'permission.denied')
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(denials);
    expect(denials).toBeGreaterThan(0);
  });

  it('answers 401 to every protected route without a session', async () => {
    for (const route of t.app.manyi.routes.filter((r) => r.access !== 'public')) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: route.url.replace(':id', '00000000-0000-4000-8000-000000000000'),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it("gives a dealer-A user 404 for dealer B's rows, and changes nothing", async () => {
    const hz = await t.login('hz_admin');
    const sh = await t.login('dealer_admin');
    const shTarget = await t.database.db
      .selectFrom('users')
      .select(['id', 'displayName'])
      .where('username', '=', 'cs_lead')
      .executeTakeFirstOrThrow();
    const cases = [
      await t.as(hz, 'GET', `/api/users/${shTarget.id}`),
      await t.as(hz, 'PATCH', `/api/users/${shTarget.id}`, { displayName: '篡改' }),
      await t.as(hz, 'POST', `/api/users/${shTarget.id}/password`, { password: 'Hijack123456' }),
      await t.as(hz, 'GET', `/api/staff/${f.shStaff}`),
      await t.as(hz, 'GET', `/api/dealers/${f.shDealer}`),
      await t.as(sh, 'GET', `/api/users/${f.hzUser}`),
      await t.as(sh, 'GET', `/api/staff/${f.hzStaff}`),
      await t.as(await t.login('cd_agent'), 'GET', `/api/staff/${f.shStaff}`),
    ];
    for (const res of cases) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(res.body).not.toContain('上海');
    }
    const after = await t.database.db
      .selectFrom('users')
      .select(['displayName'])
      .where('id', '=', shTarget.id)
      .executeTakeFirstOrThrow();
    expect(after.displayName).toBe(shTarget.displayName);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'cs_lead', password: DEMO_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });
});
