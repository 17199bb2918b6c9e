/**
 * bench:queue — "next call" claims/s over HTTP (POST /api/callbacks/next: session, calling hours, the
 * SKIP LOCKED claim with the customer checks, the task's context, masking) as a ratio to a raw SQL
 * `FOR UPDATE SKIP LOCKED` claim loop on the same database, in the same process and run, with the same
 * number of concurrent agents. Both sides release the agent's previous lease and lease the next task.
 * Embedded PGlite by default; DATABASE_URL=postgres://… to measure on a server.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { RULE_PRESETS } from '../core/rules/callback-presets';
import { addDays, localParts } from '../core/rules/callback-rules';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { migrateToLatest, openDatabase } from '../server/db/client';
import { seedDemo } from '../server/db/seed/demo';
import { ALL_DAY, seedCustomers } from '../server/features/callbacks/callbacks.fixtures';
import { insertTasks } from '../server/features/callbacks/tasks.queries';
import { median, result } from './lib';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const AGENTS = Number(process.env.BENCH_AGENTS ?? 8);
const TASKS = Number(process.env.BENCH_TASKS ?? 20_000);

const config = { ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL }), port: 0 };
const database = await openDatabase({ url: config.databaseUrl });
const db = database.db;
await migrateToLatest(db);
if (!(await db.selectFrom('users').select('id').where('username', '=', 'cs_agent').executeTakeFirst()))
  await seedDemo(db, config);
const app = await buildApp({ database, config, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

async function login(username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as { csrfToken: string; user: { id: string }; currentDealerId: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: me.csrfToken, me };
}
const call = (s: { cookie: string; csrf: string }, method: string, path: string, body?: unknown) =>
  fetch(`${base}${path}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });

// Set-up: rules open all day, AGENTS agent users, TASKS due tasks of 2,000 customers.
const admin = await login('dealer_admin', config.demoPassword);
const dealerId = admin.me.currentDealerId;
await call(admin, 'PUT', '/api/callbacks/rules', {
  effectiveFrom: '2020-01-01',
  rules: { ...RULE_PRESETS['P-AYT'], callingHours: ALL_DAY, customerCap: { attempts: 50, periodHours: 1 } },
});
const tag = `bq${Date.now().toString(36)}`;
const agents: { cookie: string; csrf: string; id: string }[] = [];
for (let i = 0; i < AGENTS; i++) {
  const username = `${tag}a${i}`;
  const res = await call(admin, 'POST', '/api/users', {
    username,
    displayName: `压测坐席${i}`,
    password: 'Bench12345678',
    roles: ['cs_agent'],
    dealerId,
  });
  if (res.status !== 201) throw new Error(`user: ${res.status} ${await res.text()}`);
  await db.updateTable('users').set({ mustChangePassword: false }).where('username', '=', username).execute();
  const s = await login(username, 'Bench12345678');
  agents.push({ ...s, id: s.me.user.id });
}
const customers = await seedCustomers(db, dealerId, 2000, tag);
const today = localParts(new Date(), 'Asia/Shanghai').ymd;
await insertTasks(
  db,
  Array.from({ length: TASKS }, (_, i) => ({
    dealerId,
    type: 'SECOND_CALLBACK',
    sourceKind: 'manual',
    sourceId: randomUUID(),
    customerId: customers[i % customers.length]!.id,
    anchorKind: 'created',
    anchorDate: addDays(today, -5 + (i % 5)),
    dueStart: addDays(today, -3),
    dueEnd: addDays(today, i % 7),
  })),
);
await sql`analyze callback_tasks`.execute(db);
const resetLeases = () =>
  sql`update callback_tasks set lease_user_id = null, lease_expires_at = null where dealer_id = ${dealerId}`.execute(
    db,
  );

/** The baseline: each agent loops one statement that drops its lease and SKIP LOCKED-claims the next task. */
async function rawLoop(seconds: number): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let claims = 0;
  await Promise.all(
    agents.map(async (a) => {
      while (Date.now() < until) {
        const r = await sql<{ id: string }>`
          with released as (
            update callback_tasks set lease_user_id = null, lease_expires_at = null
            where (dealer_id, id) in (select dealer_id, id from callback_tasks
              where dealer_id = ${dealerId} and lease_user_id = ${a.id} for update skip locked)
          ), pick as (
            select dealer_id, id from callback_tasks
            where dealer_id = ${dealerId} and status in ('PENDING', 'APPOINTMENT') and due_start <= current_date
              and (lease_expires_at is null or lease_expires_at <= now())
              and (lease_user_id is null or lease_user_id <> ${a.id})
            order by priority desc, due_end, anchor_date, id limit 1 for update skip locked
          )
          update callback_tasks t set lease_user_id = ${a.id}, lease_expires_at = now() + interval '15 minutes'
          from pick where t.dealer_id = pick.dealer_id and t.id = pick.id returning t.id`.execute(db);
        if (r.rows.length) claims++;
      }
    }),
  );
  return claims / seconds;
}

/** Ours: autocannon, one connection per agent, each connection with its agent's session. */
async function httpLoad(seconds: number) {
  let next = 0;
  const r = await autocannon({
    url: `${base}/api/callbacks/next`,
    method: 'POST',
    duration: seconds,
    connections: AGENTS,
    requests: [
      {
        method: 'POST',
        setupRequest: ((req: autocannon.Request, context: Record<string, unknown>) => {
          context.agent ??= agents[next++ % agents.length];
          const a = context.agent as (typeof agents)[number];
          return { ...req, headers: { ...req.headers, cookie: a.cookie, 'x-csrf-token': a.csrf } };
        }) as unknown as (req: autocannon.Request, context: object) => autocannon.Request,
      },
    ],
  });
  if (r.non2xx || r.errors) throw new Error(`POST /api/callbacks/next failed ${r.non2xx + r.errors} times`);
  return r.requests.average;
}

process.stdout.write(
  `bench:queue on ${database.kind}: ${ROUNDS} rounds × ${SECONDS}s, ${AGENTS} agents, ${TASKS} due tasks\n`,
);
await rawLoop(1);
await resetLeases();
await httpLoad(1);
const raw: number[] = [];
const ours: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  await resetLeases();
  raw.push(await rawLoop(SECONDS));
  await resetLeases();
  ours.push(await httpLoad(SECONDS));
  process.stdout.write(
    `round ${i + 1}: raw SQL claim ${raw[i]!.toFixed(0)} claims/s, POST /api/callbacks/next ${ours[i]!.toFixed(0)} claims/s\n`,
  );
}
const ratio = median(ours) / median(raw);
process.stdout.write(`median: raw ${median(raw).toFixed(0)} claims/s, ours ${median(ours).toFixed(0)} claims/s\n`);
await app.close();
await database.close();
result('queue', ratio, '0.8');
