import type { Role } from '../../core/permissions';
import type { TestApp } from '../harness';

/**
 * Route samples and fixture data for reports and CAPA (issue 7 part 2). State-changing samples are repeatable:
 * generating refreshes the same draft, annotating a draft sets the same text, submitting an already submitted
 * report and closing a draft CAPA answer 409 for every role allowed to try.
 */
export interface ReportsFixture {
  draftReport: string;
  submittedReport: string;
  draftCapa: string;
}
type Sample = (f: ReportsFixture, role: Role) => { url: string; body?: unknown; ok: number };

export const REPORT_SAMPLES: Record<string, Sample> = {
  'GET /api/reports': () => ({ url: '/api/reports?kind=monthly_sales&limit=10', ok: 200 }),
  'POST /api/reports': () => ({ url: '/api/reports', body: { kind: 'daily_sales', period: '2026-03-02' }, ok: 201 }),
  'GET /api/reports/:id': (f) => ({ url: `/api/reports/${f.draftReport}`, ok: 200 }),
  'PATCH /api/reports/:id': (f) => ({
    url: `/api/reports/${f.draftReport}`,
    body: { annotations: '本月重点：等待时间' },
    ok: 200,
  }),
  'POST /api/reports/:id/submit': (f) => ({ url: `/api/reports/${f.submittedReport}/submit`, ok: 409 }),
  'GET /api/reports/:id/print': (f) => ({ url: `/api/reports/${f.draftReport}/print`, ok: 200 }),
  'GET /api/reports/:id/export.xlsx': (f) => ({ url: `/api/reports/${f.draftReport}/export.xlsx`, ok: 200 }),
  'GET /api/report-recipients': () => ({ url: '/api/report-recipients', ok: 200 }),
  'PUT /api/report-recipients/:kind': () => ({
    url: '/api/report-recipients/daily_sales',
    body: { roles: ['gm'], emails: ['gm@sh001.example.cn'], sendTime: '18:00' },
    ok: 200,
  }),
  'GET /api/report-settings': () => ({ url: '/api/report-settings', ok: 200 }),
  'PUT /api/report-settings': () => ({
    url: '/api/report-settings',
    body: { monthlyDueDay: 10, exportReasonRows: 200 },
    ok: 200,
  }),
  'GET /api/capa': () => ({ url: '/api/capa?status=draft', ok: 200 }),
  'POST /api/capa': () => ({
    url: '/api/capa',
    body: { origin: 'recurring_problem', department: 'after_sales', description: '交车等待时间过长反复出现' },
    ok: 201,
  }),
  'GET /api/capa/:id': (f) => ({ url: `/api/capa/${f.draftCapa}`, ok: 200 }),
  'PATCH /api/capa/:id': (f) => ({ url: `/api/capa/${f.draftCapa}`, body: { measures: '增加交车专员' }, ok: 200 }),
  'POST /api/capa/:id/transition': (f) => ({
    url: `/api/capa/${f.draftCapa}/transition`,
    body: { action: 'close' },
    ok: 409,
  }),
};

export async function reportsFixture(t: TestApp): Promise<ReportsFixture> {
  const db = t.database.db;
  const dealerId = (await db.selectFrom('dealers').select('id').where('code', '=', 'SH001').executeTakeFirstOrThrow())
    .id;
  const report = (period: string, status: string) =>
    db
      .insertInto('reports')
      .values({
        dealerId,
        kind: 'monthly_sales',
        period,
        periodStart: `${period}-01`,
        periodEnd: `${period}-28`,
        status,
        data: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const capa = await db
    .insertInto('capaActions')
    .values({ dealerId, origin: 'complaint', department: 'sales', description: '试驾预约不及时' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    draftReport: await report('2026-01', 'draft'),
    submittedReport: await report('2026-02', 'submitted'),
    draftCapa: capa.id,
  };
}
