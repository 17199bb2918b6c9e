import { Layout, Menu, Space, Typography, theme, type MenuProps } from 'antd';
import { createElement, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../features/auth/session';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { FullPageSpin } from '../ui/FullPageSpin';
import { InboxBell } from '../features/notifications/InboxBell';
import { DealerSwitcher } from './DealerSwitcher';
import { LangSwitch } from './LangSwitch';
import { groupedMenu, menuEntryFor, visibleMenu } from './menu';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

/** antd's Layout.Header height (token layout.headerHeight default). */
const HEADER_HEIGHT = 64;
const SIDER_WIDTH = { zh: 208, en: 248 } as const;

/** Header (product, dealer, language, user) + role-aware side menu + the page. */
export function AppLayout() {
  const me = useSession();
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  const entries = visibleMenu(me.permissions);
  const items: MenuProps['items'] = groupedMenu(entries).map(({ group, entries: inGroup }) => ({
    type: 'group' as const,
    key: `group-${group}`,
    label: collapsed ? null : t(`navGroup.${group}`),
    'data-testid': `nav-group-${group}`,
    children: inGroup.map((entry) => ({
      key: entry.key,
      icon: createElement(entry.icon),
      label: t(entry.labelKey),
      'data-testid': `menu-${entry.key}`,
    })),
  }));
  const selected = menuEntryFor(pathname);
  const onClick: MenuProps['onClick'] = ({ key }) => {
    const entry = entries.find((e) => e.key === key);
    if (entry) void navigate(entry.path);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 24,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }} data-testid="app-name">
          {t('app.name')}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Space size="middle" wrap={false}>
          <InboxBell />
          <DealerSwitcher />
          <LangSwitch />
          <UserMenu />
        </Space>
      </Header>
      <Layout>
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          theme="light"
          // English labels are longer ("Customer data permissions"): a wider menu instead of cut-off names.
          width={i18n.language.startsWith('en') ? SIDER_WIDTH.en : SIDER_WIDTH.zh}
          style={{
            borderRight: `1px solid ${token.colorBorderSecondary}`,
            // The menu stays beside the page and scrolls on its own, above the collapse trigger.
            position: 'sticky',
            top: HEADER_HEIGHT,
            height: `calc(100vh - ${HEADER_HEIGHT}px)`,
            alignSelf: 'flex-start',
          }}
        >
          <div style={{ height: '100%', overflowY: 'auto' }} data-testid="side-menu-scroll">
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected ? [selected.key] : []}
              onClick={onClick}
              style={{ borderInlineEnd: 'none' }}
              data-testid="side-menu"
            />
          </div>
        </Sider>
        <Content style={{ padding: 24 }}>
          <ErrorBoundary resetKey={pathname}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}
