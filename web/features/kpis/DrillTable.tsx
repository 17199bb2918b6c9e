import { Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiDrill } from '../../../core/contracts/kpis';
import { useKpiDrill, type DrillParams } from '../../api/kpis';
import { ListExportButtons } from '../../ui/ListExportButtons';

/** The rows behind the clicked chart point (masked personal data), under the charts. */
export function DrillTable({ params, onClose }: { params: DrillParams | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useKpiDrill(params);
  if (!params) return null;
  const rows: KpiDrill['rows'] = q.data?.rows ?? [];
  return (
    <Card
      size="small"
      title={t('kpis.drill.title', { kind: t(`kpis.drill.kinds.${params.kind}`), total: q.data?.total ?? 0 })}
      extra={
        <Space>
          {/* The export's `reason` is the audited export reason; the chart's reason travels as `factor`. */}
          <ListExportButtons
            path="/api/kpis/drill"
            filter={{ ...params, reason: undefined, factor: params.reason }}
            testId="kpi-drill"
          />
          <a onClick={onClose} className="no-print">
            {t('kpis.drill.close')}
          </a>
        </Space>
      }
      style={{ marginTop: 16 }}
      data-testid="kpi-drill"
    >
      <Table
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('kpis.drill.at'), dataIndex: 'at', render: (v: string) => v.replace('T', ' ').slice(0, 16) },
          { title: t('kpis.drill.customer'), dataIndex: 'customer' },
          { title: t('kpis.drill.phone'), dataIndex: 'phone' },
          { title: t('kpis.drill.staff'), dataIndex: 'staff' },
          { title: t('kpis.drill.status'), dataIndex: 'status', render: (v: string) => <Tag>{v}</Tag> },
          { title: t('kpis.drill.score'), dataIndex: 'score' },
          { title: t('kpis.drill.detail'), dataIndex: 'detail' },
        ]}
        onRow={() => ({ 'data-testid': 'kpi-drill-row' }) as React.HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
