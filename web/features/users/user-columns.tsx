import { Button, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { User } from '../../../core/contracts/users';
import type { Language } from '../../i18n/messages';
import { formatDateTime } from '../../ui/format';
import { RoleTags } from '../../ui/RoleTags';

export interface UserActions {
  /** Absent when the viewer lacks users:manage: no action column. */
  edit?: (user: User) => void;
  resetPassword?: (user: User) => void;
  setDisabled?: (user: User, disabled: boolean) => void;
}

interface ColumnContext {
  t: TFunction;
  lang: Language;
  timeZone: string | undefined;
  selfId: string;
  dealerName: (dealerId: string | null) => string;
  actions: UserActions;
}

function statusTags(t: TFunction, user: User) {
  return (
    <>
      {user.disabled ? <Tag color="default">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>}
      {user.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
    </>
  );
}

function actionCell({ t, selfId, actions }: ColumnContext, user: User) {
  const toggle = actions.setDisabled;
  return (
    <Space size={0} wrap>
      {actions.edit && (
        <Button
          type="link"
          size="small"
          onClick={() => actions.edit?.(user)}
          data-testid={`user-edit-${user.username}`}
        >
          {t('common.edit')}
        </Button>
      )}
      {toggle && user.id !== selfId && (
        <Popconfirm
          title={t(user.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: user.displayName })}
          okText={t('common.yes')}
          cancelText={t('common.no')}
          onConfirm={() => toggle(user, !user.disabled)}
        >
          <Button type="link" size="small" danger={!user.disabled} data-testid={`user-toggle-${user.username}`}>
            {user.disabled ? t('users.enable') : t('users.disable')}
          </Button>
        </Popconfirm>
      )}
      {actions.resetPassword && (
        <Button
          type="link"
          size="small"
          onClick={() => actions.resetPassword?.(user)}
          data-testid={`user-reset-${user.username}`}
        >
          {t('users.resetPassword')}
        </Button>
      )}
    </Space>
  );
}

export function userColumns(ctx: ColumnContext): TableColumnsType<User> {
  const { t, lang } = ctx;
  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      key: 'username',
      render: (u: string) => <Typography.Text code>{u}</Typography.Text>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (_v, user) => <RoleTags roles={user.roles} />,
    },
    {
      title: t('users.dealer'),
      dataIndex: 'dealerId',
      key: 'dealer',
      render: (id: string | null) => ctx.dealerName(id),
    },
    { title: t('users.status'), key: 'status', render: (_v, user) => statusTags(t, user) },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      key: 'lastLogin',
      render: (at: string | null) => formatDateTime(at, lang, ctx.timeZone) ?? t('common.never'),
    },
  ];
  if (ctx.actions.edit || ctx.actions.setDisabled || ctx.actions.resetPassword) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, user) => actionCell(ctx, user),
    });
  }
  return columns;
}
