import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../core/permissions';
import { useCan } from './session';

/** A page the user's roles do not cover shows 403 instead (the server refuses the data anyway). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const allowed = useCan(permission);
  if (!allowed) {
    return (
      <Result
        status="403"
        title={t('status.forbiddenTitle')}
        subTitle={t('status.forbidden')}
        data-testid="forbidden"
      />
    );
  }
  return <>{children}</>;
}
