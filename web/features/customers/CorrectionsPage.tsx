import { Flex, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Language } from '../../i18n/messages';
import { useCan, useDealerTimeZone } from '../auth/session';
import { formatDateTime } from '../../ui/format';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { CorrectionAction } from './CorrectionAction';
import { type CorrectionData, type CorrectionFilter, useCorrections } from './corrections-api';
import { ListExportButtons } from '../../ui/ListExportButtons';

const FILTERS: CorrectionFilter[] = ['open', 'overdue', 'corrected', 'confirmed', 'rejected', 'all'];
const STATUS_COLOURS: Record<CorrectionData['status'], string> = {
  open: 'processing',
  corrected: 'warning',
  confirmed: 'success',
  rejected: 'default',
};

/** 客户信息修正表 (SPEC §3.17, WF-14): filed by anyone, fixed by the department in 24 h, confirmed by CS. */
export default function CorrectionsPage() {
  const { t, i18n } = useTranslation();
  const timeZone = useDealerTimeZone();
  const [filter, setFilter] = useState<CorrectionFilter>('open');
  const list = useCorrections(filter);
  const canResolve = useCan('corrections:resolve');
  const canConfirm = useCan('corrections:confirm');
  const when = (iso: string | null) => formatDateTime(iso, i18n.language as Language, timeZone) ?? '';

  const columns: TableColumnsType<CorrectionData> = [
    {
      title: t('customers.corrections.customer'),
      key: 'customer',
      render: (_v, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>,
    },
    {
      title: t('customers.corrections.field'),
      key: 'field',
      render: (_v, r) => t(`customers.corrections.fields.${r.field}`),
    },
    {
      title: t('customers.corrections.change'),
      key: 'change',
      render: (_v, r) => (
        <span data-testid="correction-change">
          {r.currentValue ?? t('customers.corrections.empty')} →{' '}
          <Typography.Text strong>{r.proposedValue}</Typography.Text>
        </span>
      ),
    },
    { title: t('customers.corrections.foundHow'), dataIndex: 'foundHow', key: 'foundHow' },
    {
      title: t('customers.corrections.department'),
      key: 'department',
      render: (_v, r) => t(`customers.corrections.departments.${r.department}`),
    },
    {
      title: t('customers.corrections.status'),
      key: 'status',
      render: (_v, r) => (
        <Flex gap={4} wrap>
          <Tag color={STATUS_COLOURS[r.status]}>{t(`customers.corrections.statuses.${r.status}`)}</Tag>
          {r.overdue && <Tag color="error">{t('customers.corrections.overdue')}</Tag>}
        </Flex>
      ),
    },
    { title: t('customers.corrections.raisedBy'), dataIndex: 'raisedBy', key: 'raisedBy' },
    { title: t('customers.corrections.dueAt'), key: 'dueAt', render: (_v, r) => when(r.dueAt) },
    { title: t('customers.corrections.note'), dataIndex: 'resolutionNote', key: 'note' },
    {
      title: t('customers.corrections.actions'),
      key: 'actions',
      className: 'no-print',
      render: (_v, r) =>
        r.status === 'open' && canResolve ? (
          <CorrectionAction row={r} mode="resolve" />
        ) : r.status === 'corrected' && canConfirm ? (
          <CorrectionAction row={r} mode="confirm" />
        ) : null,
    },
  ];

  return (
    <>
      <PageTitle
        title={t('customers.corrections.title')}
        extra={
          <ListExportButtons
            path="/api/corrections"
            filter={filter === 'all' ? {} : { status: filter }}
            testId="corrections"
          />
        }
      />
      <Typography.Paragraph type="secondary">{t('customers.corrections.hint')}</Typography.Paragraph>
      <Segmented<CorrectionFilter>
        value={filter}
        onChange={setFilter}
        options={FILTERS.map((f) => ({ value: f, label: t(`customers.corrections.filters.${f}`) }))}
        style={{ marginBottom: 16 }}
        data-testid="correction-filter"
      />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<CorrectionData>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: <Typography.Text type="secondary">{t('customers.corrections.none')}</Typography.Text> }}
        scroll={{ x: 'max-content' }}
        data-testid="corrections-table"
      />
    </>
  );
}
