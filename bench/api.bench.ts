/**
 * bench:api — throughput of GET /api/auth/me (session lookup, roles, dealers) as a ratio to a bare
 * Fastify route doing one primary-key SELECT on the same database, in the same process and run.
 * Embedded PGlite by default; DATABASE_URL=postgres://… to measure on a server.
 */
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { migrateToLatest, openDatabase } from '../server/db/client';
import { seedDemo } from '../server/db/seed/demo';
import { load, median, result } from './lib';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 10;

const config = { ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL }), port: 0 };
const database = await openDatabase({ url: config.databaseUrl });
await migrateToLatest(database.db);
if (!(await database.db.selectFrom('users').select('id').where('username', '=', 'cs_agent').executeTakeFirst()))
  await seedDemo(database.db, config);

const app = await buildApp({ database, config, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const ours = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const login = await fetch(`${ours}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'cs_agent', password: config.demoPassword }),
});
const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
const userId = ((await login.json()) as { user: { id: string } }).user.id;

const bare = Fastify({ logger: false });
bare.get('/user', async () => {
  const r = await sql<{ id: string; username: string }>`select id, username from users where id = ${userId}`.execute(
    database.db,
  );
  return r.rows[0];
});
await bare.listen({ port: 0, host: '127.0.0.1' });
const baseline = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/user`;

process.stdout.write(`bench:api on ${database.kind}: ${ROUNDS} rounds × ${SECONDS}s, ${CONNECTIONS} connections\n`);
await load(`${ours}/api/auth/me`, { seconds: 1, connections: CONNECTIONS, headers: { cookie } });
await load(baseline, { seconds: 1, connections: CONNECTIONS });
const oursRps: number[] = [];
const bareRps: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const b = await load(baseline, { seconds: SECONDS, connections: CONNECTIONS });
  const o = await load(`${ours}/api/auth/me`, { seconds: SECONDS, connections: CONNECTIONS, headers: { cookie } });
  if (o.non2xx || o.errors) throw new Error(`GET /api/auth/me failed ${o.non2xx + o.errors} times`);
  bareRps.push(b.rps);
  oursRps.push(o.rps);
  process.stdout.write(
    `round ${i + 1}: bare PK select ${b.rps.toFixed(0)} req/s, GET /api/auth/me ${o.rps.toFixed(0)} req/s (p99 ${o.p99} ms)\n`,
  );
}
const ratio = median(oursRps) / median(bareRps);
process.stdout.write(`median: bare ${median(bareRps).toFixed(0)} req/s, ours ${median(oursRps).toFixed(0)} req/s\n`);
await app.close();
await bare.close();
await database.close();
result('api', ratio, '>=0.5');
