import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Space, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../api/auth';
import { useSession } from '../features/auth/session';

/** Display name and roles, change password, log out. */
export function UserMenu() {
  const me = useSession();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const logout = useLogout();

  const roles = me.roles.map((role) => t(`roles.${role}`)).join(' / ');
  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{me.user.displayName}</Typography.Text>
          <Typography.Text type="secondary" data-testid="user-roles">
            {roles}
          </Typography.Text>
        </Space>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('layout.changePassword'), 'data-testid': 'user-menu-password' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('layout.logout'), 'data-testid': 'user-menu-logout' },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate('/account/password');
    if (key === 'logout') {
      logout.mutate(undefined, {
        onSettled: () => {
          void message.success(t('layout.loggedOut'));
          void navigate('/login', { replace: true });
        },
      });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button type="text" data-testid="user-menu">
        <Space>
          <Avatar size="small" icon={<UserOutlined />} />
          <span data-testid="user-display-name">{me.user.displayName}</span>
          <DownOutlined />
        </Space>
      </Button>
    </Dropdown>
  );
}
