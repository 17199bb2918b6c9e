import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../../api/auth';
import { AuthCard } from './AuthCard';
import { ChangePasswordForm } from './ChangePasswordForm';

/** The only screen while the account must change its password; the session reload then lets the user in. */
export default function ForcedPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const signOut = () => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
  return (
    <AuthCard
      title={t('auth.forcedTitle')}
      extra={
        <Button type="link" onClick={signOut} data-testid="forced-logout">
          {t('layout.logout')}
        </Button>
      }
    >
      <div data-testid="forced-password">
        <Alert type="warning" showIcon title={t('auth.forcedHint')} style={{ marginBottom: 16 }} />
        <ChangePasswordForm />
      </div>
    </AuthCard>
  );
}
