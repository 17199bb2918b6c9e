import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { KpiThresholdsOverview, type PutKpiThresholdsRequest } from '../../core/contracts/kpi-thresholds';
import {
  KpiBenchmark,
  KpiDrill,
  KpiFactors,
  KpiHeatmap,
  KpiPareto,
  KpiStaffRanking,
  KpiSummary,
  KpiTrend,
} from '../../core/contracts/kpis';
import { api } from './client';

/** KPIs and dashboards (issue 7): one hook per chart, plus the drill-down rows and the group benchmark. */
export interface KpiRange {
  from?: string;
  to?: string;
  businessLine?: 'after_sales' | 'sales';
}
export type DrillParams = KpiRange & {
  kind: 'responses' | 'tasks' | 'cases';
  granularity?: 'day' | 'week' | 'month' | 'quarter';
  period?: string;
  reason?: string;
  staffKey?: string;
  staffRole?: 'advisor' | 'agent';
  department?: string;
  overdueOnly?: 'true';
  dissatisfiedOnly?: 'true';
};

const clean = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
const opts = { placeholderData: keepPreviousData };

export const useKpiSummary = (r: KpiRange, granularity: string, groupBy: string) =>
  useQuery({
    queryKey: ['kpis', 'summary', r, granularity, groupBy],
    queryFn: () => api.get('/kpis/summary', { query: clean({ ...r, granularity, groupBy }), schema: KpiSummary }),
    ...opts,
  });
export const useKpiTrend = (r: KpiRange, granularity: string) =>
  useQuery({
    queryKey: ['kpis', 'trend', r, granularity],
    queryFn: () => api.get('/kpis/trend', { query: clean({ ...r, granularity }), schema: KpiTrend }),
    ...opts,
  });
export const useKpiFactors = (r: KpiRange) =>
  useQuery({
    queryKey: ['kpis', 'factors', r],
    queryFn: () => api.get('/kpis/factors', { query: clean(r), schema: KpiFactors }),
    ...opts,
  });
export const useKpiPareto = (r: KpiRange) =>
  useQuery({
    queryKey: ['kpis', 'pareto', r],
    queryFn: () => api.get('/kpis/dissatisfaction-pareto', { query: clean(r), schema: KpiPareto }),
    ...opts,
  });
export const useKpiRanking = (r: KpiRange, role: 'advisor' | 'agent') =>
  useQuery({
    queryKey: ['kpis', 'ranking', r, role],
    queryFn: () => api.get('/kpis/staff-ranking', { query: clean({ ...r, role }), schema: KpiStaffRanking }),
    ...opts,
  });
export const useKpiHeatmap = (r: KpiRange) =>
  useQuery({
    queryKey: ['kpis', 'heatmap', r],
    queryFn: () => api.get('/kpis/overdue-heatmap', { query: clean(r), schema: KpiHeatmap }),
    ...opts,
  });
export const useKpiDrill = (p: DrillParams | null) =>
  useQuery({
    queryKey: ['kpis', 'drill', p],
    queryFn: () => api.get('/kpis/drill', { query: clean(p ?? {}), schema: KpiDrill }),
    enabled: p !== null,
  });
export const useKpiBenchmark = (q: { from?: string; to?: string; businessLine: string; factor?: string }) =>
  useQuery({
    queryKey: ['kpis', 'benchmark', q],
    queryFn: () => api.get('/kpis/benchmark', { query: clean(q), schema: KpiBenchmark }),
    ...opts,
  });

/** The dealer's versioned KPI thresholds (SPEC §5.2, §5.3, C24): in force today, every version, the preset. */
export const useKpiThresholds = () =>
  useQuery({
    queryKey: ['kpis', 'thresholds'],
    queryFn: () => api.get('/kpis/thresholds', { schema: KpiThresholdsOverview }),
  });

/** Saves a new version; every KPI read is refreshed (verdicts may change from the effective date). */
export const useSaveKpiThresholds = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PutKpiThresholdsRequest) => api.put('/kpis/thresholds', body, { schema: KpiThresholdsOverview }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['kpis'] });
    },
  });
};
