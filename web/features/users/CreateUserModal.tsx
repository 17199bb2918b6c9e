import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../core/contracts/auth';
import { grantableRoles, type Role } from '../../../core/permissions';
import { ApiError } from '../../api/client';
import { useDealers } from '../../api/org';
import { useCreateUser } from '../../api/users';
import { currentLanguage } from '../../i18n';
import { errorText, fieldErrorsFrom } from '../../ui/api-error';
import { newPasswordRules } from '../../ui/password-rules';
import { can, useSession } from '../auth/session';
import {
  displayNameRules,
  hasSpanningRole,
  LOCALE_OPTIONS,
  roleOptions,
  rolesRules,
  scopeOptions,
  scopeToRequest,
  usernameRules,
  type ScopeValue,
} from './user-form';

const FIELDS = ['username', 'displayName', 'password', 'roles', 'locale'] as const;

interface Values {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  scope?: ScopeValue;
  locale: Locale;
}

/** New user; field rules mirror CreateUserRequest, server refusals land on the field when possible. */
export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const roles = Form.useWatch('roles', form);
  const spanning = hasSpanningRole(roles);
  const dealers = useDealers(open && spanning && can(me, 'org:read'));

  const submit = (values: Values) => {
    const { scope, ...rest } = values;
    const input = {
      ...rest,
      username: rest.username.trim(),
      displayName: rest.displayName.trim(),
      ...scopeToRequest(scope),
    };
    create.mutate(input, {
      onSuccess: () => {
        void message.success(t('common.created'));
        form.resetFields();
        onClose();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'USERNAME_TAKEN') {
          form.setFields([{ name: 'username', errors: [errorText(t, error)] }]);
          return;
        }
        const fields = fieldErrorsFrom(error, FIELDS);
        if (fields.length > 0) form.setFields(fields);
        else void message.error(errorText(t, error));
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('users.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'user-create-submit' }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ locale: currentLanguage(), roles: [] }}
        data-testid="user-create-form"
      >
        <Form.Item name="username" label={t('users.username')} extra={t('users.usernameRule')} rules={usernameRules(t)}>
          <Input autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={displayNameRules(t)}>
          <Input data-testid="user-display-name-input" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('auth.passwordRule')}
          rules={newPasswordRules(t)}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={rolesRules(t)}>
          <Select mode="multiple" options={roleOptions(t, grantableRoles(me.roles))} data-testid="user-roles-select" />
        </Form.Item>
        <Form.Item name="scope" label={t('users.dealer')}>
          <Select
            allowClear
            placeholder={t('users.dealerPlaceholder')}
            options={scopeOptions(t, me.dealers, dealers.data?.items ?? [], spanning)}
            data-testid="user-dealer-select"
          />
        </Form.Item>
        <Form.Item name="locale" label={t('users.locale')}>
          <Select options={LOCALE_OPTIONS} data-testid="user-locale-select" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
