import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORKED_EXAMPLES } from '../../../core/rules/scoring-examples';
import { useTestApp, type Session } from '../../../tests/harness';
import { SMALL_CONTENT } from '../../../tests/questionnaire-samples';
import { TEST_DB_KIND } from '../../../tests/test-db';

/** Questionnaires through the HTTP app: lifecycle, immutability (API and SQL), scoring, annotations. */
describe(`questionnaires on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let cs: Session;
  let gm: Session;
  let agent: Session;
  beforeAll(async () => {
    [cs, gm, agent] = [await t.login('cs_supervisor'), await t.login('gm'), await t.login('cs_agent')];
  });

  const post = (s: Session, url: string, body?: unknown) => t.as(s, 'POST', url, body);
  async function publish(content: unknown = SMALL_CONTENT): Promise<string> {
    const created = await post(cs, '/api/questionnaires', { content });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().versionId as string;
    expect((await post(gm, `/api/questionnaire-versions/${id}/approve`)).statusCode).toBe(200);
    expect((await post(cs, `/api/questionnaire-versions/${id}/publish`)).statusCode).toBe(200);
    return id;
  }

  it('copies a preset into a draft the dealer can edit; the sales phone preset has items 2–4 mandatory', async () => {
    const presets = (await t.as(cs, 'GET', '/api/questionnaire-presets')).json();
    expect(presets.items.map((p: { key: string }) => p.key)).toContain('sales-phone');
    const res = await post(cs, '/api/questionnaires', { presetKey: 'sales-phone' });
    expect(res.statusCode, res.body).toBe(201);
    const v = (await t.as(cs, 'GET', `/api/questionnaire-versions/${res.json().versionId}`)).json();
    expect(v.status).toBe('draft');
    const mandatory = v.content.questions
      .filter((q: { mandatory: boolean }) => q.mandatory)
      .map((q: { key: string }) => q.key);
    expect(mandatory).toEqual(['knowledge', 'attitude', 'followed_up', 'presentation', 'delivery']);
    expect(v.issues.filter((i: { level: string }) => i.level === 'error')).toEqual([]);
    const edited = { ...v.content, questions: v.content.questions.slice(0, 3) };
    const saved = await t.as(cs, 'PUT', `/api/questionnaire-versions/${v.id}`, edited);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().content.questions).toHaveLength(3);
  });

  it('refuses approval of a draft with errors, naming the field', async () => {
    const bad = { ...SMALL_CONTENT, questions: [{ key: 'x', type: 'single', text: { zh: '选择', en: 'Pick' } }] };
    const id = (await post(cs, '/api/questionnaires', { content: bad })).json().versionId;
    const res = await post(gm, `/api/questionnaire-versions/${id}/approve`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({ path: 'questions.0.options', code: 'OPTIONS_REQUIRED' });
  });

  it('lets only the dealer’s approver roles sign off, and records who and when', async () => {
    const id = (await post(cs, '/api/questionnaires', { content: SMALL_CONTENT })).json().versionId;
    const director = await t.login('aftersales_director');
    expect((await post(director, `/api/questionnaire-versions/${id}/approve`)).statusCode).toBe(403);
    expect((await post(cs, `/api/questionnaire-versions/${id}/publish`)).statusCode).toBe(409);
    const admin = await t.login('dealer_admin');
    const set = await t.as(admin, 'PUT', '/api/questionnaire-settings', {
      approverRoles: ['gm', 'aftersales_director'],
    });
    expect(set.statusCode).toBe(200);
    const ok = await post(director, `/api/questionnaire-versions/${id}/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', approvedByName: expect.any(String) });
    expect(ok.json().approvedAt).toBeTruthy();
    await t.as(admin, 'PUT', '/api/questionnaire-settings', { approverRoles: ['gm'] });
  });

  it('never changes a published version: the API answers 409 and the database refuses raw SQL', async () => {
    const id = await publish();
    const put = await t.as(cs, 'PUT', `/api/questionnaire-versions/${id}`, SMALL_CONTENT);
    expect(put.statusCode).toBe(409);
    expect(put.json().error.code).toBe('CONFLICT');
    expect((await t.as(cs, 'DELETE', `/api/questionnaire-versions/${id}`)).statusCode).toBe(409);
    const db = t.database.db;
    await expect(sql`update questionnaire_versions set name_zh = '篡改' where id = ${id}`.execute(db)).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(
      sql`update questionnaire_questions set text_zh = '篡改' where version_id = ${id}`.execute(db),
    ).rejects.toThrow(/cannot be changed/);
    await expect(sql`delete from questionnaire_questions where version_id = ${id}`.execute(db)).rejects.toThrow();
    await expect(sql`delete from questionnaire_versions where id = ${id}`.execute(db)).rejects.toThrow(
      /cannot be deleted/,
    );
    await expect(
      sql`update questionnaire_versions set status = 'draft' where id = ${id}`.execute(db),
    ).rejects.toThrow();
    const v = (await t.as(cs, 'GET', `/api/questionnaire-versions/${id}`)).json();
    expect(v.content.name.zh).toBe('矩阵问卷');
  });

  it('edits a published questionnaire through a new version; publishing it retires the old one', async () => {
    const v1 = await publish();
    const templateId = (await t.as(cs, 'GET', `/api/questionnaire-versions/${v1}`)).json().templateId;
    const v2 = await post(cs, `/api/questionnaires/${templateId}/versions`);
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json()).toMatchObject({ versionNo: 2, status: 'draft', basedOnVersionId: v1 });
    expect((await post(cs, `/api/questionnaires/${templateId}/versions`)).statusCode).toBe(409);
    await post(gm, `/api/questionnaire-versions/${v2.json().id}/approve`);
    await post(cs, `/api/questionnaire-versions/${v2.json().id}/publish`);
    const list = (await t.as(cs, 'GET', `/api/questionnaires/${templateId}`)).json();
    expect(list.versions.map((v: { status: string }) => v.status)).toEqual(['retired', 'published']);
  });

  it.each(WORKED_EXAMPLES)('scores $name as documented, and records the version', async (example) => {
    const id = await publish(example.content);
    const res = await post(agent, '/api/responses', { versionId: id, answers: example.answers });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.score).toBeCloseTo(example.score ?? NaN, 2);
    expect(r.versionId).toBe(id);
    expect(r.versionNo).toBe(1);
    for (const [code, score] of Object.entries(example.factors)) {
      const f = r.factorScores.find((x: { code: string }) => x.code === code);
      if (score === null) expect(f.score).toBeNull();
      else expect(f.score).toBeCloseTo(score, 2);
    }
    const row = await t.database.db
      .selectFrom('surveyResponses')
      .select(['versionId', 'score'])
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row.versionId).toBe(id);
  });

  it('refuses answers that break types, mandatory questions or skip rules, field by field', async () => {
    const id = await publish();
    const res = await post(agent, '/api/responses', {
      versionId: id,
      answers: [
        { question: 'q2', value: '太慢' },
        { question: 'q3', value: 'maybe' },
        { question: 'nope', value: 1 },
      ],
    });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.details.issues as { path: string; code: string }[];
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'answers.nope', code: 'UNKNOWN_QUESTION' }),
        expect.objectContaining({ path: 'answers.q1', code: 'REQUIRED' }),
        expect.objectContaining({ path: 'answers.q2', code: 'HIDDEN_BY_SKIP_RULE' }),
        expect.objectContaining({ path: 'answers.q3', code: 'WRONG_TYPE' }),
      ]),
    );
    const draft = (await post(cs, '/api/questionnaires', { content: SMALL_CONTENT })).json().versionId;
    const toDraft = await post(agent, '/api/responses', {
      versionId: draft,
      answers: [{ question: 'q1', value: 'satisfied' }],
    });
    expect(toDraft.statusCode).toBe(409);
  });

  it('keeps responses write-once for the application’s database user; corrections are audited annotations', async () => {
    const id = await publish();
    const r = (
      await post(agent, '/api/responses', {
        versionId: id,
        answers: [
          { question: 'q1', value: 'dissatisfied' },
          { question: 'q2', value: '等待时间太长' },
        ],
      })
    ).json();
    expect(r.score).toBe(0);
    expect(r.dissatisfied).toEqual(['q1']);
    const db = t.database.db;
    for (const stmt of [
      sql`update survey_responses set score = 100 where id = ${r.id}`,
      sql`delete from survey_responses where id = ${r.id}`,
      sql`update survey_answers set value = '"very_satisfied"' where response_id = ${r.id}`,
      sql`delete from survey_answers where response_id = ${r.id}`,
    ])
      await expect(stmt.execute(db)).rejects.toThrow(/append-only/);
    expect((await post(agent, `/api/responses/${r.id}/annotations`, { note: 'x' })).statusCode).toBe(403);
    const note = await post(cs, `/api/responses/${r.id}/annotations`, {
      note: '客户来电:实际满意',
      question: 'q1',
      correctedValue: 'satisfied',
    });
    expect(note.statusCode, note.body).toBe(201);
    expect(note.json().score).toBe(0);
    expect(note.json().annotations).toEqual([
      expect.objectContaining({ question: 'q1', correctedValue: 'satisfied', note: '客户来电:实际满意' }),
    ]);
    const audited = await db
      .selectFrom('auditLog')
      .select(['action', 'actorUsername'])
      .where('entityId', '=', r.id)
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual(['response.annotate', 'response.create']);
    const annotationId = note.json().annotations[0].id;
    await expect(sql`delete from response_annotations where id = ${annotationId}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('answers 404 to another dealer’s users and changes nothing', async () => {
    const id = await publish();
    const hz = await t.login('hz_admin');
    const hzAgent = await t.login('hz_agent');
    const v = (await t.as(cs, 'GET', `/api/questionnaire-versions/${id}`)).json();
    const resp = (
      await post(agent, '/api/responses', { versionId: id, answers: [{ question: 'q1', value: 'satisfied' }] })
    ).json();
    for (const res of [
      await t.as(hz, 'GET', `/api/questionnaire-versions/${id}`),
      await t.as(hz, 'GET', `/api/questionnaires/${v.templateId}`),
      await post(hz, `/api/questionnaires/${v.templateId}/versions`),
      await post(hz, `/api/questionnaire-versions/${id}/retire`),
      await t.as(hz, 'GET', `/api/questionnaire-versions/${id}/surveyjs`),
      await post(hzAgent, '/api/responses', { versionId: id, answers: [{ question: 'q1', value: 'satisfied' }] }),
      await t.as(hzAgent, 'GET', `/api/responses/${resp.id}`),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.body).not.toContain('矩阵问卷');
    }
    expect((await t.as(cs, 'GET', `/api/questionnaire-versions/${id}`)).json().status).toBe('published');
  });
});
