import { PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCallbackAgents,
  useGenerateNow,
  useQueue,
  type QueueData,
  type QueueFilter,
  type QueueRow,
} from '../../api/callbacks';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { ListExportButtons } from '../../ui/ListExportButtons';
import { usePaging } from '../../ui/paging';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';
import { useDealerTimeZone, useSession } from '../auth/session';
import { AssignDialog } from './AssignDialog';
import { CreateTaskDialog } from './CreateTaskDialog';
import { agentOptions, QueueFilters } from './QueueFilters';
import { QueueTable } from './QueueTable';

/** Who is on what right now (unexpired leases). */
function Holders({ data }: { data: QueueData | undefined }) {
  const { t } = useTranslation();
  const tz = useDealerTimeZone();
  const holders = data?.holders ?? [];
  return (
    <Card size="small" title={t('callbacks.queue.holders')} style={{ marginBottom: 12 }} data-testid="queue-holders">
      {holders.length === 0 ? (
        <Typography.Text type="secondary">{t('callbacks.queue.noHolders')}</Typography.Text>
      ) : (
        <Space wrap>
          {holders.map((h) => (
            <Tag key={h.taskId} color="blue">
              {h.name} · {t('callbacks.queue.until', { time: formatDateTime(h.expiresAt, currentLanguage(), tz) })}
            </Tag>
          ))}
        </Space>
      )}
    </Card>
  );
}

/** 回访队列 (SPEC §4.6 WF-5): leads see the whole queue, reassign, and see who is on what. */
export default function QueuePage() {
  const { t } = useTranslation();
  const me = useSession();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const paging = usePaging(20);
  const [filter, setFilter] = useState<QueueFilter>({});
  const [reassigning, setReassigning] = useState<QueueRow | null>(null);
  const [creating, setCreating] = useState(false);
  const queue = useQueue({ ...filter, ...paging.limitOffset });
  const generate = useGenerateNow();
  const agentList = useCallbackAgents();
  const agents = agentOptions(agentList.data?.items, me.user.id, t);
  const onGenerate = () =>
    generate.mutate(undefined, {
      onSuccess: (r) =>
        void message.success(t('callbacks.queue.generated', { created: r.created, blocked: r.blocked })),
      onError: notifyError,
    });
  const extra = (
    <Space>
      <ListExportButtons path="/api/callbacks/queue" filter={filter} testId="queue" />
      <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="queue-create">
        {t('callbacks.queue.create')}
      </Button>
      <Button
        icon={<ThunderboltOutlined />}
        loading={generate.isPending}
        onClick={onGenerate}
        data-testid="queue-generate"
      >
        {t('callbacks.queue.generate')}
      </Button>
    </Space>
  );
  return (
    <>
      <PageTitle title={t('callbacks.queue.title')} extra={extra} />
      <Holders data={queue.data} />
      <QueueFilters
        filter={filter}
        agents={agents}
        onChange={(patch) => {
          setFilter((f) => ({ ...f, ...patch }));
          paging.reset();
        }}
      />
      {queue.isError ? (
        <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <QueueTable
          rows={queue.data?.items ?? []}
          loading={queue.isFetching}
          pagination={paging.pagination(t, queue.data?.total)}
          onReassign={setReassigning}
        />
      )}
      <AssignDialog row={reassigning} meId={me.user.id} onClose={() => setReassigning(null)} />
      <CreateTaskDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
