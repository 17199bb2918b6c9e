import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestApp } from '../../tests/harness';
import { TEST_DB_KIND } from '../../tests/test-db';
import { defaultBackoffMs, enqueue, registerJob, startWorker } from './worker';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error('timed out waiting');
}

describe(`durable jobs and the worker on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let dealerId: string;
  const jobRow = (id: string) =>
    t.database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    dealerId = (
      await t.database.db.selectFrom('dealers').select('id').where('code', '=', 'SH001').executeTakeFirstOrThrow()
    ).id;
  });

  it('retries a failing job with exponential back-off, then marks it done', async () => {
    const seen: number[] = [];
    registerJob('test.flaky', z.object({ n: z.number() }), async (_p, ctx) => {
      seen.push(ctx.attempt);
      if (ctx.attempt < 3) throw new Error(`boom ${ctx.attempt}`);
    });
    const id = (await enqueue(t.database.db, { dealerId, name: 'test.flaky', payload: { n: 1 } }))!;
    const w = startWorker(t.database, t.config, { pollMs: 20, backoffMs: (a) => a * 300 });
    try {
      await until(async () => (await jobRow(id)).attempts === 1 && (await jobRow(id)).lockedBy === null);
      const afterFirst = await jobRow(id);
      expect(afterFirst.lastError).toContain('boom 1');
      expect(afterFirst.doneAt).toBeNull();
      // Not retried before its back-off has passed.
      expect(new Date(afterFirst.runAt).getTime()).toBeGreaterThan(Date.now() + 100);
      await until(async () => (await jobRow(id)).doneAt !== null);
    } finally {
      await w.stop();
    }
    expect(seen).toEqual([1, 2, 3]);
    expect((await jobRow(id)).attempts).toBe(3);
    expect(defaultBackoffMs(1)).toBe(5_000);
    expect(defaultBackoffMs(3)).toBe(20_000);
    expect(defaultBackoffMs(30)).toBe(3_600_000);
  });

  it('gives up after max attempts and on an invalid payload', async () => {
    registerJob('test.always-fails', z.object({}), async () => {
      throw new Error('never works');
    });
    registerJob('test.strict', z.object({ n: z.number() }), async () => {});
    const a = (await enqueue(t.database.db, { dealerId, name: 'test.always-fails', payload: {}, maxAttempts: 2 }))!;
    const b = (
      await t.database.db
        .insertInto('jobs')
        .values({ dealerId, name: 'test.strict', payload: JSON.stringify({ n: 'x' }) })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const w = startWorker(t.database, t.config, { pollMs: 20, backoffMs: () => 50 });
    try {
      await until(async () => (await jobRow(a)).failedAt !== null && (await jobRow(b)).failedAt !== null);
    } finally {
      await w.stop();
    }
    expect((await jobRow(a)).attempts).toBe(2);
    expect((await jobRow(b)).lastError).toContain('invalid payload');
  });

  it('enqueues the same logical job once (dedupe key), and only when the transaction commits', async () => {
    const first = await enqueue(t.database.db, { dealerId, name: 'test.noop', payload: {}, dedupeKey: 'same' });
    const again = await enqueue(t.database.db, { dealerId, name: 'test.noop', payload: {}, dedupeKey: 'same' });
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    await expect(
      t.database.db.transaction().execute(async (tx) => {
        await enqueue(tx, { dealerId, name: 'test.noop', payload: {}, dedupeKey: 'rolled-back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const keys = await t.database.db.selectFrom('jobs').select('dedupeKey').where('name', '=', 'test.noop').execute();
    expect(keys.map((k) => k.dedupeKey)).toEqual(['same']);
    await expect(enqueue(t.database.db, { dealerId, name: 'test.strict', payload: { n: 'no' } })).rejects.toThrow();
  });

  it('fires a timer when it is due, not before', async () => {
    const fired: number[] = [];
    registerJob('test.timer', z.object({}), async () => {
      fired.push(Date.now());
    });
    const due = new Date(Date.now() + 800);
    const id = (await enqueue(t.database.db, { dealerId, name: 'test.timer', payload: {}, runAt: due }))!;
    const w = startWorker(t.database, t.config, { pollMs: 50 });
    try {
      await until(async () => (await jobRow(id)).doneAt !== null);
    } finally {
      await w.stop();
    }
    expect(fired).toHaveLength(1);
    expect(fired[0]!).toBeGreaterThanOrEqual(due.getTime() - 50);
    expect(fired[0]!).toBeLessThan(due.getTime() + 2_000);
  });

  it('lets another worker take over a job whose worker died (lease expiry), applying its effect once', async () => {
    const effects = new Map<string, number>();
    let hang = true;
    registerJob('test.crashy', z.object({ key: z.string() }), async (p) => {
      if (hang) await new Promise(() => {}); // the first worker "dies" inside the handler
      effects.set(p.key, (effects.get(p.key) ?? 0) + 1);
    });
    const id = (await enqueue(t.database.db, { dealerId, name: 'test.crashy', payload: { key: 'k1' } }))!;
    const a = startWorker(t.database, t.config, { id: 'worker-a', pollMs: 20, leaseMs: 400 });
    await until(async () => (await jobRow(id)).lockedBy === 'worker-a');
    await a.stop({ wait: false });
    hang = false;
    const b = startWorker(t.database, t.config, { id: 'worker-b', pollMs: 20, leaseMs: 400 });
    try {
      await sleep(150);
      expect((await jobRow(id)).lockedBy).toBe('worker-a'); // still leased
      await until(async () => (await jobRow(id)).doneAt !== null);
    } finally {
      await b.stop();
    }
    expect((await jobRow(id)).attempts).toBe(2);
    expect(effects.get('k1')).toBe(1);
  });

  it('two workers never run the same job at the same time (SKIP LOCKED)', async () => {
    const runs = new Map<string, number>();
    registerJob('test.count', z.object({ i: z.number() }), async (p) => {
      runs.set(String(p.i), (runs.get(String(p.i)) ?? 0) + 1);
      await sleep(5);
    });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++)
      ids.push((await enqueue(t.database.db, { dealerId, name: 'test.count', payload: { i } }))!);
    const workers = [1, 2, 3].map((n) => startWorker(t.database, t.config, { id: `w${n}`, pollMs: 10, batch: 3 }));
    try {
      await until(async () => {
        const open = await t.database.db
          .selectFrom('jobs')
          .select('id')
          .where('name', '=', 'test.count')
          .where('doneAt', 'is', null)
          .execute();
        return open.length === 0;
      });
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(runs.size).toBe(30);
  });
});
