import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../core/permissions';

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((role) => (
        <Tag key={role} color="blue" data-testid={`role-${role}`}>
          {t(`roles.${role}`)}
        </Tag>
      ))}
    </>
  );
}
