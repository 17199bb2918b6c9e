import { Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../core/permissions';
import { RoleTags } from '../../ui/RoleTags';
import { PageTitle } from '../../ui/PageTitle';
import { useSession } from '../auth/session';
import { CaseWidget } from '../cases/CaseWidget';
import { DashboardCharts } from '../kpis/DashboardCharts';
import { sortRolesForDashboard } from './role-order';

/** What this role's workbench will hold; no numbers until the capabilities exist. */
function ComingWidgets({ role }: { role: Role }) {
  const { t } = useTranslation();
  const widgets = t(`dashboard.widgets.${role}`).split('|');
  return (
    <Card size="small" data-testid={`dashboard-role-${role}`}>
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Typography.Text strong>{t('dashboard.comingTitle', { role: t(`roles.${role}`) })}</Typography.Text>
        }
      >
        <Typography.Text type="secondary">{t('dashboard.comingHint')}</Typography.Text>
        <Flex wrap gap={8} justify="center" style={{ marginTop: 8 }} data-testid="dashboard-widgets">
          {widgets.map((item) => (
            <Tag key={item} variant="outlined">
              {item}
            </Tag>
          ))}
        </Flex>
      </Empty>
    </Card>
  );
}

export default function DashboardPage() {
  const me = useSession();
  const { t } = useTranslation();
  const roles = sortRolesForDashboard(me.roles);
  const primary = roles[0];
  const dealer = me.dealers.find((d) => d.id === me.currentDealerId);

  return (
    <>
      <PageTitle title={primary ? t(`dashboard.titles.${primary}`) : t('nav.dashboard')} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} data-testid="dashboard-info">
          <Descriptions.Item label={t('dashboard.user')}>
            {me.user.displayName} · {me.user.username}
          </Descriptions.Item>
          <Descriptions.Item label={t('dashboard.roles')}>
            <RoleTags roles={me.roles} />
          </Descriptions.Item>
          <Descriptions.Item label={t('dashboard.dealer')}>
            <span data-testid="dashboard-dealer">{dealer ? `${dealer.name} · ${dealer.code}` : t('common.none')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('dashboard.scope')}>
            {t(`dashboard.scopeKinds.${me.scope.kind}`)} · {me.scope.name}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <CaseWidget />
      <DashboardCharts />
      {roles.map((role) => (
        <div key={role} style={{ marginBottom: 16 }}>
          <ComingWidgets role={role} />
        </div>
      ))}
    </>
  );
}
