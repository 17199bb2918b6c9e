import { Card, Col, Flex, Input, Row, Segmented, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useKpiFactors,
  useKpiHeatmap,
  useKpiPareto,
  useKpiRanking,
  useKpiTrend,
  type DrillParams,
  type KpiRange,
} from '../../api/kpis';
import { ListExportButtons } from '../../ui/ListExportButtons';
import { useCan } from '../auth/session';
import { DrillTable } from './DrillTable';
import { EChart } from './EChart';
import { KpiCards } from './KpiCards';
import { factorOption, heatmapOption, paretoOption, rankingOption, trendOption } from './options';

type Gran = 'day' | 'week' | 'month' | 'quarter';
/**
 * The GM's and directors' dashboard charts (issue 7): KPI cards, satisfaction trend, factor breakdown, Pareto of
 * dissatisfaction reasons, staff ranking and the overdue heat map; a click on a point opens the rows behind it.
 */
/** The KPI part of the home page, for roles that may read KPIs (no KPI request is made for the others). */
export function DashboardCharts() {
  return useCan('kpis:read') ? <KpiDashboard /> : null;
}

function KpiDashboard() {
  const { t, i18n } = useTranslation();
  const [dates, setDates] = useState<[string, string]>(['', '']); // empty: the server's default range in the dealer's time zone
  const [line, setLine] = useState<'all' | 'after_sales' | 'sales'>('all');
  const [gran, setGran] = useState<Gran>('month');
  const [role, setRole] = useState<'advisor' | 'agent'>('advisor');
  const [drill, setDrill] = useState<DrillParams | null>(null);
  const range: KpiRange = useMemo(
    () => ({
      from: dates[0] || undefined,
      to: dates[1] || undefined,
      businessLine: line === 'all' ? undefined : line,
    }),
    [dates, line],
  );
  const trend = useKpiTrend(range, gran);
  const factors = useKpiFactors(range);
  const pareto = useKpiPareto(range);
  const ranking = useKpiRanking(range, role);
  const heat = useKpiHeatmap(range);
  const tt = (k: string): string => t(k as 'kpis.charts.score');
  const options = useMemo(
    () => ({
      trend: trend.data && trendOption(trend.data, tt),
      factors: factors.data && factorOption(factors.data, tt, i18n.language),
      pareto: pareto.data && paretoOption(pareto.data, tt, i18n.language),
      ranking: ranking.data && rankingOption(ranking.data, tt),
      heat: heat.data && heatmapOption(heat.data, tt),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [trend.data, factors.data, pareto.data, ranking.data, heat.data, t, i18n.language],
  );
  const open = (p: Omit<DrillParams, keyof KpiRange>) => setDrill({ ...range, ...p });
  const chart = (key: string, option: Record<string, unknown> | undefined, onPoint: (i: number) => void, span = 12) => (
    <Col xs={24} lg={span} key={key}>
      <Card size="small" title={t(`kpis.charts.${key}` as 'kpis.charts.trend')} data-testid={`kpi-${key}`}>
        {option && <EChart option={option} onPoint={(p) => onPoint(p.dataIndex)} testId={`kpi-chart-${key}`} />}
      </Card>
    </Col>
  );
  const rankRows = ranking.data ? [...ranking.data.rows].reverse() : [];
  return (
    <div data-testid="kpi-dashboard">
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input
          type="date"
          style={{ width: 150 }}
          value={dates[0]}
          onChange={(e) => setDates([e.target.value, dates[1]])}
          data-testid="kpi-from"
        />
        <Input
          type="date"
          style={{ width: 150 }}
          value={dates[1]}
          onChange={(e) => setDates([dates[0], e.target.value])}
          data-testid="kpi-to"
        />
        <Select
          value={line}
          onChange={setLine}
          style={{ width: 140 }}
          options={(['all', 'after_sales', 'sales'] as const).map((v) => ({ value: v, label: t(`kpis.lines.${v}`) }))}
        />
        <Segmented
          value={gran}
          onChange={(v) => setGran(v as Gran)}
          options={(['day', 'week', 'month', 'quarter'] as const).map((v) => ({
            value: v,
            label: t(`kpis.gran.${v}`),
          }))}
        />
      </Flex>
      <KpiCards range={range} />
      <Row gutter={[16, 16]}>
        {chart('trend', options.trend, (i) => {
          const p = trend.data?.points[i];
          if (p) open({ kind: 'responses', granularity: gran, period: p.period });
        })}
        {chart('factors', options.factors, () => open({ kind: 'responses' }))}
        {chart('pareto', options.pareto, (i) => {
          const r = pareto.data?.rows[i];
          if (r) open({ kind: 'responses', reason: r.reason });
        })}
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('kpis.charts.ranking')}
            data-testid="kpi-ranking"
            extra={
              <Space>
                <Segmented
                  size="small"
                  value={role}
                  onChange={(v) => setRole(v as 'advisor' | 'agent')}
                  options={(['advisor', 'agent'] as const).map((v) => ({ value: v, label: t(`kpis.roles.${v}`) }))}
                />
                <ListExportButtons path="/api/kpis/staff-ranking" filter={{ ...range, role }} testId="kpi-ranking" />
              </Space>
            }
          >
            {options.ranking && (
              <EChart
                option={options.ranking}
                testId="kpi-chart-ranking"
                onPoint={(p) => {
                  const r = rankRows[p.dataIndex];
                  if (r) open({ kind: 'responses', staffRole: role, staffKey: r.key });
                }}
              />
            )}
          </Card>
        </Col>
        {chart(
          'heatmap',
          options.heat,
          (i) => {
            const cell = heat.data?.cells[i];
            const day = cell && heat.data?.days[cell[0]];
            const department = cell && heat.data?.departments[cell[1]];
            if (day && department)
              open({ kind: 'cases', granularity: 'day', period: day, department, overdueOnly: 'true' });
          },
          24,
        )}
      </Row>
      <DrillTable params={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
