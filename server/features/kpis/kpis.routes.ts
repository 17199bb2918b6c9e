import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BenchmarkQuery,
  DrillQuery,
  KpiBenchmark,
  KpiDrill,
  KpiFactors,
  KpiHeatmap,
  KpiPareto,
  KpiStaffRanking,
  KpiSummary,
  KpiTrend,
  RangeQuery,
  StaffRankingQuery,
  SummaryQuery,
  TrendQuery,
} from '../../../core/contracts/kpis';
import { KpiThresholdsOverview, PutKpiThresholdsRequest } from '../../../core/contracts/kpi-thresholds';
import type { Actor } from '../../http/actor';
import { listExportRoute } from '../exports/list-export';
import { benchmark } from './benchmark.service';
import * as charts from './charts.service';
import { BENCHMARK_EXPORT, DRILL_EXPORT, RANKING_EXPORT } from './kpis.exports';
import { summary } from './kpis.service';
import { getThresholds, putThresholds } from './thresholds.service';

const tags = ['kpis'];

/** KPIs and dashboards (issue 7, SPEC §5.1–§5.6): one dealer's KPIs and charts, and the group benchmark. */
export function kpisRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;
  const read = { access: 'kpis:read' } as const;

  r.get(
    '/api/kpis/summary',
    {
      schema: {
        tags,
        summary: 'SPEC §5.1–§5.3 KPIs per period and grouping',
        querystring: SummaryQuery,
        response: { 200: KpiSummary },
      },
      config: read,
    },
    async (req) => summary(db, actorOf(req), req.query),
  );
  r.get(
    '/api/kpis/trend',
    {
      schema: {
        tags,
        summary: 'Satisfaction score and rate per period (aggregates)',
        querystring: TrendQuery,
        response: { 200: KpiTrend },
      },
      config: read,
    },
    async (req) => charts.trend(db, actorOf(req), req.query),
  );
  r.get(
    '/api/kpis/factors',
    {
      schema: { tags, summary: 'Factor scores (aggregates)', querystring: RangeQuery, response: { 200: KpiFactors } },
      config: read,
    },
    async (req) => charts.factors(db, actorOf(req), req.query),
  );
  r.get(
    '/api/kpis/dissatisfaction-pareto',
    {
      schema: {
        tags,
        summary: 'Dissatisfaction reasons ranked, with cumulative share',
        querystring: RangeQuery,
        response: { 200: KpiPareto },
      },
      config: read,
    },
    async (req) => charts.pareto(db, actorOf(req), req.query),
  );
  r.get(
    '/api/kpis/staff-ranking',
    {
      schema: {
        tags,
        summary: 'Advisors / consultants or agents ranked by score',
        querystring: StaffRankingQuery,
        response: { 200: KpiStaffRanking },
      },
      config: read,
    },
    async (req) => charts.staffRanking(db, actorOf(req), req.query),
  );
  r.get(
    '/api/kpis/overdue-heatmap',
    {
      schema: {
        tags,
        summary: 'Overdue dissatisfaction cases per department and day',
        querystring: RangeQuery,
        response: { 200: KpiHeatmap },
      },
      config: read,
    },
    async (req) => charts.overdueHeatmap(db, actorOf(req), req.query),
  );
  r.get(
    '/api/kpis/drill',
    {
      schema: {
        tags,
        summary: 'The rows behind a chart point (masked)',
        querystring: DrillQuery,
        response: { 200: KpiDrill },
      },
      config: read,
    },
    async (req) => charts.drill(db, actorOf(req), req.query),
  );
  listExportRoute(app, DRILL_EXPORT);
  listExportRoute(app, RANKING_EXPORT);
  listExportRoute(app, BENCHMARK_EXPORT);
  r.get(
    '/api/kpis/benchmark',
    {
      schema: {
        tags,
        summary: 'Dealers with regional and national averages and rank',
        querystring: BenchmarkQuery,
        response: { 200: KpiBenchmark },
      },
      config: { access: 'kpis:benchmark' },
    },
    async (req) => benchmark(db, actorOf(req), req.query),
  );
  r.get(
    '/api/kpis/thresholds',
    {
      schema: {
        tags,
        summary: 'KPI thresholds: in force today, every version, the SPEC preset',
        response: { 200: KpiThresholdsOverview },
      },
      // dashboard readers (kpis:read) and the admins who set them (kpis:configure): checked in the service
      config: { access: 'authenticated' },
    },
    async (req) => getThresholds(db, actorOf(req)),
  );
  r.put(
    '/api/kpis/thresholds',
    {
      schema: {
        tags,
        summary: 'Save a new thresholds version with its effective date',
        body: PutKpiThresholdsRequest,
        response: { 200: KpiThresholdsOverview },
      },
      config: { access: 'kpis:configure' },
    },
    async (req) => putThresholds(db, actorOf(req), req.body),
  );
}
