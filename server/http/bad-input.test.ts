import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, ROLES, type Permission, type Role } from '../../core/permissions';
import { useTestApp, type Session } from '../../tests/harness';
import { fixture, SAMPLES, type Fixture } from '../../tests/route-samples';
import { TEST_DB_KIND } from '../../tests/test-db';

/** Variations of a valid body that must all be refused with a specific 4xx. */
function badBodies(valid: unknown): { label: string; payload: string; type?: string }[] {
  const out: { label: string; payload: string; type?: string }[] = [
    { label: 'malformed JSON', payload: '{"a":' },
    { label: 'JSON array', payload: '[]' },
    { label: 'JSON string', payload: '"x"' },
    { label: 'JSON null', payload: 'null' },
    { label: 'empty body', payload: '' },
    { label: 'plain text', payload: 'username=x', type: 'text/plain' },
    { label: 'form-encoded', payload: 'a=b', type: 'application/x-www-form-urlencoded' },
    { label: 'huge body', payload: JSON.stringify({ x: 'y'.repeat(1_100_000) }) },
  ];
  if (valid && typeof valid === 'object') {
    const v = valid as Record<string, unknown>;
    out.push({ label: 'unknown field', payload: JSON.stringify({ ...v, isAdmin: true }) });
    for (const [k, value] of Object.entries(v)) {
      const wrong =
        typeof value === 'string'
          ? 12345
          : typeof value === 'number'
            ? 'twelve'
            : Array.isArray(value)
              ? 'not-an-array'
              : 'x';
      out.push({ label: `wrong type for ${k}`, payload: JSON.stringify({ ...v, [k]: wrong }) });
      out.push({ label: `null ${k}`, payload: JSON.stringify({ ...v, [k]: null }) });
      if (typeof value === 'string')
        out.push({ label: `over-long ${k}`, payload: JSON.stringify({ ...v, [k]: '长'.repeat(10_000) }) });
      if (Array.isArray(value))
        out.push({ label: `bogus item in ${k}`, payload: JSON.stringify({ ...v, [k]: ['root', 'superuser'] }) });
    }
  }
  return out;
}

const BAD_IDS = ['not-a-uuid', "1' or '1'='1", '00000000-0000-0000-0000-00000000000g', '%00', 'x'.repeat(300)];
const QUERY_ROUTES = ['/api/staff', '/api/audit', '/api/users', '/api/customers'];
const BAD_QUERIES = [
  'limit=-1',
  'limit=abc',
  'limit=100000',
  'offset=-5',
  'unknown=1',
  'department=hackers',
  'outcome=maybe',
];

/** Tables a refused request may still write: the audit trail, sessions and their throttles, job bookkeeping. */
const MAY_CHANGE = new Set([
  'audit_log',
  'sessions',
  'login_attempts',
  'rate_limits',
  'kysely_migration',
  'kysely_migration_lock',
]);

/** A digest of every stored business row, table by table (order-independent). */
async function snapshot(t: ReturnType<typeof useTestApp>): Promise<Record<string, string>> {
  const db = t.database.db;
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (MAY_CHANGE.has(name)) continue;
    const r = await sql<{ digest: string | null; n: number }>`
      select md5(string_agg(x.row, ',' order by x.row)) as digest, count(*)::int as n
      from (select t::text as row from ${sql.table(name)} t) x`.execute(db);
    out[name] = `${r.rows[0]?.n ?? 0}:${r.rows[0]?.digest ?? ''}`;
  }
  return out;
}

/**
 * The role each route is fuzzed as: one that HOLDS its permission (a dealer role of SH001 before the spanning
 * ones), so the bad input reaches validation and the service instead of stopping at 403.
 */
function permittedRole(access: string): Role {
  if (access === 'authenticated' || access === 'public') return 'cs_agent';
  const role = ROLES.find((r) => hasPermission([r], access as Permission));
  if (!role) throw new Error(`no role holds ${access}`);
  return role;
}

describe(`bad input to every route on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let f: Fixture;
  const sessions = new Map<Role, Session>();
  const routes = () => t.app.manyi.routes.filter((r) => r.url !== '/api/auth/logout');
  beforeAll(async () => {
    const admin = await t.login('system_admin');
    f = await fixture(t, admin);
    for (const route of routes()) {
      const role = permittedRole(route.access);
      if (!sessions.has(role)) sessions.set(role, await t.login(role));
    }
  }, 300_000);

  it(
    'answers every bad body, id and query as a role holding the permission: never 5xx, a specific 4xx, nothing stored',
    { timeout: 900_000 },
    async () => {
      let baseline = await snapshot(t);
      let checked = 0;
      const reached = new Set<string>();
      const fuzzed = new Set<string>();
      const serverErrors: string[] = [];
      const forbidden: string[] = [];
      const accepted: string[] = [];
      for (const route of routes()) {
        const role = permittedRole(route.access);
        const s = sessions.get(role)!;
        const key = `${route.method} ${route.url}`;
        const sample = SAMPLES[key]?.(f, role) ?? { url: route.url, ok: 200 };
        const requests: { label: string; url: string; payload?: string; type?: string }[] = [];
        if (route.method !== 'GET')
          for (const b of badBodies(sample.body ?? {})) requests.push({ ...b, url: sample.url });
        if (route.url.includes(':id'))
          for (const id of BAD_IDS)
            requests.push({
              label: `bad id ${id.slice(0, 20)}`,
              url: route.url.replace(':id', encodeURIComponent(id)),
              payload: JSON.stringify(sample.body ?? {}),
            });
        if (QUERY_ROUTES.includes(route.url))
          for (const q of BAD_QUERIES) requests.push({ label: `query ${q}`, url: `${route.url}?${q}` });
        let acceptedHere = false;
        for (const r of requests) {
          // A body-less POST may be sent with no body at all, which JSON null and '' stand for.
          if (sample.body === undefined && (r.label === 'JSON null' || r.label === 'empty body')) continue;
          const res = await t.app.inject({
            method: route.method as 'POST',
            url: r.url,
            headers: {
              ...(route.access === 'public' ? {} : { cookie: s.cookie, 'x-csrf-token': s.csrf }),
              'content-type': r.type ?? 'application/json',
            },
            ...(r.payload === undefined ? {} : { payload: r.payload }),
          });
          const label = `${role} ${key} ${r.label} → ${res.statusCode} ${res.body.slice(0, 160)}`;
          checked++;
          fuzzed.add(key);
          if (res.statusCode >= 500) {
            serverErrors.push(label);
            continue;
          }
          if (res.statusCode < 400) {
            // A variation the route's contract allows (e.g. null for a nullable field): it may store what it says.
            expect(res.statusCode, label).toBe(sample.ok);
            accepted.push(label);
            acceptedHere = true;
            continue;
          }
          expect(String(res.json().error?.code), label).toMatch(/^[A-Z_]+$/);
          expect(typeof res.json().error.message, label).toBe('string');
          if (res.json().error.code === 'FORBIDDEN') forbidden.push(label);
          else reached.add(key);
        }
        // Nothing a refused request sent was stored; a route that accepted a variation sets a new baseline.
        if (route.method === 'GET' && !acceptedHere) continue;
        const after = await snapshot(t);
        if (!acceptedHere) expect(after, `${role} ${key}: refused input changed stored rows`).toEqual(baseline);
        baseline = after;
      }
      if (process.env.BAD_INPUT_REPORT === '1')
        console.info(
          `checked ${checked}, reached validation on ${reached.size} routes\naccepted:\n${accepted.join('\n')}\nforbidden:\n${forbidden.join('\n')}`,
        );
      expect(serverErrors, 'bad input answered with 5xx').toEqual([]);
      expect(checked).toBeGreaterThan(150);
      // The fuzz reaches validation or the service (not a 403 before it) on every route it sends to.
      expect(fuzzed.size).toBeGreaterThan(100);
      expect(forbidden, 'refused before validation although the role holds the permission').toEqual([]);
      expect([...fuzzed].filter((k) => !reached.has(k))).toEqual([]);
      expect(await snapshot(t)).toEqual(baseline);
    },
  );

  it('refuses malformed login bodies with 400 and the wrong content type with 415', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_JSON');
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'hi',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});
