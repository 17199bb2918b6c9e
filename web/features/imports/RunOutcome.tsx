import { DownloadOutlined, RedoOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRun } from '../../../core/contracts/imports';
import { rejectsUrl, useStartImport } from '../../api/imports';
import { errorText } from '../../ui/api-error';

/** The rejected rows as Excel: a plain same-origin link (the session cookie authorises the GET). */
export function RejectsLink({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  return (
    <Button icon={<DownloadOutlined />} href={rejectsUrl(run.id)} download data-testid="import-rejects-download">
      {t('imports.progress.rejects')}
    </Button>
  );
}

/** What a finished run means for the user: done (with the rejects), or failed with a way to run it again. */
export function RunOutcome({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const rerun = useStartImport();

  if (run.status === 'completed') {
    return (
      <Alert
        type={run.rejected > 0 ? 'warning' : 'success'}
        showIcon
        title={t('imports.progress.done')}
        description={run.rejected > 0 && t('imports.progress.rejectsHint', { count: run.rejected })}
        action={run.rejected > 0 && <RejectsLink run={run} />}
        data-testid="import-result"
      />
    );
  }
  if (run.status !== 'failed' && run.status !== 'interrupted' && run.status !== 'cancelled') return null;

  const title =
    run.status === 'failed'
      ? t('imports.progress.failed')
      : run.status === 'interrupted'
        ? t('imports.progress.interrupted')
        : t('imports.progress.cancelled');
  return (
    <Alert
      type={run.status === 'cancelled' ? 'info' : 'error'}
      showIcon
      title={title}
      description={
        <Flex vertical gap={4}>
          {run.status !== 'cancelled' && (
            <Typography.Text data-testid="import-error-text">
              {run.error ?? t('imports.progress.noError')}
            </Typography.Text>
          )}
          {rerun.isError && <Typography.Text type="danger">{errorText(t, rerun.error)}</Typography.Text>}
        </Flex>
      }
      action={
        <Flex gap={8}>
          {run.rejected > 0 && <RejectsLink run={run} />}
          <Button
            type="primary"
            icon={<RedoOutlined />}
            loading={rerun.isPending}
            onClick={() => rerun.mutate({ id: run.id, mapping: run.mapping, saveMapping: false })}
            data-testid="import-rerun"
          >
            {t('imports.progress.rerun')}
          </Button>
        </Flex>
      }
      data-testid="import-result"
    />
  );
}
