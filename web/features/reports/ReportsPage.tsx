import { SettingOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { REPORT_KINDS, type ReportKind, type ReportSummary } from '../../../core/contracts/reports';
import { useGenerateReport, useReports } from '../../api/reports';
import { PageTitle } from '../../ui/PageTitle';
import { useCan } from '../auth/session';
import { CapaPanel } from './CapaPanel';

/** 报表 (issue 7 part 2, SPEC §6 R2/R3/R8/R9): the reports by kind and period, and the CAPA list. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ReportKind>('monthly_aftersales');
  const list = useReports(kind);
  const generate = useGenerateReport();
  const [period, setPeriod] = useState('');
  const canAnnotate = useCan('reports:annotate');
  const canCapa = useCan('capa:manage');
  const canConfigure = useCan('reports:configure');
  const navigate = useNavigate();
  const columns = [
    { title: t('reports.period'), dataIndex: 'period', key: 'period' },
    {
      title: t('reports.status'),
      key: 'status',
      render: (_: unknown, r: ReportSummary) => (
        <Space>
          <Tag color={r.status === 'submitted' ? 'green' : 'blue'}>{t(`reports.${r.status}`)}</Tag>
          {r.overdue && <Tag color="red">{t('reports.overdue')}</Tag>}
        </Space>
      ),
    },
    { title: t('reports.due'), key: 'due', render: (_: unknown, r: ReportSummary) => r.dueAt?.slice(0, 10) ?? '' },
    {
      title: '',
      key: 'open',
      render: (_: unknown, r: ReportSummary) => (
        <Link to={`/reports/${r.id}`} data-testid={`report-open-${r.period}`}>
          {t('reports.open')}
        </Link>
      ),
    },
  ];
  return (
    <>
      <PageTitle
        title={t('reports.title')}
        extra={
          canConfigure && (
            <Button
              icon={<SettingOutlined />}
              data-testid="report-settings-open"
              onClick={() => void navigate('/reports/settings')}
            >
              {t('reports.settings.open')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={kind}
        onChange={(k) => setKind(k as ReportKind)}
        items={REPORT_KINDS.map((k) => ({
          key: k,
          label: <span data-testid={`report-tab-${k}`}>{t(`reports.kinds.${k}`)}</span>,
        }))}
      />
      {canAnnotate && (
        <Space style={{ marginBottom: 12 }}>
          <Select
            value={kind}
            onChange={setKind}
            options={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))}
          />
          <Input
            data-testid="report-period"
            placeholder={t('reports.periodHint')}
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
          />
          <Button
            data-testid="report-generate"
            loading={generate.isPending}
            disabled={!period}
            onClick={() => generate.mutate({ kind, period })}
          >
            {t('reports.generate')}
          </Button>
        </Space>
      )}
      <Table rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} columns={columns} />
      {canCapa && <CapaPanel />}
    </>
  );
}
