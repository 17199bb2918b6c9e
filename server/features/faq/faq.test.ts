import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../tests/harness';
import { multipart } from '../../../tests/multipart';
import { SMALL_CONTENT } from '../../../tests/questionnaire-samples';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { seedDemoFaq } from '../../db/seed/demo-faq';
import { DEMO_FAQ } from '../../db/seed/demo-faq-articles';

const article = (over: Record<string, unknown> = {}) => ({
  sourceCode: 'AYT-外来-客服-01',
  sourceVersion: '2014',
  question: '更换雨刮片的周期是多久？',
  answer: '雨刮片一般 6–12 个月更换一次。\n刮不干净或有异响时请提前更换。',
  category: '保养',
  tags: ['雨刮', '保养'],
  validFrom: '2020-01-01',
  ...over,
});

type Hit = { id: string; question: string; score: number | null };

describe(`FAQ knowledge base (SPEC §3.11) on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let supervisor: Session;
  let agent: Session;
  const search = async (s: Session, query: string) => {
    const res = await t.as(s, 'GET', `/api/faq?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Hit[]; total: number };
  };
  /** A submitted survey response at SH001 (create, approve, publish a small questionnaire, answer it). */
  const surveyResponse = async () => {
    const created = (await t.as(supervisor, 'POST', '/api/questionnaires', { content: SMALL_CONTENT })).json();
    const gm = await t.login('gm');
    await t.as(gm, 'POST', `/api/questionnaire-versions/${created.versionId}/approve`);
    await t.as(supervisor, 'POST', `/api/questionnaire-versions/${created.versionId}/publish`);
    const answers = [{ question: 'q1', value: 'satisfied' }];
    const res = await t.as(supervisor, 'POST', '/api/responses', { versionId: created.versionId, answers });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  /** A manual callback task of a dealer (a call without a transaction behind it). */
  const manualTask = async (code: string) => {
    const db = t.database.db;
    const dealer = await db.selectFrom('dealers').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    const row = await db
      .insertInto('callbackTasks')
      .values({
        ...{ dealerId: dealer.id, type: 'AS_PHONE', sourceKind: 'manual', sourceId: randomUUID() },
        ...{ anchorKind: 'created', anchorDate: '2026-11-20', dueStart: '2026-11-20', dueEnd: '2026-11-30' },
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  beforeAll(async () => {
    expect(await seedDemoFaq(t.database.db)).toBe(DEMO_FAQ.length * 3);
    supervisor = await t.login('cs_supervisor');
    agent = await t.login('cs_agent');
  });

  it('finds 刹车异响 in "制动时有异响（刹车异响）怎么办" and ranks it first', async () => {
    const r = await search(agent, `q=${encodeURIComponent('刹车异响')}`);
    expect(r.items[0]?.question).toBe('制动时有异响（刹车异响）怎么办？');
    expect(r.items.length).toBeLessThanOrEqual(5);
    // a paraphrase with other characters in between still finds it, first
    const p = await search(agent, `q=${encodeURIComponent('踩刹车有异响')}`);
    expect(p.items[0]?.question).toBe('制动时有异响（刹车异响）怎么办？');
    // unrelated articles do not come back for a specific query
    expect(p.items.map((i) => i.question)).not.toContain('会员积分怎么获得和使用？');
  });

  it.each([
    ['轮胎气压', '轮胎气压应该打多少？'],
    ['胎压', '胎压报警灯亮了怎么办？'], // question and tag; 轮胎气压… (tag only) comes next
    ['胎压报警灯', '胎压报警灯亮了怎么办？'],
    ['首保', '新车首次保养是在什么时候？'],
    ['发票丢了', '购车发票丢失了怎么办？'],
    ['充电桩', '新能源车如何申请安装家用充电桩？'],
    ['理赔', '车辆出险后怎么理赔？'],
    ['tpms', '胎压报警灯亮了怎么办？'], // Latin tag, case-insensitive, prefix
    ['ＴＰＭ', '胎压报警灯亮了怎么办？'], // full-width typing, search-as-you-type prefix
  ])('ranks the obvious article first for %s', async (query, first) => {
    const r = await search(agent, `q=${encodeURIComponent(query)}`);
    expect(r.items[0]?.question).toBe(first);
  });

  it('lists articles tagged with the query right after the one that asks it', async () => {
    const top = (await search(agent, `q=${encodeURIComponent('胎压')}`)).items.slice(0, 3).map((i) => i.question);
    expect(top[0]).toBe('胎压报警灯亮了怎么办？');
    expect(top).toContain('轮胎气压应该打多少？');
  });

  it('filters by category and tag, pages, and lists the categories', async () => {
    const all = await search(agent, `category=${encodeURIComponent('制动系统')}&limit=2`);
    expect(all.total).toBe(DEMO_FAQ.filter((a) => a[1] === '制动系统').length);
    expect(all.items).toHaveLength(2);
    const next = await search(agent, `category=${encodeURIComponent('制动系统')}&limit=2&offset=2`);
    expect(next.items.map((i) => i.id)).not.toContain(all.items[0]?.id);
    const tagged = await search(agent, `tag=${encodeURIComponent('刹车片')}`);
    expect(tagged.total).toBe(2);
    const facets = (await t.as(agent, 'GET', '/api/faq/categories')).json();
    expect(facets.categories).toContainEqual({ category: '保养', count: 6 });
    expect(facets.sources.map((s: { code: string }) => s.code).sort()).toEqual([
      'AYT-外来-客服-01',
      'AYT-外来-客服-02',
    ]);
  });

  it('creates and edits articles as revisions; agents may read but not edit; stale edits get 409', async () => {
    expect((await t.as(agent, 'POST', '/api/faq', article())).statusCode).toBe(403);
    const created = await t.as(supervisor, 'POST', '/api/faq', article());
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({ revision: 1, active: true, tags: ['雨刮', '保养'] });
    expect((await search(agent, `q=${encodeURIComponent('雨刮')}`)).items[0]?.id).toBe(a.id);
    const edited = await t.as(supervisor, 'PUT', `/api/faq/${a.id}`, {
      ...article({ question: '雨刮器刮不干净怎么办？' }),
      revision: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().revisions.map((r: { change: string }) => r.change)).toEqual(['update', 'create']);
    const stale = await t.as(supervisor, 'PUT', `/api/faq/${a.id}`, { ...article(), revision: 1 });
    expect(stale.statusCode).toBe(409);
    const bad = await t.as(supervisor, 'POST', '/api/faq', article({ validTo: '2019-01-01' }));
    expect(bad.statusCode).toBe(400);
    for (const validFrom of ['0000-01-01', '2023-02-29', '2024/01/01'])
      expect((await t.as(supervisor, 'POST', '/api/faq', article({ validFrom }))).statusCode, validFrom).toBe(400);
    // archived: not offered in search, kept and still readable; restoring brings it back
    expect((await t.as(supervisor, 'POST', `/api/faq/${a.id}/archive`)).json().active).toBe(false);
    expect((await search(agent, `q=${encodeURIComponent('雨刮器')}`)).items.map((i) => i.id)).not.toContain(a.id);
    expect((await search(agent, `status=archived`)).items.map((i) => i.id)).toContain(a.id);
    expect((await t.as(supervisor, 'PUT', `/api/faq/${a.id}`, article())).statusCode).toBe(409);
    const restored = (await t.as(supervisor, 'POST', `/api/faq/${a.id}/restore`)).json();
    expect(restored).toMatchObject({ active: true, revision: 4 });
  });

  it('refuses bad search parameters with 400 and stores any text safely in the search document', async () => {
    for (const bad of ['limit=-1', 'limit=1000', 'offset=x', 'status=deleted', 'unknown=1', `q=${'长'.repeat(101)}`])
      expect((await t.as(agent, 'GET', `/api/faq?${bad}`)).statusCode, bad).toBe(400);
    const odd = article({ question: "It's a \\ test: 'quotes' & 刹车", tags: ["o'clock"] });
    const created = await t.as(supervisor, 'POST', '/api/faq', odd);
    expect(created.statusCode, created.body).toBe(201);
    const hits = await search(agent, `q=${encodeURIComponent("it's o'clock")}`);
    expect(hits.items[0]?.id).toBe(created.json().id);
    expect((await search(agent, `q=${encodeURIComponent("'; drop table faq_articles; --")}`)).items).toEqual([]);
  });

  it('hides articles outside their validity dates unless asked for all', async () => {
    const future = (await t.as(supervisor, 'POST', '/api/faq', article({ validFrom: '2099-01-01' }))).json();
    expect(future.active).toBe(false);
    expect((await search(agent, 'q=%E9%9B%A8%E5%88%AE')).items.map((i) => i.id)).not.toContain(future.id);
    expect((await search(agent, 'q=%E9%9B%A8%E5%88%AE&status=all')).items.map((i) => i.id)).toContain(future.id);
  });

  it('records "answered from FAQ" (path a) on a response and lists it', async () => {
    const qResponse = await surveyResponse();
    const hit = (await search(agent, `q=${encodeURIComponent('轮胎气压')}`)).items[0]!;
    const taskId = await manualTask('SH001');
    const used = await t.as(agent, 'POST', `/api/faq/${hit.id}/uses`, {
      responseId: qResponse,
      taskId,
      note: '客户询问胎压标准',
    });
    expect(used.statusCode, used.body).toBe(201);
    expect(used.json()).toMatchObject({ articleRevision: 1, usedBy: '李晓梅', question: hit.question });
    const list = (await t.as(agent, 'GET', `/api/faq/uses?responseId=${qResponse}`)).json();
    expect(list.items).toHaveLength(1);
    expect((await t.as(agent, 'GET', `/api/faq/uses?taskId=${taskId}`)).json().items).toHaveLength(1);
    // the response submitted at the end of that call (linked to the task) shows the answer given during it
    const base = await t.database.db
      .selectFrom('surveyResponses')
      .select(['dealerId', 'versionId', 'templateId', 'channel'])
      .where('id', '=', qResponse)
      .executeTakeFirstOrThrow();
    const later = await t.database.db
      .insertInto('surveyResponses')
      .values({ ...base, taskId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const onLater = (await t.as(agent, 'GET', `/api/faq/uses?responseId=${later.id}`)).json();
    expect(onLater.items.map((u: { taskId: string }) => u.taskId)).toEqual([taskId]);
    expect((await t.as(agent, 'GET', '/api/faq/uses')).statusCode).toBe(400);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.as(agent, 'POST', `/api/faq/${hit.id}/uses`, { responseId: missing })).statusCode).toBe(404);
    const hzTask = await manualTask('HZ002');
    expect((await t.as(agent, 'POST', `/api/faq/${hit.id}/uses`, { taskId: hzTask })).statusCode).toBe(404);
    expect((await t.as(agent, 'GET', `/api/faq/${hit.id}`)).json().useCount).toBe(1);
  });

  it("answers 404 for another dealer's article and never shows it in search", async () => {
    const mine = (await search(agent, `q=${encodeURIComponent('刹车异响')}`)).items[0]!;
    const hz = await t.login('hz_agent');
    const hzAdmin = await t.login('hz_admin');
    expect((await t.as(hz, 'GET', `/api/faq/${mine.id}`)).statusCode).toBe(404);
    expect((await t.as(hz, 'POST', `/api/faq/${mine.id}/uses`, {})).statusCode).toBe(404);
    expect((await t.as(hzAdmin, 'PUT', `/api/faq/${mine.id}`, article())).statusCode).toBe(404);
    expect((await t.as(hzAdmin, 'POST', `/api/faq/${mine.id}/archive`)).statusCode).toBe(404);
    const theirs = await search(hz, `q=${encodeURIComponent('刹车异响')}`);
    expect(theirs.items[0]?.question).toBe(mine.question);
    expect(theirs.items.map((i) => i.id)).not.toContain(mine.id);
    const created = (
      await t.as(hzAdmin, 'POST', '/api/faq', article({ question: '杭州店专属问题：洗车免费吗？' }))
    ).json();
    expect((await search(agent, `q=${encodeURIComponent('洗车免费')}`)).items.map((i) => i.id)).not.toContain(
      created.id,
    );
  });

  it('imports articles from an .xlsx, reporting the rows it refused', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('FAQ');
    ws.addRow(['问题', '答案', '分类', '标签', '来源', '版本', '生效日期']);
    ws.addRow([
      '钥匙遥控失灵怎么办？',
      '请更换钥匙电池（CR2032）。',
      '电瓶与电气',
      '钥匙，电池',
      '技术解答手册',
      '2014',
      '2014-03-01',
    ]);
    ws.addRow(['', '没有问题的一行', '其他', '', '', '', '']);
    ws.addRow(['洗车是免费的吗？', '保养客户免费洗车一次。', '', '', 'AYT-外来-客服-02', '', '']);
    const body = multipart({}, { name: 'faq.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    const res = await t.as(supervisor, 'POST', '/api/faq/import', body.payload, body.headers);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().created).toBe(2);
    expect(res.json().rejected).toEqual([{ row: 3, reason: expect.stringContaining('question') }]);
    const found = (await search(agent, `q=${encodeURIComponent('钥匙遥控')}`)).items[0]!;
    const detail = (await t.as(agent, 'GET', `/api/faq/${found.id}`)).json();
    expect(detail).toMatchObject({ sourceCode: 'AYT-外来-客服-01', tags: ['钥匙', '电池'], validFrom: '2014-03-01' });
    const text = await t.as(supervisor, 'POST', '/api/faq/import', { x: 1 });
    expect(text.statusCode).toBe(415);
    const wrong = multipart({}, { name: 'faq.xlsx', content: 'not a workbook' });
    expect((await t.as(supervisor, 'POST', '/api/faq/import', wrong.payload, wrong.headers)).statusCode).toBe(422);
  });
});
