/**
 * bench:queue — "next call" claims/s over HTTP (POST /api/callbacks/next: session, calling hours, the
 * SKIP LOCKED claim with the customer checks, the task's context, masking) as a ratio to a raw SQL
 * `FOR UPDATE SKIP LOCKED` claim loop on the same database, in the same run, with the same number of
 * concurrent agents. Both sides release the agent's previous lease and lease the next task.
 * Embedded PGlite by default; DATABASE_URL=postgres://… to measure on a server.
 *
 * Fairness: the raw loop runs its SQL from the server process's own pool (as the server does), and has no
 * client. On a PostgreSQL server it is a named prepared statement, as the server's own claim is (before
 * "next call" was prepared, the raw loop was not either; planning it each time cost about half of its
 * database time). The HTTP load generator (bench/http-load-child.mjs) runs in a child process, not in the
 * server's event loop: a real agent's browser — on another machine — costs the server nothing. Everything
 * still shares this machine's cores: the server, the load generator and the database. Each round prints
 * where the CPU went per claim: this process, the load generator, and the rest of the machine (mostly the
 * database).
 *
 * BENCH_BREAKDOWN=1 also measures the layers in between, to show where the time per press goes: the raw
 * statement unprepared, our claim statement alone, the service without HTTP (actor resolved once, then per
 * call), Fastify's inject (the whole request pipeline without a socket), autocannon inside the server's
 * event loop (the old way), and the floor of any signed-in HTTP answer (GET /api/auth/me from the caches).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { CompiledQuery, sql } from 'kysely';
import { RULE_PRESETS } from '../core/rules/callback-presets';
import { addDays, localParts } from '../core/rules/callback-rules';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { migrateToLatest, openDatabase, rawHandleOf } from '../server/db/client';
import { seedDemo } from '../server/db/seed/demo';
import { ALL_DAY, seedCustomers } from '../server/features/callbacks/callbacks.fixtures';
import { resolveSession } from '../server/features/auth/auth.service';
import { nextTask } from '../server/features/callbacks/callbacks.service';
import { claimNext } from '../server/features/callbacks/queue.queries';
import { insertTasks } from '../server/features/callbacks/tasks.queries';
import { loadInChild, median, result } from './lib';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const AGENTS = Number(process.env.BENCH_AGENTS ?? 8);
const TASKS = Number(process.env.BENCH_TASKS ?? 20_000);
const BREAKDOWN = process.env.BENCH_BREAKDOWN === '1';

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
/**
 * Before each measurement: no leases, no dead row versions left by the previous one (every claim rewrites
 * a row; without a vacuum the later measurements would scan ever more of them), and no dirty pages for the
 * checkpointer to write while the next side is measured. Only the leased rows are touched: rewriting the
 * dealer's whole table here made gigabytes of WAL that the next measurement paid for.
 */
async function resetLeases() {
  await sql`update callback_tasks set lease_user_id = null, lease_expires_at = null
    where dealer_id = ${dealerId} and lease_user_id is not null`.execute(db);
  await sql`vacuum analyze callback_tasks`.execute(db);
  await sql`checkpoint`.execute(db).catch(() => undefined); // needs the pg_checkpoint role on a server
}

/** The baseline: each agent loops one statement that drops its lease and SKIP LOCKED-claims the next task. */
const RAW_CLAIM = `
  with released as (
    update callback_tasks set lease_user_id = null, lease_expires_at = null
    where (dealer_id, id) in (select dealer_id, id from callback_tasks
      where dealer_id = $1 and lease_user_id = $2 for update skip locked)
  ), pick as (
    select dealer_id, id from callback_tasks
    where dealer_id = $1 and status in ('PENDING', 'APPOINTMENT') and due_start <= current_date
      and (lease_expires_at is null or lease_expires_at <= now())
      and (lease_user_id is null or lease_user_id <> $2)
    order by priority desc, due_end, anchor_date, id limit 1 for update skip locked
  )
  update callback_tasks t set lease_user_id = $2, lease_expires_at = now() + interval '15 minutes'
  from pick where t.dealer_id = pick.dealer_id and t.id = pick.id returning t.id`;
const rawPool = (() => {
  const h = rawHandleOf(db);
  return h?.kind === 'postgres' ? h.pool : null;
})();

/**
 * On a PostgreSQL server the baseline is a named prepared statement, as "next call" sends its own claim
 * (planning the statement each time cost the raw loop about half its database time, measured); embedded
 * PGlite has no named statements through its API, and there both sides send their text each time.
 */
async function rawLoop(seconds: number, prepared = rawPool !== null): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let claims = 0;
  await Promise.all(
    agents.map(async (a) => {
      while (Date.now() < until) {
        const values = [dealerId, a.id];
        const r =
          prepared && rawPool
            ? await rawPool.query({ name: 'bench_raw_claim', text: RAW_CLAIM, values })
            : await db.executeQuery(CompiledQuery.raw(RAW_CLAIM, values));
        if (r.rows.length) claims++;
      }
    }),
  );
  return claims / seconds;
}

const connectionHeaders = agents.map((a) => ({ cookie: a.cookie, 'x-csrf-token': a.csrf }));

/** Ours: autocannon off the server's event loop, one connection per agent, each with its agent's session. */
async function httpLoad(seconds: number, path = '/api/callbacks/next', method: 'GET' | 'POST' = 'POST') {
  const r = await loadInChild(`${base}${path}`, {
    seconds,
    connections: AGENTS,
    method,
    ...(method === 'POST' ? { body: '{}' } : {}),
    connectionHeaders,
  });
  if (r.non2xx || r.errors) throw new Error(`${method} ${path} failed ${r.non2xx + r.errors} times`);
  return { rate: r.rps, ...(r.loaderCpuUs === undefined ? {} : { loaderCpuUs: r.loaderCpuUs }) };
}

/** Breakdown: autocannon inside the server's event loop (how this bench measured before). */
async function httpLoadInLoop(seconds: number) {
  let next = 0;
  const r = await autocannon({
    url: `${base}/api/callbacks/next`,
    method: 'POST',
    duration: seconds,
    connections: AGENTS,
    requests: [
      {
        method: 'POST',
        body: '{}',
        setupRequest: ((req: autocannon.Request, context: Record<string, unknown>) => {
          context.headers ??= connectionHeaders[next++ % connectionHeaders.length];
          const headers = context.headers as Record<string, string>;
          return { ...req, headers: { ...req.headers, 'content-type': 'application/json', ...headers } };
        }) as unknown as (req: autocannon.Request, context: object) => autocannon.Request,
      },
    ],
  });
  if (r.non2xx || r.errors) throw new Error(`POST /api/callbacks/next failed ${r.non2xx + r.errors} times`);
  return r.requests.average;
}

/** Breakdown: each agent loops `press` for `seconds`; claims/s. */
async function loop(seconds: number, press: (a: (typeof agents)[number], i: number) => Promise<boolean>) {
  const until = Date.now() + seconds * 1000;
  let claims = 0;
  await Promise.all(
    agents.map(async (a, i) => {
      while (Date.now() < until) if (await press(a, i)) claims++;
    }),
  );
  return claims / seconds;
}

const tokenOf = (a: { cookie: string }) => decodeURIComponent(a.cookie.slice(a.cookie.indexOf('=') + 1));
const actors = await Promise.all(agents.map((a) => resolveSession(db, config, tokenOf(a), '127.0.0.1')));
type Stage = [string, (seconds: number) => Promise<number | { rate: number; loaderCpuUs?: number }>];
const stages: Stage[] = [
  ...(rawPool
    ? [['raw SQL claim, unprepared (parsed and planned each time)', (sec: number) => rawLoop(sec, false)] as Stage]
    : []),
  [
    'claim statement (claimNext)',
    (sec) =>
      loop(sec, async (a) => {
        const now = new Date();
        // the rules set above: P-AYT's 15-minute lease, at most 50 attempts per customer an hour
        const params = {
          dealerId,
          userId: a.id,
          today: localParts(now, 'Asia/Shanghai').ymd,
          leaseMinutes: 15,
          capAttempts: 50,
          capSince: new Date(now.getTime() - 3_600_000),
        };
        return Boolean((await claimNext(db, params)) ?? (await claimNext(db, params)));
      }),
  ],
  ['service (actor resolved once)', (sec) => loop(sec, async (_, i) => (await nextTask(db, actors[i]!)).task !== null)],
  [
    'session + service',
    (sec) =>
      loop(sec, async (a) => {
        const actor = await resolveSession(db, config, tokenOf(a), '127.0.0.1');
        return (await nextTask(db, actor)).task !== null;
      }),
  ],
  [
    'Fastify inject (no socket)',
    (sec) =>
      loop(sec, async (a) => {
        const r = await app.inject({
          method: 'POST',
          url: '/api/callbacks/next',
          headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, 'content-type': 'application/json' },
          payload: '{}',
        });
        if (r.statusCode !== 200) throw new Error(`inject: ${r.statusCode} ${r.body}`);
        return (r.json() as { task: unknown }).task !== null;
      }),
  ],
  ['HTTP, autocannon in the server loop', httpLoadInLoop],
  // Not a claim: what any signed-in answer costs at the least (session from the cache, no database).
  ['floor: GET /api/auth/me over HTTP (requests/s)', (sec) => httpLoad(sec, '/api/auth/me', 'GET')],
];

process.stdout.write(
  `bench:queue on ${database.kind}: ${ROUNDS} rounds × ${SECONDS}s, ${AGENTS} agents, ${TASKS} due tasks, ` +
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}\n`,
);
// Warm-up (JIT, connections, plans) for both sides.
await rawLoop(2);
if (rawPool) await rawLoop(1, false);
await resetLeases();
await httpLoad(2);
const raw: number[] = [];
const ours: number[] = [];
/**
 * Where the machine's CPU goes per claim (µs): this process (the server, or the raw loop's driver), the load
 * generator (HTTP only), and the rest of the machine (the database's backends, everything else running).
 * The rest is read from /proc/stat (Linux); elsewhere it is left out.
 */
function machineBusyUs(): number | null {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal: busy = all but idle and iowait, in USER_HZ (100/s)
    const busy = ticks.slice(0, 8).reduce((a, b) => a + b, 0) - (ticks[3] ?? 0) - (ticks[4] ?? 0);
    return busy * 10_000;
  } catch {
    return null;
  }
}
function mainThreadUs(): number {
  try {
    const st = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10_000;
  } catch {
    return 0;
  }
}
async function measured(run: () => Promise<{ rate: number; loaderCpuUs?: number }>) {
  const cpu = process.cpuUsage();
  const main0 = mainThreadUs();
  const busy = machineBusyUs();
  const r = await run();
  const used = process.cpuUsage(cpu);
  const mainUs = mainThreadUs() - main0;
  const busyAfter = machineBusyUs();
  const claims = r.rate * SECONDS;
  const per = (us: number) => Math.round(us / claims);
  const server = used.user + used.system;
  const loader = r.loaderCpuUs ?? 0;
  const machine = busy === null || busyAfter === null ? null : busyAfter - busy;
  return {
    rate: r.rate,
    text:
      `process ${per(server)} (main thread ${per(mainUs)}, user ${per(used.user)})` +
      (r.loaderCpuUs === undefined ? '' : `, load generator ${per(loader)}`) +
      (machine === null
        ? ''
        : `, rest of machine ${per(Math.max(0, machine - server - loader))}, total ${per(machine)}`),
  };
}
const layers = new Map<string, number[]>();
for (let i = 0; i < ROUNDS; i++) {
  await resetLeases();
  const r = await measured(async () => ({ rate: await rawLoop(SECONDS) }));
  raw.push(r.rate);
  await resetLeases();
  const h = await measured(() => httpLoad(SECONDS));
  ours.push(h.rate);
  process.stdout.write(
    `round ${i + 1}: raw SQL claim ${r.rate.toFixed(0)} claims/s, POST /api/callbacks/next ${h.rate.toFixed(0)} claims/s\n` +
      `  CPU µs per claim — raw: ${r.text}\n  CPU µs per claim — HTTP: ${h.text}\n`,
  );
  if (!BREAKDOWN) continue;
  for (const [name, run] of stages) {
    await resetLeases();
    const m = await measured(async () => {
      const r = await run(SECONDS);
      return typeof r === 'number' ? { rate: r } : r;
    });
    layers.set(name, [...(layers.get(name) ?? []), m.rate]);
    process.stdout.write(
      `  ${name}: ${m.rate.toFixed(0)} claims/s (${(m.rate / raw[i]!).toFixed(2)} of raw); CPU µs per claim: ${m.text}\n`,
    );
  }
}
// Each round measures the two sides back to back; the machine's speed drifts between rounds (other work,
// the VM's neighbours), so the result is the median of the rounds' own ratios, not a ratio of medians
// taken from different rounds.
const ratios = raw.map((r, i) => ours[i]! / r);
const ratio = median(ratios);
process.stdout.write(
  `median: raw ${median(raw).toFixed(0)} claims/s, ours ${median(ours).toFixed(0)} claims/s; ` +
    `ratio per round ${ratios.map((x) => x.toFixed(2)).join(', ')}\n`,
);
for (const [name, rates] of layers)
  process.stdout.write(
    `median ${name}: ${median(rates).toFixed(0)} claims/s (${(median(rates) / median(raw)).toFixed(2)} of raw)\n`,
  );
process.stdout.write(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}\n`,
);
await app.close();
await database.close();
result('queue', ratio, '0.8');
