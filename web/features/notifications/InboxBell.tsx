import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useInbox } from '../../api/notifications';

/** The header bell: unread count (polled every 30 s), opens the inbox. */
export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const inbox = useInbox({ unreadOnly: true, limit: 1, offset: 0 }, true);
  const unread = inbox.data?.unread ?? 0;
  return (
    <Tooltip title={unread ? t('notifications.unreadCount', { count: unread }) : t('notifications.bell')}>
      <Badge count={unread} size="small" overflowCount={99} data-testid="inbox-badge">
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notifications.bell')}
          onClick={() => void navigate('/notifications')}
          data-testid="inbox-bell"
        />
      </Badge>
    </Tooltip>
  );
}
