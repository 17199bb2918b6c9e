import { Badge, Button, Empty, Flex, List, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useInbox, useMarkAllRead, useMarkRead, type NotificationItem } from '../../api/notifications';
import { useDealerTimeZone } from '../auth/session';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';
import { eventLabel } from './event-label';

const PAGE = 20;

/** 消息中心: my notifications, newest first; opening one marks it read. */
export default function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const timeZone = useDealerTimeZone();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const inbox = useInbox({ unreadOnly, limit: PAGE, offset: (page - 1) * PAGE });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const open = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id, { onError: notifyError });
    if (n.link?.startsWith('/')) void navigate(n.link);
  };

  const renderItem = (n: NotificationItem) => (
    <List.Item
      data-testid="inbox-item"
      actions={[
        !n.readAt && (
          <Button key="read" size="small" type="link" onClick={() => markRead.mutate(n.id, { onError: notifyError })}>
            {t('notifications.markRead')}
          </Button>
        ),
        n.link?.startsWith('/') && (
          <Button key="open" size="small" type="link" onClick={() => open(n)}>
            {t('notifications.open')}
          </Button>
        ),
      ].filter(Boolean)}
    >
      <List.Item.Meta
        avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
        title={
          <Typography.Text strong={!n.readAt}>
            {n.title}{' '}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
              {eventLabel(t, n.event)} · {formatDateTime(n.createdAt, currentLanguage(), timeZone)}
            </Typography.Text>
          </Typography.Text>
        }
        description={<span style={{ whiteSpace: 'pre-wrap' }}>{n.body}</span>}
      />
    </List.Item>
  );

  return (
    <>
      <PageTitle
        title={t('notifications.title')}
        extra={
          <Flex gap={8} align="center" wrap>
            <Segmented
              value={unreadOnly ? 'unread' : 'all'}
              options={[
                { value: 'all', label: t('common.all') },
                { value: 'unread', label: t('notifications.unreadOnly') },
              ]}
              onChange={(v) => {
                setUnreadOnly(v === 'unread');
                setPage(1);
              }}
            />
            <Button
              disabled={!inbox.data?.unread}
              loading={markAll.isPending}
              onClick={() => markAll.mutate(undefined, { onError: notifyError })}
              data-testid="inbox-read-all"
            >
              {t('notifications.markAllRead')}
            </Button>
            <Link to="/notifications/preferences">{t('notifications.settings')}</Link>
          </Flex>
        }
      />
      {inbox.isError && <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />}
      <List<NotificationItem>
        loading={inbox.isPending && !inbox.isError}
        dataSource={inbox.data?.items ?? []}
        renderItem={renderItem}
        locale={{ emptyText: <Empty description={t('notifications.empty')} /> }}
        pagination={
          (inbox.data?.total ?? 0) > PAGE
            ? { current: page, pageSize: PAGE, total: inbox.data?.total ?? 0, onChange: setPage }
            : false
        }
        data-testid="inbox-list"
      />
    </>
  );
}
