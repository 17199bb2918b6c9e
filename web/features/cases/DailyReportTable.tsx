import { Flex, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDailyReport, type DailyReportItemData } from '../../api/cases';
import { ListExportButtons } from '../../ui/ListExportButtons';
import { QueryError } from '../../ui/QueryError';
import { useWhen } from './labels';

/** 售后每日工作汇报 (AYT-JL-客服-05, SPEC §3.12) of one day: the items entered that day and how they went. */
export function DailyReportTable() {
  const { t } = useTranslation();
  const when = useWhen();
  const [date, setDate] = useState<string | undefined>(undefined);
  const q = useDailyReport(date);
  // The day shown: the one picked, else the server's today.
  const shown = date ?? q.data?.date;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const satisfied = (v: boolean | null) =>
    v === null ? (
      t('common.none')
    ) : (
      <Tag color={v ? 'green' : 'red'}>{t(v ? 'cases.closedReasons.satisfied' : 'cases.actions.notSatisfied')}</Tag>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Flex justify="space-between" wrap gap={8}>
        <Input
          type="date"
          style={{ maxWidth: 200 }}
          value={shown ?? ''}
          onChange={(e) => setDate(e.target.value || undefined)}
          data-testid="daily-report-date"
        />
        {/* The paper form AYT-JL-客服-05 of the day shown, as Excel or printed. */}
        <ListExportButtons path="/api/daily-report" filter={{ date: shown }} testId="daily-report" />
      </Flex>
      <Table<DailyReportItemData>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items}
        pagination={false}
        data-testid="daily-report"
        columns={[
          { title: t('cases.columns.formNo'), render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.formNo}</Link> },
          { title: t('cases.columns.customer'), dataIndex: 'customerName' },
          { title: t('cases.columns.problem'), dataIndex: 'problem' },
          {
            title: t('cases.dailyColumns.enteredBy'),
            render: (_, r) => `${r.enteredByName ?? ''} ${when(r.enteredAt)}`,
          },
          { title: t('cases.dailyColumns.sa'), dataIndex: 'saName' },
          { title: t('cases.dailyColumns.resultDue'), render: (_, r) => when(r.resultDueAt) },
          {
            title: t('cases.fields.result'),
            render: (_, r) => (r.resultAt ? `${r.result}（${when(r.resultAt)}）` : t('common.none')),
          },
          { title: t('cases.steps.second_callback'), render: (_, r) => satisfied(r.secondCallbackSatisfied) },
        ]}
      />
    </Space>
  );
}
