import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../tests/harness';
import { SMALL_CONTENT } from '../../../tests/questionnaire-samples';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { FIXTURE, seedKpiMonth } from './kpis.fixture';

/**
 * The Pareto of dissatisfaction reasons names each reason by the question text in both languages: the English text
 * of the questionnaire, the Chinese when it has none (the UI then shows Chinese in English too), the key when the
 * question is unknown.
 */
describe(`Pareto labels on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let gm: Session;
  let dealerId: string;
  let versionId: string;
  const url = `/api/kpis/dissatisfaction-pareto?from=${FIXTURE.from}&to=${FIXTURE.to}`;
  const rows = async () => {
    const res = await t.as(gm, 'GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { rows: { reason: string; label: string; labelEn: string }[] }).rows;
  };

  beforeAll(async () => {
    const cs = await t.login('cs_supervisor');
    gm = await t.login('gm');
    dealerId = gm.me.currentDealerId as string;
    versionId = (await t.as(cs, 'POST', '/api/questionnaires', { content: SMALL_CONTENT })).json().versionId as string;
    expect((await t.as(gm, 'POST', `/api/questionnaire-versions/${versionId}/approve`)).statusCode).toBe(200);
    expect((await t.as(cs, 'POST', `/api/questionnaire-versions/${versionId}/publish`)).statusCode).toBe(200);
    await seedKpiMonth(t.database.db, dealerId, versionId, gm.me.user.id);
  });

  it('gives the English question text next to the Chinese', async () => {
    expect(await rows()).toEqual([
      expect.objectContaining({
        reason: 'q1',
        label: '您对本次服务满意吗?',
        labelEn: 'Are you satisfied with the service?',
      }),
    ]);
  });

  it('falls back to the Chinese text when the question has no English, and to the key for an unknown question', async () => {
    const cs = await t.login('cs_supervisor');
    const content = {
      ...SMALL_CONTENT,
      name: { zh: '无英文问卷', en: 'No English' },
      questions: [{ ...SMALL_CONTENT.questions[0], key: 'noise', text: { zh: '车辆有无异响?', en: '' } }],
    };
    const created = await t.as(cs, 'POST', '/api/questionnaires', { content });
    expect(created.statusCode, created.body).toBe(201);
    const v2 = created.json().versionId as string;
    expect((await t.as(gm, 'POST', `/api/questionnaire-versions/${v2}/approve`)).statusCode).toBe(200);
    expect((await t.as(cs, 'POST', `/api/questionnaire-versions/${v2}/publish`)).statusCode).toBe(200);
    await sql`insert into survey_responses (dealer_id, version_id, template_id, channel, submitted_at, score, satisfied,
                                            dissatisfied, agent_user_id)
      select ${dealerId}, v.id, v.template_id, 'phone', '2025-06-27T10:00:00+08:00', 0, false,
             '["noise", "gone"]'::jsonb, ${gm.me.user.id}
      from questionnaire_versions v where v.dealer_id = ${dealerId} and v.id = ${v2}`.execute(t.database.db);
    expect(await rows()).toEqual([
      expect.objectContaining({ reason: 'gone', count: 1, label: 'gone', labelEn: 'gone' }),
      expect.objectContaining({ reason: 'noise', count: 1, label: '车辆有无异响?', labelEn: '车辆有无异响?' }),
      expect.objectContaining({ reason: 'q1', count: 1, labelEn: 'Are you satisfied with the service?' }),
    ]);
  });
});
