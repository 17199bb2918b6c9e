/**
 * bench:import — rows/s of our DMS import (validation, customer/vehicle matching, upserts) as a ratio to
 * a raw COPY of the same CSV into an unindexed table, in the same run, on the PostgreSQL server and on
 * embedded PGlite. BENCH_ROWS (default 1,000,000) sets the file size.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { vinCheckDigit } from '../core/rules/vin';
import { loadConfig } from '../server/config';
import { type Database, migrateToLatest, openDatabase } from '../server/db/client';
import { seedDemo } from '../server/db/seed/demo';
import { createUpload, startRun } from '../server/features/imports/imports.service';
import { systemActor } from '../server/features/imports/system-actor';
import { result } from './lib';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const HEADER = '维修委托书号,结算日期,客户姓名,手机,车牌号,VIN,车型,服务顾问,维修类型,结算金额,进厂里程';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'manyi-bench-import-'));
const file = path.join(tmp, 'repair-orders.csv');
// The PostgreSQL server process reads the file for the server-side COPY baseline.
fs.chmodSync(tmp, 0o755);

function writeFile() {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, `${HEADER}\n`);
  const customers = Math.max(10, Math.floor(ROWS / 5));
  let buf = '';
  for (let i = 0; i < ROWS; i++) {
    const c = (i * 7919) % customers;
    const v = `LDC953940N${String(c).padStart(7, '0')}`;
    const vin = `${v.slice(0, 8)}${vinCheckDigit(v)}${v.slice(9)}`;
    const day = String((i % 28) + 1).padStart(2, '0');
    buf += `RO${String(i).padStart(9, '0')},2026-10-${day},客户${c},139${String(c).padStart(8, '0')},沪A${String(c % 100000).padStart(5, '0')},${vin},东风标致408,张伟,常规保养,${(200 + (i % 5000)).toFixed(2)},${10000 + (i % 90000)}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
  fs.chmodSync(file, 0o644);
}

async function rawCopy(database: Database): Promise<number> {
  await sql`drop table if exists bench_copy`.execute(database.db);
  await sql`create unlogged table bench_copy (ro text, settled text, name text, mobile text, plate text, vin text, model text, advisor text, type text, amount text, mileage text)`.execute(
    database.db,
  );
  const start = performance.now();
  if (database.pglite) {
    await database.pglite.query(`copy bench_copy from '/dev/blob' with (format csv, header true)`, [], {
      blob: new Blob([fs.readFileSync(file)]),
    });
  } else {
    await sql.raw(`copy bench_copy from '${file}' with (format csv, header true)`).execute(database.db);
  }
  const secs = (performance.now() - start) / 1000;
  await sql`drop table bench_copy`.execute(database.db);
  return ROWS / secs;
}

async function ours(database: Database, dataDir: string): Promise<number> {
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', MANYI_DATA_DIR: dataDir }),
    importMaxBytes: 2 * 1024 * 1024 * 1024,
  };
  if (!(await database.db.selectFrom('dealers').select('id').executeTakeFirst())) await seedDemo(database.db, config);
  const dealer = await database.db
    .selectFrom('dealers')
    .select(['id', 'code', 'name', 'regionId'])
    .where('code', '=', 'SH001')
    .executeTakeFirstOrThrow();
  const actor = systemActor(dealer, 'bench');
  // The peak RSS is the import's: the demo seed above (and the file generation) are not part of it.
  global.gc?.();
  baseline = process.memoryUsage().rss;
  peak = 0;
  const start = performance.now();
  const upload = await createUpload(database.db, config, actor, {
    kind: 'repair-orders',
    fileName: 'ro.csv',
    stream: fs.createReadStream(file),
  });
  const run = await startRun(
    database.db,
    config,
    actor,
    upload.run.id,
    { mapping: upload.suggestedMapping, saveMapping: false },
    { wait: true },
  );
  const secs = (performance.now() - start) / 1000;
  if (run.status !== 'completed' || run.processedRows !== ROWS || run.rejected !== 0)
    throw new Error(`import ${run.status}: ${JSON.stringify(run)}`);
  return ROWS / secs;
}

async function onServer(): Promise<number | null> {
  const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `manyi_bench_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  try {
    await c.connect();
  } catch {
    process.stdout.write('PostgreSQL server not reachable: skipped\n');
    return null;
  }
  await c.query(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    const database = await openDatabase({ url: url.toString() });
    await migrateToLatest(database.db);
    const copy = await rawCopy(database).catch(async (e: unknown) => {
      await database.close();
      throw e;
    });
    const mine = await ours(database, tmp);
    const importRss = peak;
    await database.close();
    process.stdout.write(
      `postgres: COPY ${copy.toFixed(0)} rows/s, import ${mine.toFixed(0)} rows/s, ratio ${(mine / copy).toFixed(3)}, import process peak RSS ${mb(importRss)} MB (${mb(baseline)} MB before it)\n`,
    );
    return mine / copy;
  } finally {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  }
}

async function onPglite(): Promise<number> {
  const database = await openDatabase({ dataDir: path.join(tmp, 'pgdata') });
  await migrateToLatest(database.db);
  const copy = await rawCopy(database);
  const mine = await ours(database, tmp);
  const rss = peak;
  await database.close();
  process.stdout.write(
    `pglite: COPY ${copy.toFixed(0)} rows/s, import ${mine.toFixed(0)} rows/s, ratio ${(mine / copy).toFixed(3)}, peak RSS with the embedded database ${mb(rss)} MB (${mb(baseline)} MB before the import)\n`,
  );
  return mine / copy;
}

/** Peak RSS of this process, sampled every 100 ms; reset right before each import, after the demo seed (the
 *  PostgreSQL-server phase measures the import process alone; the PGlite phase includes the embedded
 *  database's memory). */
let peak = 0;
let baseline = 0;
const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
writeFile();
process.stdout.write(
  `bench:import: ${ROWS.toLocaleString('en-US')} repair orders, ${(fs.statSync(file).size / 1048576).toFixed(0)} MB CSV\n`,
);
try {
  const only = process.env.BENCH_DB; // 'postgres' or 'pglite' for quick iterations; both by default
  const ratios = [only === 'pglite' ? null : await onServer(), only === 'postgres' ? null : await onPglite()].filter(
    (x): x is number => x !== null,
  );
  result('import', Math.min(...ratios), '>=0.5');
} finally {
  clearInterval(sampler);
  fs.rmSync(tmp, { recursive: true, force: true });
}
