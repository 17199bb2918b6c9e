import { Alert, Button, Card, Form, Input, List, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFileAppeal, useMyPenalties, type ComplaintItem } from '../../api/complaints';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { ActionModal } from './ActionModal';
import { AppealTable } from './AppealTable';
import { LevelTag, StatusTag } from './labels';
import { PenaltyTable } from './PenaltyTable';

const APPEALABLE = ['open', 'in_handling', 'replied', 'checked'];

/**
 * 我的处罚与申诉: a staff member sees their penalties with the rule, evidence and approver ("the employee
 * can see why", PIPL art. 24), the complaints about them, and appeals to their department head.
 */
export default function MyPenaltiesPage() {
  const { t } = useTranslation();
  const q = useMyPenalties();
  const file = useFileAppeal();
  const [appealing, setAppealing] = useState<ComplaintItem | null>(null);
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data;
  return (
    <>
      <PageTitle title={t('nav.myPenalties')} />
      {data && !data.staff && <Alert type="info" message={t('complaints.penalties.noStaff')} />}
      <Card size="small" title={t('complaints.penalties.mine')} style={{ marginBottom: 16 }}>
        <PenaltyTable items={data?.penalties ?? []} loading={q.isFetching} />
      </Card>
      <Card size="small" title={t('complaints.title')} style={{ marginBottom: 16 }}>
        <List<ComplaintItem>
          dataSource={data?.complaints ?? []}
          data-testid="my-complaints"
          renderItem={(c) => (
            <List.Item
              actions={[
                APPEALABLE.includes(c.status) && (
                  <Button key="appeal" size="small" onClick={() => setAppealing(c)} data-testid="my-appeal">
                    {t('complaints.actions.appeal')}
                  </Button>
                ),
              ]}
            >
              <Space>
                <LevelTag level={c.level} />
                <StatusTag status={c.status} />
                {c.description}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('complaints.appeals.title')}>
        <AppealTable items={data?.appeals ?? []} />
      </Card>
      <ActionModal<{ reason: string }>
        open={appealing !== null}
        onClose={() => setAppealing(null)}
        title={t('complaints.actions.appeal')}
        testId="appeal-form"
        onSubmit={(v) => file.mutateAsync({ complaintId: appealing!.id, reason: v.reason })}
      >
        <Form.Item name="reason" label={t('complaints.appeals.reason')} rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea rows={4} data-testid="appeal-reason" />
        </Form.Item>
      </ActionModal>
    </>
  );
}
