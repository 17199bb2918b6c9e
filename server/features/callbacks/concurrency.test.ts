import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NextResult } from '../../../core/contracts/callbacks';
import { useTestApp } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { makeAgents, setupQueue, type QueueKit } from './queue-kit';

/**
 * Four agents pressing "next call" at the same time over real HTTP connections never get the same task
 * (FOR UPDATE SKIP LOCKED). On PostgreSQL the claims really run in parallel on separate connections; on
 * PGlite they share the one connection and must be just as correct.
 */
describe(`4 agents pressing "next call" concurrently on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let k: QueueKit;
  let base = '';
  const agents: { cookie: string; csrf: string }[] = [];
  const ROUNDS = 15;

  beforeAll(async () => {
    k = await setupQueue(t, 100, 'cc');
    const names = await makeAgents(t, await t.login('dealer_admin'), 4, 'ccagent');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    for (const username of names) {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'Agent12345678' }),
      });
      expect(res.status).toBe(200);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      agents.push({ cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken });
    }
  }, 120_000);

  const post = (a: { cookie: string; csrf: string }, path: string, body?: object) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('hands out distinct tasks, and every claimed task takes exactly one attempt', async () => {
    const claimed: string[][] = agents.map(() => []);
    const failures: string[] = [];
    await Promise.all(
      agents.map(async (a, i) => {
        for (let r = 0; r < ROUNDS; r++) {
          const res = await post(a, '/api/callbacks/next');
          const body = (await res.json()) as NextResult;
          if (!body.task) {
            failures.push(`agent ${i} got no task: ${body.reason}`);
            continue;
          }
          claimed[i]!.push(body.task.id);
          const at = await post(a, `/api/callbacks/tasks/${body.task.id}/attempts`, { outcome: 'no_answer' });
          if (at.status !== 200) failures.push(`agent ${i} attempt ${at.status} ${await at.text()}`);
        }
      }),
    );
    expect(failures).toEqual([]);
    const all = claimed.flat();
    expect(all).toHaveLength(4 * ROUNDS);
    expect(new Set(all).size).toBe(all.length);
    const twice = await sql<{ n: number }>`select count(*)::int as n from callback_tasks
      where dealer_id = ${k.dealerId} and attempt_count > 1`.execute(t.database.db);
    expect(twice.rows[0]?.n).toBe(0);
  });

  it('a burst of simultaneous presses gives each agent its own task', async () => {
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(
        agents.map(async (a) => (await (await post(a, '/api/callbacks/next')).json()) as NextResult),
      );
      const ids = results.map((r) => r.task?.id);
      expect(ids.every(Boolean)).toBe(true);
      expect(new Set(ids).size).toBe(4);
    }
  });
});
