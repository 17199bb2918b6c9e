import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type Db, rawHandleOf } from '../../db/client';

/** One transaction of the bulk import path: plain SQL (snake_case rows) and COPY of tab-separated text. */
export interface BulkTx {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY <table> (<columns>) FROM STDIN in text format: one line per row, tab-separated, `\N` for null. */
  copyIn(table: string, columns: readonly string[], text: string): Promise<void>;
}

/**
 * A session that stays on one connection for a whole import run (its temp staging tables live there):
 * a dedicated pool client on PostgreSQL; the single embedded connection on PGlite, where each transaction
 * takes PGlite's exclusive transaction lock, so other requests run between two chunks.
 */
export interface BulkSession {
  kind: 'postgres' | 'pglite';
  transaction<T>(fn: (tx: BulkTx) => Promise<T>): Promise<T>;
  /** Statements outside a transaction (DDL for the session's temp tables). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
  /** MANYI_IMPORT_PROFILE=1 only: adds time spent outside the database (JS steps) to the profile. */
  note?(label: string, ms: number): void;
}

const copySql = (table: string, columns: readonly string[], source: string) =>
  `copy ${table} (${columns.join(', ')}) from ${source}`;

function pgTx(client: pg.PoolClient): BulkTx {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows as T[];
    },
    async copyIn(table, columns, text) {
      if (text === '') return;
      const stream = client.query(copyFrom(copySql(table, columns, 'stdin')));
      await pipeline(Readable.from([Buffer.from(text, 'utf8')]), stream);
    },
  };
}

async function pgSession(pool: pg.Pool): Promise<BulkSession> {
  const client = await pool.connect();
  let broken = false;
  return {
    kind: 'postgres',
    async transaction(fn) {
      await client.query('begin');
      try {
        const out = await fn(pgTx(client));
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => (broken = true));
        throw e;
      }
    },
    async exec(text) {
      await client.query(text);
    },
    async close() {
      client.release(broken);
    },
  };
}

function pgliteTx(tx: Transaction): BulkTx {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await tx.query<T>(text, params)).rows;
    },
    async copyIn(table, columns, text) {
      if (text === '') return;
      await tx.query(copySql(table, columns, `'/dev/blob'`), [], { blob: new Blob([text]) });
    },
  };
}

function pgliteSession(pglite: PGlite): BulkSession {
  return {
    kind: 'pglite',
    transaction: (fn) => pglite.transaction((tx) => fn(pgliteTx(tx))),
    async exec(text) {
      await pglite.exec(text);
    },
    async close() {},
  };
}

/** MANYI_IMPORT_PROFILE=1: time per statement (first words of its SQL), printed to stderr at close. */
function profiled(session: BulkSession): BulkSession {
  const totals = new Map<string, number>();
  const time = async <T>(label: string, p: Promise<T>) => {
    const t0 = performance.now();
    try {
      return await p;
    } finally {
      totals.set(label, (totals.get(label) ?? 0) + performance.now() - t0);
    }
  };
  const label = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 70);
  return {
    ...session,
    note: (label, ms) => totals.set(label, (totals.get(label) ?? 0) + ms),
    transaction: (fn) =>
      time(
        '(transaction total)',
        session.transaction((tx) =>
          fn({
            query: async (text, params) => {
              if (process.env.MANYI_IMPORT_EXPLAIN && text.includes(process.env.MANYI_IMPORT_EXPLAIN)) {
                const plan = await tx.query<Record<string, string>>(`explain (analyze, buffers) ${text}`, params);
                process.stderr.write(plan.map((r) => Object.values(r)[0]).join('\n') + '\n');
              }
              return time(label(text), tx.query(text, params));
            },
            copyIn: (table, columns, text) => time(`copy ${table.slice(0, 8)}`, tx.copyIn(table, columns, text)),
          }),
        ),
      ),
    async close() {
      for (const [k, ms] of [...totals].sort((a, b) => b[1] - a[1]))
        process.stderr.write(`${(ms / 1000).toFixed(2).padStart(8)} s  ${k}\n`);
      await session.close();
    },
  };
}

export async function openBulkSession(db: Db): Promise<BulkSession> {
  const raw = rawHandleOf(db);
  if (!raw) throw new Error('The bulk import path needs a database opened by openDatabase');
  const session = raw.kind === 'postgres' ? await pgSession(raw.pool) : pgliteSession(raw.pglite);
  return process.env.MANYI_IMPORT_PROFILE === '1' ? profiled(session) : session;
}
