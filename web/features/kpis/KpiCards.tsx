import { Card, Col, Row, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiRow } from '../../../core/contracts/kpis';
import { useKpiSummary, type KpiRange } from '../../api/kpis';
import { limitPct } from './format';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The SPEC §5.1–§5.3 KPIs of the last month of the range: rates, validity flags and the > 90 target. */
export function KpiCards({ range }: { range: KpiRange }) {
  const { t } = useTranslation();
  const q = useKpiSummary(range, 'month', 'dealer');
  const row: KpiRow | undefined = q.data?.rows.at(-1);
  if (!row) return null;
  // the labels show the thresholds this month was judged by (the dealer's version in force on its first day)
  const th = row.thresholds;
  const op = th.inclusive ? '≥' : '>';
  const min: Record<string, string> = { callbackValidity: limitPct(th.callback), surveyValidity: limitPct(th.survey) };
  const item = (key: string, value: string | number, danger = false) => (
    <Col xs={12} md={6} lg={4} key={key}>
      <Statistic
        title={t(`kpis.cards.${key}` as 'kpis.cards.callbackValidity', {
          op,
          min: min[key] ?? '',
          target: String(th.target),
        })}
        value={value}
        valueStyle={danger ? { color: '#cf1322' } : undefined}
      />
    </Col>
  );
  return (
    <Card
      size="small"
      title={t('kpis.cards.title', { period: row.period.slice(0, 7) })}
      style={{ marginBottom: 16 }}
      data-testid="kpi-cards"
      extra={
        <Tag color={row.monthValid ? 'green' : 'red'} data-testid="kpi-valid">
          {row.monthValid
            ? t('kpis.cards.valid')
            : t('kpis.cards.invalid', { callback: limitPct(th.callback), survey: limitPct(th.survey) })}
        </Tag>
      }
    >
      <Row gutter={[16, 16]}>
        {item('score', row.satisfactionScore ?? '—', !row.meetsTarget)}
        {item('satisfactionRate', pct(row.satisfactionRate))}
        {item('repairRate', pct(row.repairCallbackRate))}
        {item('salesRate', pct(row.salesCallbackRate))}
        {item('coverage', pct(row.coverage))}
        {item('callbackValidity', pct(row.callbackValidity), !row.callbackValid)}
        {item('surveyValidity', pct(row.surveyValidity), !row.surveyValid)}
        {item('ftr', pct(row.firstTimeResolution))}
        {item('closure', row.closureHoursMean ?? '—')}
        {item('overdue', row.overdue, row.overdue > 0)}
      </Row>
    </Card>
  );
}
