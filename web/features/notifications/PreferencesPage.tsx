import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventKind } from '../../../core/contracts/notifications';
import type { Role } from '../../../core/permissions';
import { usePreferences, useSavePreferences, type PreferencesData } from '../../api/notifications';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';
import { PreferenceRows, type PrefRow } from './PreferenceRows';

const toRows = (
  items: { event: EventKind; inbox: boolean; email: boolean; wecom: boolean; role?: Role }[],
): PrefRow[] => items.map((item, i) => ({ ...item, key: i + 1 }));
const strip = ({ key: _key, ...rest }: PrefRow) => rest;

/** 通知设置: my channels per event; with notifications:manage also the role defaults of the dealer. */
export default function PreferencesPage() {
  const { t } = useTranslation();
  const prefs = usePreferences();
  return (
    <>
      <PageTitle title={t('notifications.prefs.title')} />
      {prefs.isError && <QueryError error={prefs.error} onRetry={() => void prefs.refetch()} />}
      {prefs.data && <PreferencesForm key={JSON.stringify(prefs.data)} data={prefs.data} />}
    </>
  );
}

function PreferencesForm({ data }: { data: PreferencesData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const save = useSavePreferences();
  const [mine, setMine] = useState(() => toRows(data.mine));
  const [roles, setRoles] = useState(() => toRows(data.roles));

  // mutateAsync: the form remounts with the saved data, and a plain mutate's callbacks would be dropped.
  const submit = () =>
    save
      .mutateAsync({
        mine: mine.map(strip),
        ...(data.canManageRoles ? { roles: roles.map((r) => ({ ...strip(r), role: r.role ?? 'cs_lead' })) } : {}),
      })
      .then(() => void message.success(t('common.saved')), notifyError);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {!data.emailConfigured && <Alert type="info" showIcon title={t('notifications.prefs.smtpOff')} />}
      {data.emailConfigured && !data.hasEmail && (
        <Alert type="warning" showIcon title={t('notifications.prefs.noEmail')} />
      )}
      <Card title={t('notifications.prefs.mine')}>
        <Typography.Paragraph type="secondary">{t('notifications.prefs.mineHint')}</Typography.Paragraph>
        <PreferenceRows rows={mine} onChange={setMine} withRole={false} disabled={save.isPending} testId="prefs-mine" />
      </Card>
      {data.canManageRoles && (
        <Card title={t('notifications.prefs.roles')}>
          <Typography.Paragraph type="secondary">
            {t('notifications.prefs.rolesHint')} {t('notifications.prefs.wecomHint')}
          </Typography.Paragraph>
          <PreferenceRows rows={roles} onChange={setRoles} withRole disabled={save.isPending} testId="prefs-roles" />
        </Card>
      )}
      <Button type="primary" loading={save.isPending} onClick={submit} data-testid="prefs-save">
        {t('common.save')}
      </Button>
    </Space>
  );
}
