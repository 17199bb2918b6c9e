import { Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMine, useToday } from '../../api/workbench';

/** Today's counters: done, open appointments, remaining due tasks, calls made (from /api/callbacks/mine). */
export function TodayCounters() {
  const { t } = useTranslation();
  const mine = useMine();
  const today = useToday();
  const stats = [
    { key: 'done', value: mine.data?.today.successes },
    { key: 'appointments', value: mine.data?.appointments.length },
    { key: 'remaining', value: today.data?.remaining },
    { key: 'attempts', value: mine.data?.today.attempts },
  ] as const;
  return (
    <Space size={24} data-testid="wb-counters">
      {stats.map((s) => (
        <Statistic
          key={s.key}
          title={t(`workbench.counters.${s.key}`)}
          value={s.value ?? '—'}
          valueStyle={{ fontSize: 20 }}
          data-testid={`wb-count-${s.key}`}
        />
      ))}
    </Space>
  );
}
