import { hasPermission, type Role } from '../../core/permissions';

/**
 * Route samples for the KPIs and dashboards (issue 7): every read answers 200 for the roles holding it; the
 * thresholds are read by dashboard readers and configurers, and a new version takes a date next year.
 */
type Sample = (f: unknown, role: Role) => { url: string; body?: unknown; ok: number };

export const KPI_SAMPLES: Record<string, Sample> = {
  'GET /api/kpis/summary': () => ({ url: '/api/kpis/summary?granularity=month&groupBy=department', ok: 200 }),
  'GET /api/kpis/trend': () => ({ url: '/api/kpis/trend?granularity=week', ok: 200 }),
  'GET /api/kpis/factors': () => ({ url: '/api/kpis/factors', ok: 200 }),
  'GET /api/kpis/dissatisfaction-pareto': () => ({ url: '/api/kpis/dissatisfaction-pareto', ok: 200 }),
  'GET /api/kpis/staff-ranking': () => ({ url: '/api/kpis/staff-ranking?role=agent', ok: 200 }),
  'GET /api/kpis/overdue-heatmap': () => ({ url: '/api/kpis/overdue-heatmap', ok: 200 }),
  'GET /api/kpis/drill': () => ({ url: '/api/kpis/drill?kind=responses&dissatisfiedOnly=true', ok: 200 }),
  'GET /api/kpis/drill/export.xlsx': () => ({
    url: '/api/kpis/drill/export.xlsx?kind=tasks&reason=%E5%AD%A3%E5%BA%A6%E5%9B%9E%E8%AE%BF%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'GET /api/kpis/benchmark': () => ({ url: '/api/kpis/benchmark?businessLine=after_sales', ok: 200 }),
  'GET /api/kpis/benchmark/export.xlsx': () => ({
    url: '/api/kpis/benchmark/export.xlsx?businessLine=after_sales',
    ok: 200,
  }),
  'GET /api/kpis/staff-ranking/export.xlsx': () => ({
    url: '/api/kpis/staff-ranking/export.xlsx?role=agent&reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'GET /api/kpis/thresholds': (_f, role) => ({
    url: '/api/kpis/thresholds',
    ok: hasPermission([role], 'kpis:read') || hasPermission([role], 'kpis:configure') ? 200 : 403,
  }),
  'PUT /api/kpis/thresholds': () => ({
    url: '/api/kpis/thresholds',
    body: {
      effectiveFrom: `${new Date().getUTCFullYear() + 1}-01-01`,
      callback: 0.5,
      survey: 0.6,
      inclusive: true,
      target: 90,
      note: '沿用 SPEC 预设',
    },
    ok: 200,
  }),
};
