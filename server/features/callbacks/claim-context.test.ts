import { beforeAll, describe, expect, it } from 'vitest';
import type { CallbackTask, NextResult } from '../../../core/contracts/callbacks';
import { type Session, useTestApp } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { ok, setupQueue } from './queue-kit';

/**
 * The claim's context comes from manyi_task_context (migration 0017), the task read's from contextSelect
 * (tasks.queries.ts): the two must give the same task (decision 0015).
 */
describe(`claimed task context on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let agent: Session;

  beforeAll(async () => {
    await setupQueue(t, 3, 'cc');
    agent = await t.login('cs_agent');
  }, 120_000);

  it('"next call" returns the same task, context and all, as GET /api/callbacks/tasks/:id', async () => {
    const first = (await ok(await t.as(agent, 'POST', '/api/callbacks/next'))) as NextResult;
    await ok(await t.as(agent, 'POST', `/api/callbacks/tasks/${first.task!.id}/attempts`, { outcome: 'no_answer' }));
    const claimed = (await ok(await t.as(agent, 'POST', '/api/callbacks/next'))) as NextResult;
    const read = (await ok(await t.as(agent, 'GET', `/api/callbacks/tasks/${claimed.task!.id}`))) as CallbackTask;
    expect(claimed.task).toEqual(read);
    expect(read.customer?.phones.length).toBeGreaterThan(0);
    expect(read.source.number).toBeTruthy();
  });
});
