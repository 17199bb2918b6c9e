import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Select, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_EVENTS, type EventKind } from '../../../core/contracts/notifications';
import { ROLES, SPANNING_ROLES, type Role } from '../../../core/permissions';
import { eventLabel } from './event-label';

export type PrefRow = { key: number; role?: Role; event: EventKind; inbox: boolean; email: boolean; wecom: boolean };
const CHANNELS = ['inbox', 'email', 'wecom'] as const;

/** Editable channel rows: event (and role, for the role defaults) × in-app / e-mail / WeCom. */
export function PreferenceRows({
  rows,
  onChange,
  withRole,
  disabled,
  testId,
}: {
  rows: PrefRow[];
  onChange: (rows: PrefRow[]) => void;
  withRole: boolean;
  disabled: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const update = (key: number, patch: Partial<PrefRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const events = ['*', ...NOTIFICATION_EVENTS].map((e) => ({ value: e, label: eventLabel(t, e) }));
  const roles = ROLES.filter((r) => !SPANNING_ROLES.includes(r)).map((r) => ({ value: r, label: t(`roles.${r}`) }));

  const columns: TableColumnsType<PrefRow> = [
    ...(withRole
      ? [
          {
            title: t('notifications.prefs.role'),
            key: 'role',
            width: 180,
            render: (_v: unknown, r: PrefRow) => (
              <Select
                value={r.role}
                options={roles}
                disabled={disabled}
                style={{ width: 170 }}
                onChange={(role: Role) => update(r.key, { role })}
              />
            ),
          },
        ]
      : []),
    {
      title: t('notifications.prefs.event'),
      key: 'event',
      render: (_v, r) => (
        <Select
          value={r.event}
          options={events}
          disabled={disabled}
          style={{ width: 200 }}
          onChange={(event: EventKind) => update(r.key, { event })}
        />
      ),
    },
    ...CHANNELS.map((ch) => ({
      title: t(`notifications.channels.${ch}`),
      key: ch,
      width: 110,
      render: (_v: unknown, r: PrefRow) => (
        <Checkbox checked={r[ch]} disabled={disabled} onChange={(e) => update(r.key, { [ch]: e.target.checked })} />
      ),
    })),
    {
      title: '',
      key: 'remove',
      width: 60,
      render: (_v, r) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('notifications.prefs.remove')}
          disabled={disabled}
          onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
        />
      ),
    },
  ];

  const add = () =>
    onChange([
      ...rows,
      {
        key: Math.max(0, ...rows.map((r) => r.key)) + 1,
        ...(withRole ? { role: 'cs_lead' as Role } : {}),
        event: 'case.overdue',
        inbox: true,
        email: false,
        wecom: false,
      },
    ]);

  return (
    <>
      <Table<PrefRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid={testId}
      />
      <Button icon={<PlusOutlined />} onClick={add} disabled={disabled} style={{ marginTop: 8 }}>
        {t('notifications.prefs.add')}
      </Button>
    </>
  );
}
