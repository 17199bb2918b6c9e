import { beforeAll, describe, expect, it } from 'vitest';
import { localParts } from '../../../core/rules/callback-rules';
import { useTestApp, type Session } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { customers, GOOD_ANSWERS, publishQuestionnaire, repairOrders } from './test-kit';

/** The on-site survey at the counter: WF-1 (SPEC §4.2) after checkout, consent first (§3.5). */
describe(`on-site survey on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let agent: Session;
  let ros: string[];
  let cust: Awaited<ReturnType<typeof customers>>;
  const today = localParts(new Date(), 'Asia/Shanghai').ymd;

  beforeAll(async () => {
    await publishQuestionnaire(t, 'AYT-JL-客服-01', { channel: 'on_site' });
    agent = await t.login('cs_agent');
    cust = await customers(t, 'SH001', 3, 'ons');
    ros = await repairOrders(t, 'SH001', 'ons', cust, today);
  });

  it("lists today's settled repair orders, runs the survey with consent and closes the task as SUCCESS", async () => {
    const list = await t.as(agent, 'GET', '/api/onsite/candidates?kind=repair_order');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().date).toBe(today);
    const item = list.json().items.find((i: { sourceId: string }) => i.sourceId === ros[0]);
    expect(item).toMatchObject({ customerName: '测试客户ons0', staffName: '李顾问', task: null });

    const start = await t.as(agent, 'POST', '/api/onsite/start', {
      sourceKind: 'repair_order',
      sourceId: ros[0],
      consent: true,
    });
    expect(start.statusCode, start.body).toBe(200);
    const s = start.json();
    expect(s).toMatchObject({ status: 'PENDING', consent: true });
    expect(s.questionnaire.content.channel).toBe('on_site');
    const again = await t.as(agent, 'POST', '/api/onsite/start', {
      sourceKind: 'repair_order',
      sourceId: ros[0],
      consent: true,
    });
    expect(again.json().taskId).toBe(s.taskId);

    const done = await t.as(agent, 'POST', `/api/onsite/tasks/${s.taskId}/response`, {
      versionId: s.questionnaire.versionId,
      answers: GOOD_ANSWERS,
      respondentRelation: 'owner',
    });
    expect(done.statusCode, done.body).toBe(201);
    const task = (await t.as(agent, 'GET', `/api/callbacks/tasks/${s.taskId}`)).json();
    expect(task).toMatchObject({
      type: 'AS_ONSITE',
      status: 'SUCCESS',
      consent: true,
      responseId: done.json().responseId,
    });
    const resp = await t.database.db
      .selectFrom('surveyResponses')
      .select(['channel', 'taskId'])
      .where('id', '=', done.json().responseId)
      .executeTakeFirstOrThrow();
    expect(resp).toEqual({ channel: 'on_site', taskId: s.taskId });
    const twice = await t.as(agent, 'POST', `/api/onsite/tasks/${s.taskId}/response`, {
      versionId: s.questionnaire.versionId,
      answers: GOOD_ANSWERS,
    });
    expect(twice.statusCode).toBe(409);
  });

  it('consent refused: recorded, the on-site task is closed, the customer stays open for the phone callback', async () => {
    const start = await t.as(agent, 'POST', '/api/onsite/start', {
      sourceKind: 'repair_order',
      sourceId: ros[1],
      consent: false,
    });
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json()).toMatchObject({ status: 'CLOSED', consent: false, questionnaire: null });
    const task = (await t.as(agent, 'GET', `/api/callbacks/tasks/${start.json().taskId}`)).json();
    expect(task.reason).toBe('onsite_declined');
    const c = await t.database.db
      .selectFrom('customers')
      .select('serviceCallbacksAllowed')
      .where('id', '=', cust[1]!.id)
      .executeTakeFirstOrThrow();
    expect(c.serviceCallbacksAllowed).toBe(true);
    const blocks = await t.database.db
      .selectFrom('callbackBlocks')
      .select('customerId')
      .where('customerId', '=', cust[1]!.id)
      .execute();
    expect(blocks).toEqual([]);
    const submit = await t.as(agent, 'POST', `/api/onsite/tasks/${start.json().taskId}/response`, {
      versionId: '00000000-0000-4000-8000-000000000000',
      answers: GOOD_ANSWERS,
    });
    expect(submit.statusCode).toBe(409);
  });

  it('a customer whose order is not imported yet answers without a task, and the on-site register lists it', async () => {
    const q = await t.as(agent, 'GET', '/api/onsite/walk-in/questionnaire?kind=repair_order');
    expect(q.statusCode, q.body).toBe(200);
    const { versionId, content } = q.json().questionnaire;
    expect(content.channel).toBe('on_site');
    const body = { kind: 'repair_order', versionId, answers: GOOD_ANSWERS, respondentName: '赵女士' };
    // a name is required, and only the dealer's on-site questionnaire is accepted; nothing is stored then
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('surveyResponses')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expect((await t.as(agent, 'POST', '/api/onsite/walk-in', { ...body, respondentName: ' ' })).statusCode).toBe(400);
    const wrong = await t.as(agent, 'POST', '/api/onsite/walk-in', { ...body, versionId: ros[0] });
    expect(wrong.statusCode).toBe(400);
    expect(await count()).toBe(before);
    const done = await t.as(agent, 'POST', '/api/onsite/walk-in', body);
    expect(done.statusCode, done.body).toBe(201);
    const resp = await t.database.db
      .selectFrom('surveyResponses')
      .select(['channel', 'taskId', 'respondentName'])
      .where('id', '=', done.json().responseId)
      .executeTakeFirstOrThrow();
    expect(resp).toEqual({ channel: 'on_site', taskId: null, respondentName: '赵女士' });
    const register = await t.as(agent, 'GET', `/api/registers/aftersales-onsite?q=${encodeURIComponent('赵女士')}`);
    expect(register.json().items).toEqual([
      expect.objectContaining({ taskId: null, responseId: done.json().responseId, customerName: '赵女士' }),
    ]);
    const hz = await t.login('hz_agent');
    expect((await t.as(hz, 'GET', '/api/registers/aftersales-onsite')).json().total).toBe(0);
  });

  it("another dealer's agent gets 404 for this dealer's orders and tasks", async () => {
    const hz = await t.login('hz_agent');
    const res = await t.as(hz, 'POST', '/api/onsite/start', {
      sourceKind: 'repair_order',
      sourceId: ros[2],
      consent: true,
    });
    expect(res.statusCode, res.body).toBe(404);
    const list = await t.as(hz, 'GET', `/api/onsite/candidates?kind=repair_order&date=${today}`);
    expect(list.json().items.some((i: { sourceId: string }) => ros.includes(i.sourceId))).toBe(false);
  });
});
