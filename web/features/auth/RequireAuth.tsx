import { Button, Result } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../api/auth';
import { errorText } from '../../ui/api-error';
import { FullPageSpin } from '../../ui/FullPageSpin';
import { sessionExpired } from './auth-events';
import { SessionProvider } from './session';

const ForcedPasswordPage = lazy(() => import('./ForcedPasswordPage'));

/** The login target after signing in: the path the user asked for. */
export function loginPath(next: string, expired: boolean): string {
  const params = new URLSearchParams();
  if (next && next !== '/') params.set('next', next);
  if (expired) params.set('expired', '1');
  const qs = params.toString();
  return qs ? `/login?${qs}` : '/login';
}

/**
 * Gate for the signed-in app: waits for the session, sends strangers to /login (keeping the target),
 * and shows only the forced password change while the account must change its password.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return (
      <Result
        status="500"
        title={t('status.crashTitle')}
        subTitle={errorText(t, me.error)}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={loginPath(next, sessionExpired())} replace />;
  }
  return (
    <SessionProvider me={me.data}>
      {me.data.user.mustChangePassword ? (
        <Suspense fallback={<FullPageSpin />}>
          <ForcedPasswordPage />
        </Suspense>
      ) : (
        children
      )}
    </SessionProvider>
  );
}
