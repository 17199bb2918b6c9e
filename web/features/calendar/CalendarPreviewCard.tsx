import { Card, Flex, Input, InputNumber, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendarPreview } from '../../api/calendar';
import { QueryError } from '../../ui/QueryError';

const KIND_COLOR = {
  override: 'purple',
  holiday: 'red',
  makeup: 'orange',
  weekend: 'default',
  weekday: 'green',
} as const;

/** "Which day is N working days after this date?", each day in between tagged with why it counts or not. */
export function CalendarPreviewCard() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(() => new Date().toISOString().slice(0, 10));
  const [n, setN] = useState(1);
  const preview = useCalendarPreview(from, n);
  return (
    <Card title={t('calendar.preview')}>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <span>{t('calendar.from')}</span>
        <Input
          type="date"
          value={from}
          onChange={(e) => e.target.value && setFrom(e.target.value)}
          style={{ width: 170 }}
        />
        <span>{t('calendar.workingDays')}</span>
        <InputNumber min={0} max={60} value={n} onChange={(v) => setN(v ?? 0)} data-testid="preview-days" />
      </Flex>
      {preview.isError && <QueryError error={preview.error} onRetry={() => void preview.refetch()} />}
      {preview.data && (
        <>
          <Typography.Paragraph strong data-testid="preview-result">
            {t('calendar.result', {
              from: preview.data.from,
              n: preview.data.workingDays,
              result: preview.data.result,
            })}
          </Typography.Paragraph>
          <Flex gap={6} wrap>
            {preview.data.days.map((d) => (
              <Tag key={d.date} color={KIND_COLOR[d.kind]} title={d.name ?? undefined}>
                {d.date.slice(5)} {t(`calendar.kinds.${d.kind}`)}
                {d.name ? ` · ${d.name}` : ''}
              </Tag>
            ))}
          </Flex>
        </>
      )}
    </Card>
  );
}
