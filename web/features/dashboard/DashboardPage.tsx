import { Button, Card, Descriptions, Flex } from 'antd';
import { createElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Role } from '../../../core/permissions';
import { RoleTags } from '../../ui/RoleTags';
import { PageTitle } from '../../ui/PageTitle';
import { useSession } from '../auth/session';
import { CaseWidget } from '../cases/CaseWidget';
import { DashboardCharts } from '../kpis/DashboardCharts';
import { MENU, visibleMenu, type MenuKey } from '../../layout/menu';
import { sortRolesForDashboard } from './role-order';

/** The pages a role starts its day from, in the order it needs them (only those its permissions show). */
const QUICK_LINKS: Record<Role, readonly MenuKey[]> = {
  cs_agent: ['workbench', 'onsite', 'cases', 'faq', 'registers'],
  cs_lead: ['callback-queue', 'cases', 'registers', 'reports', 'handoffs'],
  cs_supervisor: ['reports', 'cases', 'complaints', 'kpi-thresholds', 'callback-rules', 'customer-flags'],
  service_advisor: ['cases', 'handoffs', 'my-penalties'],
  sales_consultant: ['cases', 'handoffs', 'my-penalties'],
  aftersales_director: ['cases', 'reports', 'complaints', 'penalties'],
  sales_director: ['cases', 'reports', 'complaints', 'penalties'],
  quality: ['complaints', 'rectification', 'forum'],
  gm: ['reports', 'appeals', 'complaints', 'penalties', 'benchmark'],
  dealer_admin: ['users', 'staff', 'imports', 'calendar', 'reports'],
  group_analyst: ['benchmark', 'dealers'],
  system_admin: ['users', 'dealers', 'audit'],
};

/** One card of shortcuts per role: the role's usual pages, each one click away. */
function QuickLinks({ role }: { role: Role }) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const visible = new Set(visibleMenu(me.permissions).map((e) => e.key));
  const entries = QUICK_LINKS[role]
    .filter((k) => visible.has(k))
    .map((k) => MENU.find((e) => e.key === k))
    .filter((e) => e !== undefined);
  if (!entries.length) return null;
  return (
    <Card
      size="small"
      title={t('dashboard.quickTitle', { role: t(`roles.${role}`) })}
      data-testid={`dashboard-role-${role}`}
    >
      <Flex wrap gap={8} data-testid="dashboard-links">
        {entries.map((e) => (
          <Button key={e.key} icon={createElement(e.icon)} onClick={() => void navigate(e.path)}>
            {t(e.labelKey)}
          </Button>
        ))}
      </Flex>
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
          <QuickLinks role={role} />
        </div>
      ))}
    </>
  );
}
