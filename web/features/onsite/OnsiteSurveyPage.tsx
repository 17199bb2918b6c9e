import { Button, Empty, Input, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnsiteCandidate } from '../../../core/contracts/survey-links';
import { useOnsiteCandidates } from '../../api/survey-links';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { OnsiteRun } from './OnsiteRun';
import { WalkInRun } from './WalkInRun';

type Kind = 'repair_order' | 'sale';

/**
 * 现场满意度调查 on a tablet at the counter (WF-1 §4.2 after checkout, WF-3 §4.4 after delivery): pick today's
 * settled repair order or delivered sale, ask for consent, then the on-site questionnaire with large controls.
 */
export default function OnsiteSurveyPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('repair_order');
  const [date, setDate] = useState<string | undefined>(undefined);
  const [picked, setPicked] = useState<OnsiteCandidate | null>(null);
  const [walkIn, setWalkIn] = useState(false);
  const list = useOnsiteCandidates(kind, date);

  if (picked) return <OnsiteRun candidate={picked} onDone={() => setPicked(null)} />;
  if (walkIn) return <WalkInRun kind={kind} onDone={() => setWalkIn(false)} />;

  const statusTag = (c: OnsiteCandidate) =>
    c.task ? (
      <Tag color={c.task.status === 'SUCCESS' ? 'green' : c.task.status === 'PENDING' ? 'blue' : 'default'}>
        {t('onsite.statuses', { returnObjects: true })[c.task.status] ?? c.task.status}
      </Tag>
    ) : (
      <Tag>{t('onsite.notStarted')}</Tag>
    );

  return (
    <>
      <PageTitle title={t('onsite.title')} />
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Segmented
          size="large"
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          options={[
            { value: 'repair_order', label: t('onsite.kinds.repair_order') },
            { value: 'sale', label: t('onsite.kinds.sale') },
          ]}
          data-testid="onsite-kind"
        />
        <Space>
          {t('onsite.date')}
          <Input
            type="date"
            size="large"
            value={date ?? list.data?.date ?? ''}
            onChange={(e) => setDate(e.target.value || undefined)}
            style={{ width: 180 }}
          />
        </Space>
        <Button size="large" onClick={() => setWalkIn(true)} data-testid="onsite-walkin">
          {t('onsite.walkIn.button')}
        </Button>
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<OnsiteCandidate>
          rowKey="sourceId"
          size="large"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('onsite.noCandidates')} /> }}
          onRow={(c) => ({ onClick: () => setPicked(c), style: { cursor: 'pointer', fontSize: 17 } })}
          columns={[
            { key: 'number', title: t('onsite.number'), dataIndex: 'number' },
            { key: 'customer', title: t('onsite.customer'), dataIndex: 'customerName' },
            { key: 'plate', title: t('onsite.plate'), dataIndex: 'plate' },
            { key: 'staff', title: t('onsite.staff'), dataIndex: 'staffName' },
            { key: 'status', title: t('onsite.status'), render: (_, c) => statusTag(c) },
            {
              key: 'go',
              render: (_, c) => (
                <Button
                  size="large"
                  type="primary"
                  onClick={() => setPicked(c)}
                  data-testid={`onsite-pick-${c.number}`}
                >
                  {t('onsite.pick')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
