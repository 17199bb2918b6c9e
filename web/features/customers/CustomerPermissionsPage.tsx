import { Alert, App, Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../core/permissions';
import { FIELD_GROUPS } from '../../../core/rules/customer-privacy';
import { useCustomerPermissions, useSaveCustomerPermissions } from '../../api/customers';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';
import { cellKey, changedItems, indexEntries, type Edits } from './permission-matrix';
import { PermissionCell } from './PermissionCell';

/** 客户信息权限管理表: per role and field group, view / reveal / edit / export; the dealer admin edits it. */
export default function CustomerPermissionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const table = useCustomerPermissions();
  const save = useSaveCustomerPermissions();
  const [edits, setEdits] = useState<Edits>({});
  const { byKey, roles } = indexEntries(table.data?.items ?? []);
  const changes = changedItems(byKey, edits);

  const columns: TableColumnsType<{ role: Role }> = [
    {
      title: t('customers.privacy.role'),
      dataIndex: 'role',
      key: 'role',
      fixed: 'left',
      render: (role: Role) => <Typography.Text strong>{t(`roles.${role}`)}</Typography.Text>,
    },
    ...FIELD_GROUPS.map((group) => ({
      title: t(`customers.privacy.groups.${group}`),
      key: group,
      render: (_v: unknown, { role }: { role: Role }) => {
        const key = cellKey(role, group);
        const entry = byKey.get(key);
        if (!entry) return t('common.none');
        const cell = edits[key] ?? entry;
        const changed = changes.some((c) => c.role === role && c.group === group);
        return (
          <PermissionCell
            cell={cell}
            isDefault={entry.isDefault}
            changed={changed}
            disabled={save.isPending}
            testId={`${role}-${group}`}
            onChange={(next) => setEdits((e) => ({ ...e, [key]: next }))}
          />
        );
      },
    })),
  ];

  const submit = () =>
    save.mutate(changes, {
      onSuccess: () => {
        setEdits({});
        void message.success(t('common.saved'));
      },
      onError: notifyError,
    });

  return (
    <>
      <PageTitle
        title={t('customers.privacy.title')}
        extra={
          <Flex gap={8} align="center">
            {changes.length > 0 && (
              <Typography.Text type="warning">
                {t('customers.privacy.changed', { count: changes.length })}
              </Typography.Text>
            )}
            <Button disabled={changes.length === 0 || save.isPending} onClick={() => setEdits({})}>
              {t('customers.privacy.discard')}
            </Button>
            <Button
              type="primary"
              disabled={changes.length === 0}
              loading={save.isPending}
              onClick={submit}
              data-testid="perm-save"
            >
              {t('common.save')}
            </Button>
          </Flex>
        }
      />
      <Alert type="info" showIcon title={t('customers.privacy.hint')} style={{ marginBottom: 16 }} />
      {table.isError && <QueryError error={table.error} onRetry={() => void table.refetch()} />}
      <Table<{ role: Role }>
        rowKey="role"
        size="small"
        bordered
        columns={columns}
        dataSource={roles.map((role) => ({ role }))}
        loading={table.isFetching && !table.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="perm-table"
      />
    </>
  );
}
