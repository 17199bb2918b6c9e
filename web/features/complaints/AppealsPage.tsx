import { Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppeals } from '../../api/complaints';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { AppealTable } from './AppealTable';
import { ListExportButtons } from '../../ui/ListExportButtons';

const STATUSES = ['submitted', 'forwarded', 'upheld', 'rejected'] as const;

/** 申诉裁决: department heads forward their staff's appeals; the GM rules and signs (WF-8 step 3). */
export default function AppealsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<(typeof STATUSES)[number] | 'all'>('all');
  const list = useAppeals(status === 'all' ? undefined : status);
  return (
    <>
      <PageTitle
        title={t('complaints.appeals.title')}
        extra={<ListExportButtons path="/api/appeals" filter={status === 'all' ? {} : { status }} testId="appeals" />}
      />
      <Segmented
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        options={[
          { value: 'all', label: t('common.all') },
          ...STATUSES.map((s) => ({ value: s, label: t(`complaints.appeals.statuses.${s}`) })),
        ]}
      />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <AppealTable items={list.data?.items ?? []} loading={list.isFetching} />
    </>
  );
}
