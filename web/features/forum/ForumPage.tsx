import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Segmented, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  useCreateForumItem,
  useForumItems,
  useForumToComplaint,
  useUpdateForumItem,
  type ForumItemData,
} from '../../api/hotline';
import type { Language } from '../../i18n/messages';
import { formatDateTime } from '../../ui/format';
import { ListExportButtons } from '../../ui/ListExportButtons';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';
import { useCan, useDealerTimeZone } from '../auth/session';
import { ActionModal } from '../complaints/ActionModal';
import { StaffSelect } from '../complaints/StaffSelect';

const SITES = ['汽车之家', '易车', '懂车帝', '微博', '抖音'];
const SENTIMENT_COLOR = { positive: 'green', neutral: 'default', negative: 'red' } as const;
type Status = 'new' | 'forwarded' | 'handled' | 'ignored';

/** 网络论坛监控 (SPEC §3.25, WF-18): posts found online, forwarded to the responsible person, or a complaint. */
export default function ForumPage() {
  const { t, i18n } = useTranslation();
  const tz = useDealerTimeZone();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const canComplain = useCan('complaints:create');
  const [status, setStatus] = useState<Status | 'all'>('new');
  const list = useForumItems(status === 'all' ? {} : { status });
  const create = useCreateForumItem();
  const update = useUpdateForumItem();
  const toComplaint = useForumToComplaint();
  const [creating, setCreating] = useState(false);
  const [forwarding, setForwarding] = useState<ForumItemData | null>(null);
  const run = (p: Promise<unknown>) => p.catch(notifyError);
  const makeComplaint = async (i: ForumItemData) => {
    const r = await toComplaint.mutateAsync({ id: i.id });
    void message.success(t('forum.complaintCreated'));
    void navigate(`/complaints/${r.complaintId}`);
  };
  const columns: TableColumnsType<ForumItemData> = [
    { title: t('forum.site'), dataIndex: 'site' },
    {
      title: t('forum.postTitle'),
      key: 'title',
      render: (_, i) => (
        <a href={i.url} target="_blank" rel="noreferrer noopener">
          {i.title}
        </a>
      ),
    },
    { title: t('forum.excerpt'), dataIndex: 'excerpt', ellipsis: true, width: 260 },
    {
      title: t('forum.sentiment'),
      key: 's',
      render: (_, i) => <Tag color={SENTIMENT_COLOR[i.sentiment]}>{t(`forum.sentiments.${i.sentiment}`)}</Tag>,
    },
    { title: t('forum.importance'), key: 'imp', render: (_, i) => t(`forum.importances.${i.importance}`) },
    {
      title: t('forum.foundAt'),
      key: 'at',
      render: (_, i) => formatDateTime(i.foundAt, i18n.language as Language, tz),
    },
    { title: t('forum.status'), key: 'st', render: (_, i) => t(`forum.statuses.${i.status}`) },
    { title: t('forum.forwardedTo'), key: 'fw', render: (_, i) => i.forwardedTo?.name ?? t('common.none') },
    {
      title: t('common.actions'),
      key: 'a',
      render: (_, i) => (
        <Space>
          <Button size="small" onClick={() => setForwarding(i)}>
            {t('forum.forward')}
          </Button>
          {i.status !== 'handled' && (
            <Button size="small" onClick={() => void run(update.mutateAsync({ id: i.id, status: 'handled' }))}>
              {t('forum.handled')}
            </Button>
          )}
          {i.status === 'new' && (
            <Button size="small" onClick={() => void run(update.mutateAsync({ id: i.id, status: 'ignored' }))}>
              {t('forum.ignore')}
            </Button>
          )}
          {canComplain && !i.complaintId && (
            <Button size="small" onClick={() => void run(makeComplaint(i))} data-testid="forum-to-complaint">
              {t('forum.toComplaint')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageTitle
        title={t('forum.title')}
        extra={
          <Space>
            <ListExportButtons
              path="/api/forum-items"
              filter={{ status: status === 'all' ? undefined : status }}
              testId="forum"
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="forum-new">
              {t('forum.create')}
            </Button>
          </Space>
        }
      />
      <Segmented
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(v) => setStatus(v as Status | 'all')}
        options={[
          ...(['new', 'forwarded', 'handled', 'ignored'] as const).map((s) => ({
            value: s,
            label: t(`forum.statuses.${s}`),
          })),
          { value: 'all', label: t('common.all') },
        ]}
      />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<ForumItemData>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="forum-table"
      />
      <ActionModal<{
        site: string;
        url: string;
        title: string;
        excerpt?: string;
        sentiment: 'positive' | 'neutral' | 'negative';
        importance: 'low' | 'normal' | 'high';
      }>
        open={creating}
        onClose={() => setCreating(false)}
        title={t('forum.create')}
        initialValues={{ site: '汽车之家', sentiment: 'negative', importance: 'normal' }}
        onSubmit={(v) => create.mutateAsync({ ...v, excerpt: v.excerpt || undefined })}
      >
        <Form.Item name="site" label={t('forum.site')} rules={[{ required: true, max: 40 }]}>
          <Select options={SITES.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="url" label={t('forum.url')} rules={[{ required: true, pattern: /^https?:\/\/\S+$/ }]}>
          <Input />
        </Form.Item>
        <Form.Item name="title" label={t('forum.postTitle')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="excerpt" label={t('forum.excerpt')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="sentiment" label={t('forum.sentiment')}>
          <Segmented
            options={(['negative', 'neutral', 'positive'] as const).map((s) => ({
              value: s,
              label: t(`forum.sentiments.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="importance" label={t('forum.importance')}>
          <Segmented
            options={(['low', 'normal', 'high'] as const).map((s) => ({
              value: s,
              label: t(`forum.importances.${s}`),
            }))}
          />
        </Form.Item>
      </ActionModal>
      <ActionModal<{ staffId: string; note?: string }>
        open={forwarding !== null}
        onClose={() => setForwarding(null)}
        title={t('forum.forward')}
        onSubmit={(v) => update.mutateAsync({ id: forwarding!.id, forwardedToStaffId: v.staffId, note: v.note ?? '' })}
      >
        <Form.Item name="staffId" label={t('forum.forwardedTo')} rules={[{ required: true }]}>
          <StaffSelect />
        </Form.Item>
        <Form.Item name="note" label={t('complaints.penalties.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </ActionModal>
    </>
  );
}
