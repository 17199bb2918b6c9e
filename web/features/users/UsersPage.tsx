import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../core/contracts/users';
import { useDealers } from '../../api/org';
import { useUpdateUser, useUsers } from '../../api/users';
import { currentLanguage } from '../../i18n';
import { ListExportButtons } from '../../ui/ListExportButtons';
import { PageTitle } from '../../ui/PageTitle';
import { usePaging } from '../../ui/paging';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';
import { can, useDealerTimeZone, useSession } from '../auth/session';
import { CreateUserModal } from './CreateUserModal';
import { EditUserModal } from './EditUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { userColumns, type UserActions } from './user-columns';

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useSession();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const canManage = can(me, 'users:manage');
  const paging = usePaging();
  const users = useUsers(paging.limitOffset);
  const dealers = useDealers(can(me, 'org:read'));
  const timeZone = useDealerTimeZone();
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const dealerName = (id: string | null): string => {
    if (id === null) return t('users.spanning');
    const dealer = me.dealers.find((d) => d.id === id) ?? dealers.data?.items.find((d) => d.id === id);
    return dealer ? dealer.name : t('common.none');
  };

  const actions: UserActions = canManage
    ? {
        edit: setEditing,
        resetPassword: setResetting,
        setDisabled: (user, disabled) =>
          update.mutate(
            { id: user.id, patch: { disabled } },
            { onSuccess: () => void message.success(t('common.saved')), onError: notifyError },
          ),
      }
    : {};

  const columns = userColumns({ t, lang: currentLanguage(), timeZone, selfId: me.user.id, dealerName, actions });

  return (
    <>
      <PageTitle
        title={t('users.title')}
        extra={
          <Space>
            <ListExportButtons path="/api/users" testId="users" />
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="user-create"
              >
                {t('users.create')}
              </Button>
            )}
          </Space>
        }
      />
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        pagination={paging.pagination(t, users.data?.total)}
        scroll={{ x: 'max-content' }}
        data-testid="users-table"
      />
      {canManage && (
        <>
          <CreateUserModal open={creating} onClose={() => setCreating(false)} />
          <EditUserModal user={editing} onClose={() => setEditing(null)} />
          <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
        </>
      )}
    </>
  );
}
