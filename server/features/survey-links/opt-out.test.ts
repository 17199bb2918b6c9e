import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { runGenerateJob } from '../callbacks/callbacks.jobs';
import { customers, dealerId, openTask, publishQuestionnaire, repairOrders, tokenOf } from './test-kit';

/** "A refusal or an opt-out ('不再联系我' on the mobile page) blocks every later callback for that customer." */
describe(`"不再联系我" on the mobile page on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let agent: Session;
  let lead: Session;
  const CODE = 'LINK-OPT';

  beforeAll(async () => {
    await publishQuestionnaire(t, CODE, { channel: 'mobile_link' });
    agent = await t.login('cs_agent');
    lead = await t.login('cs_lead');
  });

  const link = async (taskId: string) => {
    const res = await t.as(agent, 'POST', `/api/callbacks/tasks/${taskId}/link`);
    expect(res.statusCode, res.body).toBe(201);
    return tokenOf(res.json().url);
  };
  const task = async (id: string) => (await t.as(agent, 'GET', `/api/callbacks/tasks/${id}`)).json();

  it('withdraws consent with evidence, blocks the customer and closes every open task at once', async () => {
    const [c, other] = await customers(t, 'SH001', 2, 'opt');
    const t1 = await openTask(t, lead, c!.id, CODE);
    const t2 = await openTask(t, lead, c!.id, CODE, 'SPECIAL_6M_ABSENT');
    const keep = await openTask(t, lead, other!.id, CODE);
    const token = await link(t1);
    const token2 = await link(t2);

    const page = await t.app.inject({ method: 'GET', url: `/api/public/s/${token}` });
    expect(page.json().privacyNotice).toContain('不再联系我');
    const res = await t.app.inject({ method: 'POST', url: `/api/public/s/${token}/opt-out` });
    expect(res.statusCode, res.body).toBe(200);

    const customer = await t.database.db
      .selectFrom('customers')
      .select(['serviceCallbacksAllowed', 'serviceConsent'])
      .where('id', '=', c!.id)
      .executeTakeFirstOrThrow();
    expect(customer.serviceCallbacksAllowed).toBe(false);
    expect(customer.serviceConsent).toMatchObject({ source: 'mobile-link', channel: 'mobile_link' });
    expect(Date.now() - Date.parse((customer.serviceConsent as { at: string }).at)).toBeLessThan(60_000);
    const block = await t.database.db
      .selectFrom('callbackBlocks')
      .selectAll()
      .where('customerId', '=', c!.id)
      .executeTakeFirstOrThrow();
    expect(block).toMatchObject({ reason: 'opted_out', taskId: t1 });

    for (const id of [t1, t2]) expect(await task(id)).toMatchObject({ status: 'EXCLUDED', reason: 'opted_out' });
    expect((await task(keep)).status).toBe('PENDING');

    const reused = await t.app.inject({ method: 'POST', url: `/api/public/s/${token}/opt-out` });
    expect(reused.json().error.code).toBe('SURVEY_LINK_USED');
    const sibling = await t.app.inject({ method: 'GET', url: `/api/public/s/${token2}` });
    expect(sibling.json().error.code).toBe('SURVEY_LINK_REVOKED');
    const noMore = await t.as(agent, 'POST', `/api/callbacks/tasks/${keep}/link`);
    expect(noMore.statusCode).toBe(201);

    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorUsername'])
      .where('entityId', '=', c!.id)
      .where('action', '=', 'customer.consent')
      .execute();
    expect(audit).toEqual([{ action: 'customer.consent', actorUsername: 'customer:mobile-link' }]);
  });

  it('later callbacks of the customer are excluded: new tasks, generated phone callbacks, new links', async () => {
    const [c] = await customers(t, 'SH001', 1, 'opt2');
    const t1 = await openTask(t, lead, c!.id, CODE);
    const token = await link(t1);
    expect((await t.app.inject({ method: 'POST', url: `/api/public/s/${token}/opt-out` })).statusCode).toBe(200);

    const later = await openTask(t, lead, c!.id, CODE, 'SPECIAL_QUALITY_TRACKING');
    expect((await task(later)).status).toBe('EXCLUDED');
    const refused = await t.as(agent, 'POST', `/api/callbacks/tasks/${later}/link`);
    expect(refused.statusCode).toBe(409);

    const today = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await repairOrders(t, 'SH001', 'opt2', [c!], today);
    await runGenerateJob(t.database.db);
    const generated = await t.database.db
      .selectFrom('callbackTasks')
      .select(['type', 'status'])
      .where('dealerId', '=', await dealerId(t, 'SH001'))
      .where('customerId', '=', c!.id)
      .where('type', '=', 'AS_PHONE')
      .execute();
    expect(generated.length).toBeGreaterThan(0);
    for (const g of generated) expect(['PENDING', 'APPOINTMENT']).not.toContain(g.status);
  });
});
