import { Button, Table, Tag, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../api/callbacks';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { useDealerTimeZone } from '../auth/session';

/** The queue rows: who is assigned, who holds the task (lease) until when, overdue in red. */
export function QueueTable(props: {
  rows: QueueRow[];
  loading: boolean;
  pagination: TablePaginationConfig;
  onReassign: (row: QueueRow) => void;
}) {
  const { t } = useTranslation();
  const tz = useDealerTimeZone();
  const none = t('common.none');
  const time = (iso: string | null) => formatDateTime(iso, currentLanguage(), tz) ?? none;
  const columns: TableColumnsType<QueueRow> = [
    { key: 'customer', title: t('callbacks.queue.columns.customer'), render: (_, r) => r.customerName ?? none },
    { key: 'plate', title: t('callbacks.queue.columns.plate'), render: (_, r) => r.plate ?? none },
    { key: 'source', title: t('callbacks.queue.columns.source'), render: (_, r) => r.sourceNumber ?? none },
    { key: 'type', title: t('callbacks.queue.columns.type'), render: (_, r) => t(`callbacks.types.${r.type}`) },
    {
      key: 'status',
      title: t('callbacks.queue.columns.status'),
      render: (_, r) => <Tag>{t(`callbacks.status.${r.status}`)}</Tag>,
    },
    {
      key: 'due',
      title: t('callbacks.queue.columns.due'),
      render: (_, r) => (
        <Typography.Text
          type={r.overdue ? 'danger' : undefined}
          data-testid={r.overdue ? 'queue-overdue-due' : undefined}
        >
          {r.dueStart === r.dueEnd ? r.dueEnd : `${r.dueStart} – ${r.dueEnd}`}
        </Typography.Text>
      ),
    },
    { key: 'attempts', title: t('callbacks.queue.columns.attempts'), dataIndex: 'attemptCount' },
    {
      key: 'assigned',
      title: t('callbacks.queue.columns.assigned'),
      render: (_, r) => <span data-testid="queue-assigned">{r.assignedName ?? none}</span>,
    },
    {
      key: 'holder',
      title: t('callbacks.queue.columns.holder'),
      render: (_, r) =>
        r.leaseName ? (
          <span>
            {r.leaseName}{' '}
            <Typography.Text type="secondary">
              {t('callbacks.queue.until', { time: time(r.leaseExpiresAt) })}
            </Typography.Text>
          </span>
        ) : (
          none
        ),
    },
    {
      key: 'actions',
      title: t('callbacks.queue.columns.actions'),
      render: (_, r) => (
        <Button size="small" onClick={() => props.onReassign(r)} data-testid="queue-reassign">
          {t('callbacks.queue.reassign')}
        </Button>
      ),
    },
  ];
  return (
    <Table<QueueRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={props.rows}
      loading={props.loading}
      pagination={props.pagination}
      scroll={{ x: 'max-content' }}
      data-testid="queue-table"
    />
  );
}
