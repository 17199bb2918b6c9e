import { Alert, App, Button, Card, Descriptions, Flex, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendar, useSaveCalendar, type CalendarSettingsData } from '../../api/calendar';
import { useCan } from '../auth/session';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';
import { CalendarPreviewCard } from './CalendarPreviewCard';
import { OverridesEditor, type OverrideRow } from './OverridesEditor';

/** 工作日历: statutory holidays and make-up days, the dealer's exceptions and deadline hours, a preview. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const calendar = useCalendar();
  return (
    <>
      <PageTitle title={t('calendar.title')} />
      <Alert type="info" showIcon title={t('calendar.intro')} style={{ marginBottom: 16 }} />
      {calendar.isError && <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {calendar.data && <CalendarForm key={JSON.stringify(calendar.data)} data={calendar.data} />}
        <CalendarPreviewCard />
      </Space>
    </>
  );
}

function CalendarForm({ data }: { data: CalendarSettingsData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const canEdit = useCan('calendar:manage');
  const save = useSaveCalendar();
  const [rows, setRows] = useState<OverrideRow[]>(() => data.overrides.map((o, i) => ({ ...o, key: i + 1 })));
  const [own, setOwn] = useState(data.hoursSource === 'calendar');
  const [hours, setHours] = useState(data.hours);
  const nextYear = new Date().getFullYear() + 1;

  // mutateAsync: the form remounts with the saved data, and a plain mutate's callbacks would be dropped.
  const submit = () =>
    save
      .mutateAsync({ overrides: rows.map(({ key: _key, ...o }) => o), hours: own ? hours : null })
      .then(() => void message.success(t('common.saved')), notifyError);

  return (
    <Card>
      {!canEdit && <Alert type="warning" showIcon title={t('calendar.readOnly')} style={{ marginBottom: 12 }} />}
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('calendar.timeZone')}>{data.timeZone}</Descriptions.Item>
        <Descriptions.Item label={t('calendar.hours')}>
          <Flex gap={8} align="center" wrap>
            <Radio.Group value={own} disabled={!canEdit} onChange={(e) => setOwn(e.target.value as boolean)}>
              <Radio value={false}>{t('calendar.hoursFromDealer')}</Radio>
              <Radio value={true}>{t('calendar.hoursOwn')}</Radio>
            </Radio.Group>
            <Input
              type="time"
              value={hours.start}
              disabled={!canEdit || !own}
              style={{ width: 120 }}
              onChange={(e) => setHours({ ...hours, start: e.target.value })}
            />
            –
            <Input
              type="time"
              value={hours.end}
              disabled={!canEdit || !own}
              style={{ width: 120 }}
              onChange={(e) => setHours({ ...hours, end: e.target.value })}
            />
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('calendar.overrides')}>
          {t('calendar.statutory', data.statutoryYears)}
          {data.statutoryYears.last < nextYear && ` ${t('calendar.beyond', { year: nextYear })}`}
        </Descriptions.Item>
      </Descriptions>
      <OverridesEditor rows={rows} onChange={setRows} readOnly={!canEdit} />
      {canEdit && (
        <Button
          type="primary"
          loading={save.isPending}
          onClick={submit}
          style={{ marginTop: 16 }}
          data-testid="calendar-save"
        >
          {t('common.save')}
        </Button>
      )}
    </Card>
  );
}
