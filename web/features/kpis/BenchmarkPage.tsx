import { Card, Flex, Input, Select, Statistic, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiBenchmark } from '../../../core/contracts/kpis';
import { useKpiBenchmark } from '../../api/kpis';
import { ListExportButtons } from '../../ui/ListExportButtons';
import { PageTitle } from '../../ui/PageTitle';
import { EChart } from './EChart';

type Row = KpiBenchmark['dealers'][number];
const COLORS: Record<string, string> = { above_both: 'green', below_one: 'orange', below_both: 'red' };

/**
 * The group analyst's benchmark (issue 7, SPEC §5.5): every dealer of the scope with its score, national rank,
 * regional and national averages (computed in Manyi) and its position; a dealer user sees their own row.
 */
export default function BenchmarkPage() {
  const { t } = useTranslation();
  const [line, setLine] = useState<'after_sales' | 'sales'>('after_sales');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const q = useKpiBenchmark({ businessLine: line, from: from || undefined, to: to || undefined });
  const data = q.data;
  const option = useMemo(() => {
    const rows = [...(data?.dealers ?? [])].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
    return {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map((r) => r.code) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        { name: t('kpis.benchmark.score'), type: 'bar', data: rows.map((r) => r.score) },
        { name: t('kpis.benchmark.regional'), type: 'line', data: rows.map((r) => r.regionalAverage) },
        {
          name: t('kpis.benchmark.national'),
          type: 'line',
          data: rows.map(() => data?.national ?? null),
          lineStyle: { type: 'dashed' },
        },
      ],
    };
  }, [data, t]);
  return (
    <>
      <PageTitle
        title={t('kpis.benchmark.title')}
        extra={
          <ListExportButtons
            path="/api/kpis/benchmark"
            filter={{ businessLine: line, from: from || undefined, to: to || undefined }}
            testId="benchmark"
          />
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          value={line}
          onChange={setLine}
          style={{ width: 140 }}
          options={(['after_sales', 'sales'] as const).map((v) => ({ value: v, label: t(`kpis.lines.${v}`) }))}
        />
        <Input type="date" style={{ width: 150 }} value={from} onChange={(e) => setFrom(e.target.value)} />
        <Input type="date" style={{ width: 150 }} value={to} onChange={(e) => setTo(e.target.value)} />
      </Flex>
      <Flex wrap gap={32} style={{ marginBottom: 16 }}>
        <Statistic title={t('kpis.benchmark.national')} value={data?.national ?? '—'} />
        <Statistic title={t('kpis.benchmark.dealerCount')} value={data?.dealerCount ?? 0} />
        {data?.regions.map((r) => (
          <Statistic
            key={r.regionId}
            title={`${r.regionName} · ${t('kpis.benchmark.regional')}`}
            value={r.score ?? '—'}
          />
        ))}
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <EChart option={option} testId="kpi-chart-benchmark" />
      </Card>
      <Table<Row>
        size="small"
        rowKey="dealerId"
        loading={q.isLoading}
        dataSource={data?.dealers ?? []}
        data-testid="benchmark-table"
        columns={[
          { title: t('kpis.benchmark.rank'), dataIndex: 'rank', sorter: (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) },
          { title: t('kpis.benchmark.dealer'), render: (_, r) => `${r.name} · ${r.code}` },
          { title: t('kpis.benchmark.region'), dataIndex: 'regionName' },
          { title: t('kpis.benchmark.score'), dataIndex: 'score' },
          { title: t('kpis.benchmark.regional'), dataIndex: 'regionalAverage' },
          { title: t('kpis.benchmark.responses'), dataIndex: 'responses' },
          {
            title: t('kpis.benchmark.position'),
            dataIndex: 'position',
            render: (p: string | null) =>
              p ? <Tag color={COLORS[p]}>{t(`kpis.benchmark.positions.${p}` as 'kpis.benchmark.title')}</Tag> : '—',
          },
        ]}
      />
    </>
  );
}
