import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../core/contracts/auth';
import type { User } from '../../../core/contracts/users';
import { grantableRoles, type Role } from '../../../core/permissions';
import { useUpdateUser } from '../../api/users';
import { errorText, fieldErrorsFrom } from '../../ui/api-error';
import { useSession } from '../auth/session';
import { displayNameRules, LOCALE_OPTIONS, roleOptions, rolesRules } from './user-form';

const FIELDS = ['displayName', 'roles', 'locale'] as const;

interface Values {
  displayName: string;
  roles: Role[];
  locale: Locale;
}

/** Name, roles and language of an existing user (UpdateUserRequest). */
export function EditUserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser();

  const submit = (values: Values) => {
    if (!user) return;
    update.mutate(
      { id: user.id, patch: { ...values, displayName: values.displayName.trim() } },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => {
          const fields = fieldErrorsFrom(error, FIELDS);
          if (fields.length > 0) form.setFields(fields);
          else void message.error(errorText(t, error));
        },
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.editTitle', { name: user.displayName }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'user-edit-submit' }}
    >
      {user && (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={{ displayName: user.displayName, roles: user.roles, locale: user.locale }}
          data-testid="user-edit-form"
        >
          <Form.Item label={t('users.username')}>
            <Input value={user.username} disabled />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={displayNameRules(t)}>
            <Input data-testid="user-edit-display-name" />
          </Form.Item>
          <Form.Item name="roles" label={t('users.roles')} rules={rolesRules(t)}>
            <Select
              mode="multiple"
              options={roleOptions(t, grantableRoles(me.roles), user.roles)}
              data-testid="user-edit-roles"
            />
          </Form.Item>
          <Form.Item name="locale" label={t('users.locale')}>
            <Select options={LOCALE_OPTIONS} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
