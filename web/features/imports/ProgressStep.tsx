import { StopOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Skeleton } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateImportRuns, isActive, useCancelImport, useImportRun } from '../../api/imports';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';
import { RunOutcome } from './RunOutcome';
import { RunProgress } from './RunProgress';

/** Step 3: the run, polled every second while queued or running, then its outcome. */
export function ProgressStep({ runId, onAnother }: { runId: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const notifyError = useNotifyError();
  const query = useImportRun(runId);
  const cancel = useCancelImport();
  const run = query.data;
  const status = run?.status;

  // The recent-imports list shows the new status once the run settles.
  useEffect(() => {
    if (status && !isActive(status)) invalidateImportRuns(qc);
  }, [status, qc]);

  if (query.isError && !run) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!run) return <Skeleton active />;

  const active = isActive(run.status);
  return (
    <Flex vertical gap={16}>
      <RunProgress run={run} now={query.dataUpdatedAt} />
      <RunOutcome run={run} />
      <Flex gap={8} justify="flex-end">
        {active && (
          <Popconfirm
            title={t('imports.progress.confirmCancel')}
            okText={t('common.yes')}
            cancelText={t('common.no')}
            onConfirm={() => cancel.mutate(run.id, { onError: notifyError })}
          >
            <Button danger icon={<StopOutlined />} loading={cancel.isPending} data-testid="import-cancel">
              {t('imports.progress.cancel')}
            </Button>
          </Popconfirm>
        )}
        {!active && (
          <Button onClick={onAnother} data-testid="import-another">
            {t('imports.progress.another')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
