import { Button, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRun } from '../../../core/contracts/imports';
import { useImportRuns } from '../../api/imports';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { useDealerTimeZone } from '../auth/session';
import { formatCount } from './progress-math';
import { StatusTag } from './RunProgress';

/** The dealer's recent imports; one can be opened to see its progress, counts and rejected rows. */
export function RecentImports({ onOpen }: { onOpen: (runId: string) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const timeZone = useDealerTimeZone();
  const runs = useImportRuns();

  const columns: TableColumnsType<ImportRun> = [
    {
      title: t('imports.recent.file'),
      dataIndex: 'fileName',
      key: 'file',
      render: (name: string) => <Typography.Text>{name}</Typography.Text>,
    },
    {
      title: t('imports.recent.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (kind: ImportRun['kind']) => t(`imports.kinds.${kind}`),
    },
    {
      title: t('imports.recent.status'),
      dataIndex: 'status',
      key: 'status',
      render: (status: ImportRun['status']) => <StatusTag status={status} />,
    },
    {
      title: t('imports.recent.rows'),
      key: 'rows',
      render: (_v, run) => formatCount(run.processedRows, lang),
    },
    ...(['inserted', 'updated', 'unchanged', 'rejected'] as const).map((key) => ({
      title: t(`imports.counts.${key}`),
      dataIndex: key,
      key,
      render: (n: number) => formatCount(n, lang),
    })),
    {
      title: t('imports.recent.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (at: string) => formatDateTime(at, lang, timeZone),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, run) =>
        run.status === 'uploaded' ? null : (
          <Button type="link" size="small" onClick={() => onOpen(run.id)} data-testid={`import-open-${run.id}`}>
            {t('imports.recent.open')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 32 }}>
        {t('imports.recent.title')}
      </Typography.Title>
      {runs.isError && <QueryError error={runs.error} onRetry={() => void runs.refetch()} />}
      <Table<ImportRun>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={runs.data?.items ?? []}
        loading={runs.isFetching && !runs.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="import-recent"
      />
    </>
  );
}
