import type { KpiFactors, KpiHeatmap, KpiPareto, KpiStaffRanking, KpiTrend } from '../../../core/contracts/kpis';

/** ECharts options for the dashboard charts (pure: data + translated labels in, option out). */
type T = (key: string) => string;
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function trendOption(d: KpiTrend, t: T) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('kpis.charts.score'), t('kpis.charts.rate')] },
    xAxis: { type: 'category', data: d.points.map((p) => p.period) },
    yAxis: [
      { type: 'value', min: 0, max: 100, name: t('kpis.charts.score') },
      { type: 'value', min: 0, max: 100, name: '%' },
    ],
    series: [
      {
        name: t('kpis.charts.score'),
        type: 'line',
        data: d.points.map((p) => p.score),
        markLine: { data: [{ yAxis: d.target, name: t('kpis.charts.target') }], symbol: 'none' },
      },
      { name: t('kpis.charts.rate'), type: 'bar', yAxisIndex: 1, data: d.points.map((p) => pct(p.satisfactionRate)) },
    ],
  };
}

export function factorOption(d: KpiFactors, t: T, lang: string) {
  const label = (r: KpiFactors['rows'][number]) =>
    r.name ? (lang.startsWith('en') ? r.name.en : r.name.zh) : r.factor;
  return {
    tooltip: {},
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: d.rows.map(label) },
    series: [{ name: t('kpis.charts.score'), type: 'bar', data: d.rows.map((r) => r.score) }],
  };
}

/** The Pareto bars are named by the question text in the UI language (English falls back to Chinese on the server). */
export function paretoOption(d: KpiPareto, t: T, lang: string) {
  const en = lang.startsWith('en');
  return {
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: d.rows.map((r) => (en ? r.labelEn : r.label)),
      axisLabel: { interval: 0, width: 80, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', name: t('kpis.charts.count') },
      { type: 'value', min: 0, max: 100, name: '%' },
    ],
    series: [
      { name: t('kpis.charts.count'), type: 'bar', data: d.rows.map((r) => r.count) },
      { name: t('kpis.charts.cumulative'), type: 'line', yAxisIndex: 1, data: d.rows.map((r) => pct(r.cumulative)) },
    ],
  };
}

export function rankingOption(d: KpiStaffRanking, t: T) {
  const rows = [...d.rows].reverse();
  return {
    tooltip: {},
    grid: { left: 100 },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: rows.map((r) => `${r.rank}. ${r.label || '—'}`) },
    series: [{ name: t('kpis.charts.score'), type: 'bar', data: rows.map((r) => r.score) }],
  };
}

export function heatmapOption(d: KpiHeatmap, t: T) {
  const max = Math.max(1, ...d.cells.map((c) => c[2]));
  return {
    tooltip: {},
    grid: { left: 100, bottom: 70 },
    xAxis: { type: 'category', data: d.days, splitArea: { show: true } },
    yAxis: { type: 'category', data: d.departments.map((x) => t(`kpis.departments.${x}`)) },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
    series: [{ name: t('kpis.charts.overdue'), type: 'heatmap', data: d.cells, label: { show: true } }],
  };
}
