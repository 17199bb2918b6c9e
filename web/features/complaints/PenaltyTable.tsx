import { Button, Form, Input, InputNumber, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecidePenalty, type PenaltyItem } from '../../api/complaints';
import { useCan } from '../auth/session';
import { ActionModal } from './ActionModal';
import { PenaltyStatusTag, yuan } from './labels';

/** Rule, offence, amount, evidence and decider of each penalty: what the employee sees as "why". */
function Why({ p }: { p: PenaltyItem }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('complaints.penalties.rule')} v{p.ruleVersion} ({p.ruleEffectiveFrom}) ·{' '}
      {t(`complaints.penalties.groups.${p.group}`)}
      {' · '}
      {p.reason}
      {p.evidence.length > 0 &&
        ` · ${t('complaints.penalties.evidence')}: ${p.evidence.map((e) => e.label).join('；')}`}
      {p.decisionNote && ` · ${t('complaints.penalties.decisionNote')}: ${p.decisionNote}`}
      {p.voidReason && ` · ${p.voidReason}`}
    </Typography.Text>
  );
}

export function PenaltyTable({ items, loading }: { items: PenaltyItem[]; loading?: boolean }) {
  const { t } = useTranslation();
  const canDecide = useCan('penalties:approve');
  const decide = useDecidePenalty();
  const [deciding, setDeciding] = useState<{ p: PenaltyItem; approve: boolean } | null>(null);
  const columns: TableColumnsType<PenaltyItem> = [
    { title: t('complaints.penalties.staff'), key: 'staff', render: (_, p) => `${p.staff.name} · ${p.staff.position}` },
    { title: t('complaints.penalties.period'), dataIndex: 'periodKey' },
    { title: '#', key: 'n', render: (_, p) => t('complaints.penalties.offence', { n: p.offenceNo }) },
    {
      title: t('complaints.penalties.amount'),
      key: 'amount',
      render: (_, p) => (
        <Space>
          {p.amountFen === null ? t('complaints.penalties.amountBlank') : `¥${yuan(p.amountFen)}`}
          {p.dismissal && <Tag color="red">{t('complaints.penalties.dismissal')}</Tag>}
        </Space>
      ),
    },
    { title: t('complaints.fields.status'), key: 'status', render: (_, p) => <PenaltyStatusTag status={p.status} /> },
    { title: t('complaints.penalties.why'), key: 'why', render: (_, p) => <Why p={p} />, width: 360 },
    { title: t('complaints.penalties.proposedBy'), dataIndex: 'proposedBy' },
    { title: t('complaints.penalties.decidedBy'), key: 'decided', render: (_, p) => p.decidedBy ?? t('common.none') },
  ];
  if (canDecide)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      className: 'no-print',
      render: (_, p) =>
        p.status === 'proposed' && (
          <Space>
            <Button
              size="small"
              type="primary"
              onClick={() => setDeciding({ p, approve: true })}
              data-testid="penalty-approve"
            >
              {t('complaints.penalties.approve')}
            </Button>
            <Button size="small" danger onClick={() => setDeciding({ p, approve: false })}>
              {t('complaints.penalties.reject')}
            </Button>
          </Space>
        ),
    });
  return (
    <>
      <Table<PenaltyItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="penalty-table"
      />
      <ActionModal<{ note: string; amountYuan?: number }>
        open={deciding !== null}
        onClose={() => setDeciding(null)}
        title={deciding?.approve ? t('complaints.penalties.approve') : t('complaints.penalties.reject')}
        testId="penalty-decision"
        onSubmit={({ note, amountYuan }) =>
          decide.mutateAsync({
            id: deciding!.p.id,
            approve: deciding!.approve,
            note,
            ...(amountYuan === undefined || amountYuan === null ? {} : { amountFen: Math.round(amountYuan * 100) }),
          })
        }
      >
        {deciding?.approve && (
          <Form.Item name="amountYuan" label={t('complaints.penalties.amountYuan')}>
            <InputNumber min={0} precision={2} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('complaints.penalties.note')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={3} data-testid="penalty-note" />
        </Form.Item>
      </ActionModal>
    </>
  );
}
