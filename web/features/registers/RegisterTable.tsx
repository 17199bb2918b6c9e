import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegisterKind, RegisterRow } from '../../../core/contracts/registers';
import { useRegister, type RegisterFilter } from '../../api/registers';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { useDealerTimeZone } from '../auth/session';

/** Long texts wrap in a readable column instead of stretching the table. */
const WIDE = { minWidth: 200, maxWidth: 320, whiteSpace: 'normal' as const };

/** One register's rows, paged on the server (SPEC §3.13). */
export function RegisterTable(props: {
  kind: RegisterKind;
  filter: RegisterFilter;
  onPage: (offset: number, limit: number) => void;
}) {
  const { t } = useTranslation();
  const tz = useDealerTimeZone();
  const data = useRegister(props.kind, props.filter);
  const none = t('common.none');
  const text = (v: string | number | null) => (v === null || v === '' ? none : v);
  const columns: TableColumnsType<RegisterRow> = [
    {
      key: 'calledAt',
      title: t('registers.columns.calledAt'),
      render: (_, r) => formatDateTime(r.calledAt, currentLanguage(), tz) ?? none,
    },
    { key: 'customer', title: t('registers.columns.customer'), render: (_, r) => text(r.customerName) },
    { key: 'phone', title: t('registers.columns.phone'), render: (_, r) => text(r.phone) },
    {
      key: 'vehicle',
      title: t('registers.columns.vehicle'),
      render: (_, r) => [r.plate, r.model].filter(Boolean).join(' ') || none,
    },
    { key: 'order', title: t('registers.columns.order'), render: (_, r) => text(r.orderNumber) },
    { key: 'orderDate', title: t('registers.columns.orderDate'), render: (_, r) => text(r.orderDate) },
    { key: 'staff', title: t('registers.columns.staff'), render: (_, r) => text(r.staffName) },
    {
      key: 'result',
      title: t('registers.columns.result'),
      render: (_, r) => (r.taskStatus ? t(`registers.status.${r.taskStatus as 'SUCCESS'}`, r.taskStatus) : none),
    },
    { key: 'score', title: t('registers.columns.score'), render: (_, r) => text(r.score) },
    {
      key: 'satisfaction',
      title: t('registers.columns.satisfaction'),
      render: (_, r) =>
        r.satisfied === null ? (
          none
        ) : (
          <Tag color={r.satisfied ? 'green' : 'red'}>
            {t(r.satisfied ? 'registers.filters.satisfied' : 'registers.filters.dissatisfied')}
          </Tag>
        ),
    },
    {
      key: 'problems',
      title: t('registers.columns.problems'),
      render: (_, r) => <div style={WIDE}>{r.dissatisfiedItems.length ? r.dissatisfiedItems.join('；') : none}</div>,
    },
    {
      key: 'faq',
      title: t('registers.columns.faq'),
      render: (_, r) => <div style={WIDE}>{r.faqAnswers.length ? r.faqAnswers.join('；') : none}</div>,
    },
    { key: 'agent', title: t('registers.columns.agent'), render: (_, r) => text(r.agentName) },
  ];
  if (data.isError) return <QueryError error={data.error} onRetry={() => void data.refetch()} />;
  const limit = props.filter.limit ?? 50;
  return (
    <>
      {data.data?.register.code && (
        <Typography.Text type="secondary" data-testid="register-code">
          {data.data.register.dealerName} · {t('registers.code', { code: data.data.register.code })}
        </Typography.Text>
      )}
      <Table<RegisterRow>
        rowKey={(r) => r.taskId ?? r.responseId ?? ''}
        size="small"
        loading={data.isFetching}
        columns={columns}
        dataSource={data.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid={`register-table-${props.kind}`}
        pagination={{
          current: Math.floor((props.filter.offset ?? 0) / limit) + 1,
          pageSize: limit,
          total: data.data?.total ?? 0,
          showTotal: (count) => t('registers.total', { count }),
          onChange: (page, size) => props.onPage((page - 1) * size, size),
        }}
      />
    </>
  );
}
