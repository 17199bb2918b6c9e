import { Button, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnhandled, type UnhandledItem } from '../../api/cases';
import { ListExportButtons } from '../../ui/ListExportButtons';
import { QueryError } from '../../ui/QueryError';
import { useWhen } from './labels';
import { OpenCaseDialog } from './OpenCaseDialog';

/** My surveys with dissatisfied answers and no case yet: each one must be resolved (SPEC §4.2–§4.5). */
export function UnhandledList() {
  const { t } = useTranslation();
  const when = useWhen();
  const q = useUnhandled(true);
  const [opening, setOpening] = useState<UnhandledItem | null>(null);
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <ListExportButtons path="/api/cases/unhandled" testId="cases-unhandled" />
      </Flex>
      <Table<UnhandledItem>
        rowKey="responseId"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items}
        pagination={false}
        data-testid="cases-unhandled"
        columns={[
          { title: t('cases.columns.submittedAt'), render: (_, r) => when(r.submittedAt) },
          {
            title: t('cases.columns.customer'),
            render: (_, r) => [r.customerName, r.plate].filter(Boolean).join(' · '),
          },
          {
            title: t('cases.columns.items'),
            render: (_, r) => r.openKeys.map((k, i) => <Tag key={k}>{r.openLabels[i] ?? k}</Tag>),
          },
          {
            title: '',
            render: (_, r) => (
              <Button type="primary" onClick={() => setOpening(r)} data-testid="case-open">
                {t('cases.open')}
              </Button>
            ),
          },
        ]}
      />
      {opening && <OpenCaseDialog item={opening} onClose={() => setOpening(null)} />}
    </>
  );
}
