import {
  BenchmarkQuery,
  DrillExportQuery,
  StaffRankingQuery,
  type KpiBenchmark,
  type KpiDrill,
  type KpiStaffRanking,
} from '../../../core/contracts/kpis';
import type { ListExportDef } from '../exports/list-export';
import { labels } from '../exports/list-xlsx';
import { benchmark } from './benchmark.service';
import { drill, staffRanking } from './charts.service';

type DrillRow = KpiDrill['rows'][number];
type RankingRow = KpiStaffRanking['rows'][number];
type BenchmarkRow = KpiBenchmark['dealers'][number] & { national: number | null };

const RANGE_LABELS = {
  from: { zh: '起', en: 'from' },
  to: { zh: '止', en: 'to' },
  businessLine: { zh: '业务线', en: 'business line' },
};

/**
 * The rows behind a dashboard chart point as Excel (issue 7): the rows of `GET /api/kpis/drill` for the same
 * filter (the chart's reason as `factor`), read page by page; names and phones masked as on screen.
 */
export const DRILL_EXPORT: ListExportDef<typeof DrillExportQuery, DrillRow> = {
  path: '/api/kpis/drill',
  access: 'kpis:read',
  query: DrillExportQuery,
  entity: 'kpi-drill',
  title: { zh: '看板明细', en: 'Dashboard drill-down' },
  personal: true,
  filterLabels: {
    kind: { zh: '明细', en: 'rows' },
    ...RANGE_LABELS,
    granularity: { zh: '周期', en: 'granularity' },
    period: { zh: '期间', en: 'period' },
    factor: { zh: '不满意因素', en: 'factor' },
    staffKey: { zh: '人员', en: 'staff' },
    staffRole: { zh: '人员角色', en: 'staff role' },
    department: { zh: '部门', en: 'department' },
    overdueOnly: { zh: '仅超期', en: 'overdue only' },
    dissatisfiedOnly: { zh: '仅不满意', en: 'dissatisfied only' },
  },
  rows: async (db, actor, query) => {
    const { factor, ...rest } = query;
    return (await drill(db, actor, { ...rest, reason: factor })).rows;
  },
  columns: [
    // Phone tasks carry their anchor day only; responses and cases their local date and time.
    { header: { zh: '日期', en: 'Date' }, width: 11, type: 'date', value: (r) => r.at },
    {
      header: { zh: '时间', en: 'Time' },
      width: 17,
      type: 'datetime',
      value: (r) => (r.at.includes('T') ? r.at : null),
    },
    { header: { zh: '客户', en: 'Customer' }, width: 10, value: (r) => r.customer },
    { header: { zh: '电话', en: 'Phone' }, width: 14, value: (r) => r.phone, group: 'contact' },
    { header: { zh: '人员', en: 'Staff' }, width: 12, value: (r) => r.staff },
    { header: { zh: '状态', en: 'Status' }, width: 14, value: (r) => r.status },
    { header: { zh: '得分', en: 'Score' }, width: 8, type: 'number', value: (r) => r.score },
    { header: { zh: '明细', en: 'Detail' }, width: 40, value: (r) => r.detail },
  ],
};

/**
 * The dashboard's staff ranking as Excel (issue 7): the rows of `GET /api/kpis/staff-ranking` for the same range
 * and role. It names staff with their dissatisfied counts, so the export guard applies.
 */
export const RANKING_EXPORT: ListExportDef<typeof StaffRankingQuery, RankingRow> = {
  path: '/api/kpis/staff-ranking',
  access: 'kpis:read',
  query: StaffRankingQuery,
  entity: 'kpi-staff-ranking',
  title: { zh: '员工排名', en: 'Staff ranking' },
  personal: true,
  filterLabels: { ...RANGE_LABELS, role: { zh: '岗位', en: 'role' } },
  rows: async (db, actor, query) => (await staffRanking(db, actor, query)).rows,
  columns: [
    { header: { zh: '名次', en: 'Rank' }, width: 7, type: 'number', value: (r) => r.rank },
    { header: { zh: '员工', en: 'Staff' }, width: 14, value: (r) => r.label },
    { header: { zh: '答卷数', en: 'Responses' }, width: 9, type: 'number', value: (r) => r.responses },
    { header: { zh: '得分', en: 'Score' }, width: 9, type: 'number', value: (r) => r.score },
    { header: { zh: '不满意数', en: 'Dissatisfied' }, width: 10, type: 'number', value: (r) => r.dissatisfied },
  ],
};

/**
 * 经销商对标 as Excel (issue 7, SPEC §5.5): the dealers of `GET /api/kpis/benchmark` the actor may see, each with the
 * national average on its row (dealer aggregates, no personal data).
 */
export const BENCHMARK_EXPORT: ListExportDef<typeof BenchmarkQuery, BenchmarkRow> = {
  path: '/api/kpis/benchmark',
  access: 'kpis:benchmark',
  query: BenchmarkQuery,
  entity: 'kpi-benchmark',
  title: { zh: '经销商对标', en: 'Dealer benchmark' },
  personal: false,
  filterLabels: { ...RANGE_LABELS, factor: { zh: '因子', en: 'factor' } },
  rows: async (db, actor, query) => {
    const b = await benchmark(db, actor, query);
    return [...b.dealers]
      .sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || x.code.localeCompare(y.code))
      .map((d) => ({ ...d, national: b.national }));
  },
  columns: [
    { header: { zh: '全国排名', en: 'National rank' }, width: 9, type: 'number', value: (r) => r.rank },
    { header: { zh: '经销商代码', en: 'Dealer code' }, width: 11, value: (r) => r.code },
    { header: { zh: '经销商', en: 'Dealer' }, width: 22, value: (r) => r.name },
    { header: { zh: '区域', en: 'Region' }, width: 12, value: (r) => r.regionName },
    { header: { zh: '得分', en: 'Score' }, width: 9, type: 'number', value: (r) => r.score },
    { header: { zh: '区域平均', en: 'Regional average' }, width: 10, type: 'number', value: (r) => r.regionalAverage },
    { header: { zh: '全国平均', en: 'National average' }, width: 10, type: 'number', value: (r) => r.national },
    { header: { zh: '答卷数', en: 'Responses' }, width: 9, type: 'number', value: (r) => r.responses },
    {
      header: { zh: '位置', en: 'Position' },
      width: 18,
      value: (r) => r.position,
      labels: labels(
        { above_both: '高于区域和全国平均', below_one: '低于其中一项平均', below_both: '低于区域和全国平均' },
        {
          above_both: 'Above regional and national',
          below_one: 'Below one average',
          below_both: 'Below both averages',
        },
      ),
    },
  ],
};
