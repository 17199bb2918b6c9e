import { Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCases, type CaseFilter, type CaseRowData } from '../../api/cases';
import { QueryError } from '../../ui/QueryError';
import { usePaging } from '../../ui/paging';
import { CaseStatusTag, DueCell } from './labels';
import { ListExportButtons } from '../../ui/ListExportButtons';

/** One list of cases (a tab of the cases page), newest deadline first, overdue rows in red. */
export function CaseTable({ filter }: { filter: CaseFilter }) {
  const { t } = useTranslation();
  const paging = usePaging(20);
  const q = useCases(filter, paging.limitOffset);
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <ListExportButtons path="/api/cases" filter={{ filter }} testId="cases" />
      </Flex>
      <Table<CaseRowData>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items}
        pagination={paging.pagination(t, q.data?.total)}
        data-testid={`cases-table-${filter}`}
        rowClassName={(c) => (c.overdue ? 'case-row-overdue' : '')}
        columns={[
          {
            title: t('cases.columns.formNo'),
            dataIndex: 'formNo',
            render: (v: string, c) => (
              <Link to={`/cases/${c.id}`} data-testid="case-link">
                {v}
              </Link>
            ),
          },
          {
            title: t('cases.columns.customer'),
            render: (_, c) => [c.customerName, c.plate].filter(Boolean).join(' · '),
          },
          {
            title: t('cases.columns.problem'),
            dataIndex: 'problem',
            render: (v: string) => (
              <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 280 }}>
                {v}
              </Typography.Text>
            ),
          },
          { title: t('cases.columns.status'), render: (_, c) => <CaseStatusTag c={c} /> },
          {
            title: t('cases.columns.step'),
            render: (_, c) => (c.currentStep ? t(`cases.steps.${c.currentStep}`) : t('common.none')),
          },
          { title: t('cases.columns.due'), render: (_, c) => <DueCell c={c} /> },
          { title: t('cases.columns.loop'), dataIndex: 'loop', width: 70 },
          { title: t('cases.columns.filledBy'), dataIndex: 'filledByName' },
        ]}
      />
    </>
  );
}
