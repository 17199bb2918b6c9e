import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
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

async function snapshot(t: ReturnType<typeof useTestApp>) {
  const r = await sql<{ users: string; staff: string; dealers: string }>`
    select (select md5(string_agg(u::text, ',' order by id)) from users u) as users,
           (select md5(string_agg(s::text, ',' order by id)) from staff s) as staff,
           (select md5(string_agg(d::text, ',' order by id)) from dealers d) as dealers`.execute(t.database.db);
  return r.rows[0];
}

describe(`bad input to every route on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let f: Fixture;
  let admin: Session;
  beforeAll(async () => {
    admin = await t.login('system_admin');
    f = await fixture(t, admin);
  }, 300_000);

  it(
    'answers every bad body, id and query with a specific 4xx error and changes nothing',
    { timeout: 600_000 },
    async () => {
      const before = await snapshot(t);
      const routes = t.app.manyi.routes.filter((r) => r.url !== '/api/auth/logout');
      let checked = 0;
      for (const route of routes) {
        const sample = SAMPLES[`${route.method} ${route.url}`]?.(f, 'system_admin') ?? { url: route.url, ok: 200 };
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
        for (const r of requests) {
          // A body-less POST may be sent with no body at all, which JSON null and '' stand for.
          if (sample.body === undefined && (r.label === 'JSON null' || r.label === 'empty body')) continue;
          const res = await t.app.inject({
            method: route.method as 'POST',
            url: r.url,
            headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': r.type ?? 'application/json' },
            ...(r.payload === undefined ? {} : { payload: r.payload }),
          });
          const label = `${route.method} ${route.url} ${r.label} → ${res.statusCode} ${res.body.slice(0, 160)}`;
          expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, label).toBeLessThan(500);
          expect(String(res.json().error?.code), label).toMatch(/^[A-Z_]+$/);
          expect(typeof res.json().error.message, label).toBe('string');
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(150);
      expect(await snapshot(t)).toEqual(before);
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
