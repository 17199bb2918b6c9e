import { hasPermission, type Permission, type Role } from '../core/permissions';
import type { Session, TestApp } from './harness';

/** Route samples and fixture data for the questionnaire and response routes (issue 4). */

export interface QuestionnaireFixture {
  qDraft: string;
  qPublished: string;
  qTemplate: string;
  qResponse: string;
  qToApprove: string[];
  qToPublish: string[];
  qToRetire: string[];
  qToRevise: string[];
  qToDelete: string[];
}
type Sample = (f: QuestionnaireFixture, role: Role) => { url: string; body?: unknown; ok: number };

/** A small valid questionnaire: one rating with a reason follow-up and a yes/no. */
export const SMALL_CONTENT = {
  name: { zh: '矩阵问卷', en: 'Matrix questionnaire' },
  businessLine: 'after_sales',
  channel: 'phone',
  questions: [
    {
      key: 'q1',
      type: 'rating',
      text: { zh: '您对本次服务满意吗?', en: 'Are you satisfied with the service?' },
      mandatory: true,
      scale: {
        kind: 'levels',
        preset: 'level3',
        levels: [
          { key: 'very_satisfied', label: { zh: '非常满意', en: 'Very satisfied' }, points: 100 },
          { key: 'satisfied', label: { zh: '满意', en: 'Satisfied' }, points: 80 },
          { key: 'dissatisfied', label: { zh: '不满意', en: 'Dissatisfied' }, points: 0 },
        ],
        satisfiedMin: 80,
      },
    },
    {
      key: 'q2',
      type: 'reason',
      text: { zh: '不满意的原因?', en: 'Why not?' },
      weight: 0,
      showIf: { question: 'q1', op: 'below_satisfied' },
    },
    { key: 'q3', type: 'yes_no', text: { zh: '是否按时交车?', en: 'Delivered on time?' } },
  ],
};

const NONE = '00000000-0000-4000-8000-000000000000';
/** Routes that move a version on take one from a pool, only for roles that pass the permission check. */
const popFor = (pool: string[], role: Role, p: Permission) => (hasPermission([role], p) ? (pool.pop() ?? NONE) : NONE);
const manage = 'questionnaires:manage';

export const QUESTIONNAIRE_SAMPLES: Record<string, Sample> = {
  'GET /api/questionnaire-presets': () => ({ url: '/api/questionnaire-presets', ok: 200 }),
  'GET /api/questionnaires': () => ({ url: '/api/questionnaires', ok: 200 }),
  'POST /api/questionnaires': () => ({ url: '/api/questionnaires', body: { presetKey: 'b2b-3level' }, ok: 201 }),
  'GET /api/questionnaires/:id': (f) => ({ url: `/api/questionnaires/${f.qTemplate}`, ok: 200 }),
  'POST /api/questionnaires/:id/versions': (f, role) => ({
    url: `/api/questionnaires/${popFor(f.qToRevise, role, manage)}/versions`,
    ok: 201,
  }),
  'POST /api/questionnaires/import': () => ({
    url: '/api/questionnaires/import',
    body: { survey: { title: '导入', elements: [{ type: 'boolean', name: 'ok', title: '是否满意?' }] } },
    ok: 201,
  }),
  'GET /api/questionnaire-versions/:id': (f) => ({ url: `/api/questionnaire-versions/${f.qDraft}`, ok: 200 }),
  'PUT /api/questionnaire-versions/:id': (f) => ({
    url: `/api/questionnaire-versions/${f.qDraft}`,
    body: SMALL_CONTENT,
    ok: 200,
  }),
  'DELETE /api/questionnaire-versions/:id': (f, role) => ({
    url: `/api/questionnaire-versions/${popFor(f.qToDelete, role, manage)}`,
    ok: 200,
  }),
  'GET /api/questionnaire-versions/:id/surveyjs': (f) => ({
    url: `/api/questionnaire-versions/${f.qPublished}/surveyjs`,
    ok: 200,
  }),
  'POST /api/questionnaire-versions/:id/validate': (f) => ({
    url: `/api/questionnaire-versions/${f.qDraft}/validate`,
    ok: 200,
  }),
  // Only the dealer's approver roles (preset: the GM) may sign off; other holders of the permission get 403.
  'POST /api/questionnaire-versions/:id/approve': (f, role) => ({
    url: `/api/questionnaire-versions/${popFor(f.qToApprove, role, 'questionnaires:approve')}/approve`,
    ok: role === 'gm' ? 200 : 403,
  }),
  'POST /api/questionnaire-versions/:id/publish': (f, role) => ({
    url: `/api/questionnaire-versions/${popFor(f.qToPublish, role, manage)}/publish`,
    ok: 200,
  }),
  'POST /api/questionnaire-versions/:id/retire': (f, role) => ({
    url: `/api/questionnaire-versions/${popFor(f.qToRetire, role, manage)}/retire`,
    ok: 200,
  }),
  'GET /api/questionnaire-settings': () => ({ url: '/api/questionnaire-settings', ok: 200 }),
  'PUT /api/questionnaire-settings': () => ({
    url: '/api/questionnaire-settings',
    body: { approverRoles: ['gm'] },
    ok: 200,
  }),
  'POST /api/responses': (f) => ({
    url: '/api/responses',
    body: { versionId: f.qPublished, answers: [{ question: 'q1', value: 'very_satisfied' }] },
    ok: 201,
  }),
  'GET /api/responses/:id': (f) => ({ url: `/api/responses/${f.qResponse}`, ok: 200 }),
  'POST /api/responses/:id/annotations': (f) => ({
    url: `/api/responses/${f.qResponse}/annotations`,
    body: { note: '客户来电更正:实际为满意' },
    ok: 201,
  }),
};

async function must(res: { statusCode: number; body: string; json(): unknown }, status: number) {
  if (res.statusCode !== status) throw new Error(`fixture: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json() as { id: string; versionId: string; questionnaire: { id: string } };
}

/** Creates questionnaires in each state at SH001, with pools for the routes that consume a state. */
export async function questionnaireFixture(t: TestApp): Promise<QuestionnaireFixture> {
  const cs: Session = await t.login('cs_supervisor');
  const gm: Session = await t.login('gm');
  const create = async () => must(await t.as(cs, 'POST', '/api/questionnaires', { content: SMALL_CONTENT }), 201);
  const draft = async () => (await create()).versionId;
  const approved = async () => {
    const id = await draft();
    await must(await t.as(gm, 'POST', `/api/questionnaire-versions/${id}/approve`), 200);
    return id;
  };
  const published = async () => {
    const id = await approved();
    await must(await t.as(cs, 'POST', `/api/questionnaire-versions/${id}/publish`), 200);
    return id;
  };
  const pool = async (n: number, make: () => Promise<string>) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(await make());
    return out;
  };
  const first = await create();
  const qPublished = await published();
  const response = await must(
    await t.as(cs, 'POST', '/api/responses', {
      versionId: qPublished,
      answers: [{ question: 'q1', value: 'satisfied' }],
    }),
    201,
  );
  const templateOf = async (versionId: string) =>
    (await must(await t.as(cs, 'GET', `/api/questionnaire-versions/${versionId}`), 200)) as unknown as {
      templateId: string;
    };
  return {
    qDraft: first.versionId,
    qTemplate: first.questionnaire.id,
    qPublished,
    qResponse: response.id,
    qToApprove: await pool(4, draft),
    qToPublish: await pool(6, approved),
    qToRetire: await pool(6, published),
    qToRevise: await Promise.all((await pool(6, published)).map(async (v) => (await templateOf(v)).templateId)),
    qToDelete: await pool(6, draft),
  };
}
