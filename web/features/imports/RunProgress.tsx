import { Flex, Progress, Statistic, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportRun } from '../../../core/contracts/imports';
import { isActive } from '../../api/imports';
import { currentLanguage } from '../../i18n';
import { durationParts, formatCount, throughput } from './progress-math';

const STATUS_COLOURS: Record<ImportRun['status'], string> = {
  uploaded: 'default',
  queued: 'processing',
  running: 'processing',
  completed: 'success',
  failed: 'error',
  interrupted: 'warning',
  cancelled: 'default',
};

export function StatusTag({ status, testId }: { status: ImportRun['status']; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid={testId}>
      {t(`imports.status.${status}`)}
    </Tag>
  );
}

function durationText(t: TFunction, seconds: number): string {
  const d = durationParts(seconds);
  return t(`imports.duration.${d.unit}`, { h: d.h, m: d.m, s: d.s });
}

const COUNTS = ['inserted', 'updated', 'unchanged', 'rejected'] as const;

/** The bar (percent when the total is known, else an active bar with the row count), rate, ETA and counts. */
export function RunProgress({ run, now }: { run: ImportRun; now: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const active = isActive(run.status);
  const { rowsPerSecond, etaSeconds, percent } = throughput(run, now);
  const barStatus = run.status === 'completed' ? 'success' : active ? 'active' : 'exception';
  const rows =
    run.totalRows !== null
      ? t('imports.progress.rowsOf', {
          done: formatCount(run.processedRows, lang),
          total: formatCount(run.totalRows, lang),
        })
      : t('imports.progress.rows', { count: run.processedRows });

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12} wrap>
        <Typography.Text strong>{run.fileName}</Typography.Text>
        <Tag>{t(`imports.kinds.${run.kind}`)}</Tag>
        <StatusTag status={run.status} testId="import-status" />
      </Flex>
      <div data-testid="import-progress" data-percent={percent ?? ''} data-status={run.status}>
        <Progress
          percent={percent ?? (active ? 100 : 0)}
          status={run.status === 'cancelled' ? 'normal' : barStatus}
          showInfo={percent !== null}
        />
      </div>
      <Flex gap={24} wrap>
        <Typography.Text data-testid="import-rows">{rows}</Typography.Text>
        {rowsPerSecond !== null && (
          <Typography.Text type="secondary" data-testid="import-rate">
            {t('imports.progress.rate', { rate: formatCount(Math.round(rowsPerSecond), lang) })}
          </Typography.Text>
        )}
        {active && etaSeconds !== null && (
          <Typography.Text type="secondary" data-testid="import-eta">
            {t('imports.progress.eta', { eta: durationText(t, etaSeconds) })}
          </Typography.Text>
        )}
      </Flex>
      <Flex gap={48} wrap data-testid="import-counts">
        {COUNTS.map((key) => (
          <Statistic
            key={key}
            title={t(`imports.counts.${key}`)}
            value={run[key]}
            styles={key === 'rejected' && run.rejected > 0 ? { content: { color: '#cf1322' } } : undefined}
            data-testid={`import-count-${key}`}
          />
        ))}
      </Flex>
    </Flex>
  );
}
