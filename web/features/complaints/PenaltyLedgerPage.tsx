import { Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePenalties } from '../../api/complaints';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { PenaltyTable } from './PenaltyTable';
import { RulesCard } from './RulesCard';
import { ListExportButtons } from '../../ui/ListExportButtons';

const STATUSES = ['proposed', 'approved', 'rejected', 'void'] as const;

/** 处罚台账 (SPEC §3.22, §5.7): proposals waiting for a manager, penalties in effect, rejected and voided. */
export default function PenaltyLedgerPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<(typeof STATUSES)[number] | 'all'>('proposed');
  const list = usePenalties(status === 'all' ? {} : { status });
  return (
    <>
      <PageTitle
        title={t('complaints.penalties.title')}
        extra={
          <ListExportButtons path="/api/penalties" filter={status === 'all' ? {} : { status }} testId="penalties" />
        }
      />
      <div className="no-print">
        <RulesCard />
      </div>
      <Segmented
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        options={[
          ...STATUSES.map((s) => ({ value: s, label: t(`complaints.penalties.statuses.${s}`) })),
          { value: 'all', label: t('common.all') },
        ]}
        data-testid="penalty-status"
      />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <PenaltyTable items={list.data?.items ?? []} loading={list.isFetching} />
    </>
  );
}
