/**
 * bench:kpi — dashboards over the incremental aggregates (migration 0013) against raw SQL on the same data,
 * in the same run, on the PostgreSQL server (a scratch database it creates and drops).
 *
 * Data: BENCH_DEALERS dealers (default 1,000) in 10 regions, 12 months, BENCH_RESPONSES responses (default
 * 500,000) with 20 answers each (10,000,000 answers), mapped to 8 factors. Every response goes through the
 * real insert path, so the aggregates are built by the trigger, not by a bulk load.
 *
 * Prints: (1) one dealer's monthly dashboard query / a single indexed raw aggregate of that dealer's answers;
 * (2) the all-dealers regional/national benchmark over the aggregates / a full-scan GROUPING SETS query
 * over the answers. Goal for (2): ≤ 0.1. Then checks the aggregates equal a full recompute.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../server/config';
import { type Database, migrateToLatest, openDatabase } from '../server/db/client';
import { seedDemo } from '../server/db/seed/demo';
import { diffMonthlyAggregates } from '../server/features/kpis/aggregates.queries';
import { benchmarkScores, dealerMonthlyScores } from '../server/features/kpis/dashboard.queries';
import { median, result } from './lib';

const DEALERS = Number(process.env.BENCH_DEALERS ?? 1000);
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 500_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const FROM = '2025-12-01';
const TO = '2026-11-01';
const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

async function createOrg(db: Database['db']) {
  await sql`
    insert into regions (group_id, code, name)
    select id, 'BR' || lpad(i::text, 2, '0'), '基准区域' || i from dealer_groups, generate_series(1, 10) i
    where code = (select min(code) from dealer_groups)`.execute(db);
  await sql`
    insert into dealers (region_id, code, name)
    select r.id, 'BD' || lpad(i::text, 4, '0'), '基准经销店' || i
    from generate_series(1, ${DEALERS}::int) i
    join (select id, row_number() over (order by code) - 1 as n from regions where code like 'BR%') r on r.n = i % 10`.execute(
    db,
  );
  await sql`insert into questionnaire_templates (dealer_id, code) select id, 'BENCH' from dealers where code like 'BD%'`.execute(
    db,
  );
  await sql`
    insert into questionnaire_versions (dealer_id, template_id, version_no, name_zh, business_line, channel)
    select dealer_id, id, 1, '售后电话回访问卷', 'after_sales', 'phone' from questionnaire_templates where code = 'BENCH'`.execute(
    db,
  );
  await sql`
    insert into questionnaire_questions (dealer_id, version_id, key, position, type, text_zh, factor_code)
    select v.dealer_id, v.id, 'q' || q, q, 'rating', '问题' || q, 'f' || (1 + q % 8)
    from questionnaire_versions v join questionnaire_templates t on t.dealer_id = v.dealer_id and t.id = v.template_id
    cross join generate_series(1, 20) q where t.code = 'BENCH'`.execute(db);
  const approver = (await sql<{ id: string }>`select id from users order by created_at limit 1`.execute(db)).rows[0]!
    .id;
  const bench = sql`template_id in (select id from questionnaire_templates where code = 'BENCH')`;
  await sql`update questionnaire_versions set status = 'approved', approved_at = now(), approved_by = ${approver} where ${bench}`.execute(
    db,
  );
  await sql`update questionnaire_versions set status = 'published', published_at = now() where ${bench}`.execute(db);
  await sql`
    create temporary table bench_dealers as
    select row_number() over (order by d.code) - 1 as n, d.id as dealer_id, v.id as version_id, v.template_id
    from dealers d join questionnaire_versions v on v.dealer_id = d.id where d.code like 'BD%'`.execute(db);
}

/** Item score of question q in response i: 0, 25, 50, 75 or 100, deterministic. */
const ITEM = sql.raw('(((i * 31 + q * 17 + (i / 7) * 3) % 5) * 25)');

async function insertResponses(db: Database['db'], from: number, to: number) {
  await sql`
    insert into survey_responses (dealer_id, id, version_id, template_id, channel, submitted_at, score, factor_scores, satisfied)
    select d.dealer_id, gen_random_uuid(), d.version_id, d.template_id, 'phone',
           ${FROM}::timestamptz + ((i / ${DEALERS}::int) % 12) * interval '1 month' + (i % 27) * interval '1 day' + interval '3 hours',
           s.total, s.factors, s.total >= 60
    from generate_series(${from}::int, ${to}::int) i
    join bench_dealers d on d.n = i % ${DEALERS}::int
    cross join lateral (
      select round(avg(fs.score), 2) as total,
             jsonb_agg(jsonb_build_object('code', fs.code, 'score', fs.score, 'weight', 1, 'items', fs.items)) as factors
      from (select 'f' || (1 + q % 8) as code, round(avg(${ITEM}), 2) as score, count(*)::int as items
            from generate_series(1, 20) q group by 1) fs
    ) s`.execute(db);
}

async function insertAnswers(db: Database['db']) {
  await sql`
    insert into survey_answers (dealer_id, response_id, question_key, value, item_score)
    select r.dealer_id, r.id, 'q' || q, to_jsonb(x.s), x.s
    from (select dealer_id, id, row_number() over (order by dealer_id, id) as i from survey_responses) r
    cross join generate_series(1, 20) q
    cross join lateral (select ${sql.raw('(((r.i * 31 + q * 17) % 5) * 25)')}::numeric as s) x`.execute(db);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  await fn(); // warm the cache; every variant gets the same warm-up
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

const rawDealer = (db: Database['db'], dealerId: string) =>
  sql`
    select date_trunc('month', r.submitted_at at time zone 'Asia/Shanghai') as month, q.factor_code,
           avg(a.item_score), count(*)
    from survey_answers a
    join survey_responses r on r.dealer_id = a.dealer_id and r.id = a.response_id
    join questionnaire_questions q on q.dealer_id = a.dealer_id and q.version_id = r.version_id and q.key = a.question_key
    where a.dealer_id = ${dealerId}
    group by 1, 2`.execute(db);

const rawBenchmark = (db: Database['db']) =>
  sql`
    select q.factor_code, d.region_id, a.dealer_id, avg(a.item_score), count(*)
    from survey_answers a
    join survey_responses r on r.dealer_id = a.dealer_id and r.id = a.response_id
    join questionnaire_questions q on q.dealer_id = a.dealer_id and q.version_id = r.version_id and q.key = a.question_key
    join dealers d on d.id = a.dealer_id
    group by grouping sets ((q.factor_code, d.region_id, a.dealer_id), (q.factor_code, d.region_id), (q.factor_code))`.execute(
    db,
  );

async function main() {
  const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `manyi_bench_kpi_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    const db = database.db;
    await migrateToLatest(db);
    await seedDemo(db, loadConfig({ LOG_LEVEL: 'silent' }));
    await createOrg(db);
    log(`${DEALERS} dealers; inserting ${RESPONSES} responses through the aggregate trigger…`);
    const step = 50_000;
    for (let i = 0; i < RESPONSES; i += step) {
      await insertResponses(db, i, Math.min(RESPONSES, i + step) - 1);
      log(`  ${Math.min(RESPONSES, i + step)} responses`);
    }
    log(`inserting ${RESPONSES * 20} answers…`);
    await insertAnswers(db);
    await sql`analyze`.execute(db);
    const dealerId = (
      await sql<{ dealerId: string }>`select dealer_id as "dealerId" from bench_dealers where n = 1`.execute(db)
    ).rows[0]!.dealerId;
    const range = { fromMonth: FROM, toMonth: TO };
    const oursDealer = await time(() => dealerMonthlyScores(db, dealerId, range));
    const baseDealer = await time(() => rawDealer(db, dealerId));
    const oursAll = await time(() => benchmarkScores(db, { ...range, businessLine: 'after_sales' }));
    const baseAll = await time(() => rawBenchmark(db));
    const diff = await diffMonthlyAggregates(db);
    const exact = diff.onlyStored.length === 0 && diff.onlyRecomputed.length === 0;
    const out = (s: string) => process.stdout.write(`${s}\n`);
    out(
      `dealer dashboard: ours ${oursDealer.toFixed(2)} ms, raw indexed aggregate ${baseDealer.toFixed(2)} ms, ratio ${(oursDealer / baseDealer).toFixed(3)}`,
    );
    out(
      `benchmark (all dealers, regional + national): ours ${oursAll.toFixed(1)} ms, full-scan GROUPING SETS ${baseAll.toFixed(1)} ms`,
    );
    out(
      `aggregates equal a full recompute: ${exact ? 'yes' : `NO (${diff.onlyStored.length} + ${diff.onlyRecomputed.length} rows differ)`}`,
    );
    result('kpi', oursAll / baseAll, '<=0.1');
    if (!exact) process.exitCode = 1;
  } finally {
    await database.close();
    await client.query(`drop database ${name}`);
    await client.end();
  }
}

await main();
