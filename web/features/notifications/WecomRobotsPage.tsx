import { Alert, App, Button, Modal, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteRobot, useRobots, useTestRobot, type WecomRobotData } from '../../api/notifications';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';
import { AddRobotForm } from './AddRobotForm';
import { eventLabel } from './event-label';

/** 企业微信群机器人: the dealer's group robots (URL encrypted, shown as a hint), test message, removal. */
export default function WecomRobotsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const robots = useRobots();
  const remove = useDeleteRobot();
  const test = useTestRobot();
  const [adding, setAdding] = useState(false);

  const columns: TableColumnsType<WecomRobotData> = [
    { title: t('notifications.robots.name'), dataIndex: 'name', key: 'name' },
    { title: t('notifications.robots.saved'), dataIndex: 'urlHint', key: 'urlHint' },
    {
      title: t('notifications.robots.events'),
      key: 'events',
      render: (_v, r) =>
        r.events.length
          ? r.events.map((e) => <Tag key={e}>{eventLabel(t, e)}</Tag>)
          : t('notifications.robots.allEvents'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, r) => (
        <Space>
          <Button
            size="small"
            onClick={() =>
              test.mutate(r.id, {
                onSuccess: () => void message.success(t('notifications.robots.testQueued')),
                onError: notifyError,
              })
            }
          >
            {t('notifications.robots.test')}
          </Button>
          <Popconfirm
            title={t('notifications.robots.confirmRemove')}
            onConfirm={() => remove.mutate(r.id, { onError: notifyError })}
          >
            <Button size="small" danger>
              {t('notifications.robots.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('notifications.robots.title')}
        extra={
          <Button type="primary" onClick={() => setAdding(true)} data-testid="robot-add">
            {t('notifications.robots.add')}
          </Button>
        }
      />
      <Alert type="info" showIcon title={t('notifications.robots.secretNote')} style={{ marginBottom: 16 }} />
      {robots.isError && <QueryError error={robots.error} onRetry={() => void robots.refetch()} />}
      <Table<WecomRobotData>
        rowKey="id"
        columns={columns}
        dataSource={robots.data?.items ?? []}
        loading={robots.isPending && !robots.isError}
        pagination={false}
        data-testid="robots-table"
      />
      <Modal
        open={adding}
        title={t('notifications.robots.add')}
        footer={null}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <AddRobotForm onDone={() => setAdding(false)} />
      </Modal>
    </>
  );
}
