import { beforeAll, describe, expect, it } from 'vitest';
import { localParts } from '../../../core/rules/callback-rules';
import { type Session, useTestApp } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { ALL_DAY } from './callbacks.fixtures';
import { ok, setupQueue, type QueueKit } from './queue-kit';

/** The rules are cached per dealer for a few seconds (rules.service); a saved version must not wait for that. */
describe(`callback rules cache on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let k: QueueKit;
  let agent: Session;
  beforeAll(async () => {
    k = await setupQueue(t, 3, 'rc');
    agent = await t.login('cs_agent');
  });
  const next = async () =>
    ((await ok(await t.as(agent, 'POST', '/api/callbacks/next', {}))) as { reason: string }).reason;

  it('applies a new rules version to the very next claim on this instance', async () => {
    expect(await next()).toBe('claimed');
    expect(await next()).toBe('claimed'); // the rules are now cached
    const today = localParts(new Date(), 'Asia/Shanghai').weekday;
    await k.putRules({ callingHours: { ...ALL_DAY, days: ALL_DAY.days.filter((d) => d !== today) } });
    expect(await next()).toBe('outside_calling_hours');
    await k.putRules();
    expect(await next()).toBe('claimed');
  });
});
