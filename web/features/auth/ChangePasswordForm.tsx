import { App, Button, Form, Input } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useChangePassword, type ChangePasswordInput } from '../../api/auth';
import { ApiError } from '../../api/client';
import { errorText, fieldErrorsFrom } from '../../ui/api-error';
import { confirmRules, newPasswordRules } from '../../ui/password-rules';

interface Values extends ChangePasswordInput {
  confirm: string;
}

type Field = 'currentPassword' | 'newPassword';

/** The server names the field it refuses (wrong current password, new equal to current): say so there. */
function passwordFieldErrors(t: TFunction, error: unknown): { name: Field; errors: string[] }[] {
  if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') {
    return [{ name: 'currentPassword', errors: [t('auth.currentPasswordWrong')] }];
  }
  return fieldErrorsFrom(error, ['currentPassword', 'newPassword'] as const).map(({ name, errors }) => ({
    name,
    errors:
      name === 'currentPassword'
        ? [t('auth.currentPasswordWrong')]
        : /differ/i.test(errors[0] ?? '')
          ? [t('auth.passwordMustDiffer')]
          : errors,
  }));
}

/** Current + new + confirmation; used by the forced screen and the normal page. */
export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const submit = ({ currentPassword, newPassword }: Values) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('auth.passwordChanged'));
          form.resetFields();
          onDone?.();
        },
        onError: (error) => {
          const fields = passwordFieldErrors(t, error);
          if (fields.length > 0) form.setFields(fields);
          else void message.error(errorText(t, error));
        },
      },
    );
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 420 }}>
      <Form.Item
        name="currentPassword"
        label={t('auth.currentPassword')}
        rules={[{ required: true, message: t('auth.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        extra={t('auth.passwordRule')}
        rules={newPasswordRules(t)}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={confirmRules(t, 'newPassword')}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
        {t('common.save')}
      </Button>
    </Form>
  );
}
