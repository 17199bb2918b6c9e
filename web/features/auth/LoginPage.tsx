import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useMe, type LoginInput } from '../../api/auth';
import { changeLanguage, getStoredLanguage } from '../../i18n';
import { errorText } from '../../ui/api-error';
import { FullPageSpin } from '../../ui/FullPageSpin';
import { clearSessionExpired } from './auth-events';
import { AuthCard } from './AuthCard';

/** Only same-app paths may be returned to after sign-in. */
function safeNext(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) return '/';
  return value;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const next = safeNext(params.get('next'));

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const submit = (values: LoginInput) => {
    login.mutate(values, {
      onSuccess: (session) => {
        clearSessionExpired();
        if (getStoredLanguage() === null) void changeLanguage(session.user.locale, false);
        void navigate(next, { replace: true });
      },
    });
  };

  const showExpired = params.get('expired') === '1' && !login.isError;
  return (
    <AuthCard title={t('auth.loginTitle')}>
      {showExpired && <Alert type="info" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />}
      {login.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(t, login.error)}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      )}
      <Form<LoginInput> layout="vertical" onFinish={submit} requiredMark={false} disabled={login.isPending}>
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('auth.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
