import { Button, Form, Input, Radio, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useForwardAppeal, useRuleAppeal, type AppealItem } from '../../api/complaints';
import type { Language } from '../../i18n/messages';
import { formatDateTime } from '../../ui/format';
import { useCan, useDealerTimeZone, useSession } from '../auth/session';
import { ActionModal } from './ActionModal';

const COLOR = { submitted: 'gold', forwarded: 'purple', upheld: 'green', rejected: 'default' } as const;

/** Appeals (申诉单) with the head's forwarding and the GM's signed ruling (WF-8 step 3, SPEC §8.5). */
export function AppealTable({ items, loading }: { items: AppealItem[]; loading?: boolean }) {
  const { t, i18n } = useTranslation();
  const tz = useDealerTimeZone();
  const me = useSession();
  const canForward = useCan('complaints:handle');
  const canRule = useCan('appeals:rule');
  const forward = useForwardAppeal();
  const rule = useRuleAppeal();
  const [acting, setActing] = useState<{ a: AppealItem; kind: 'forward' | 'rule' } | null>(null);
  const when = (iso: string | null) => formatDateTime(iso, i18n.language as Language, tz) ?? t('common.none');
  const columns: TableColumnsType<AppealItem> = [
    {
      title: t('complaints.fields.description'),
      key: 'complaint',
      render: (_, a) => <Link to={`/complaints/${a.complaintId}`}>{a.complaintDescription.slice(0, 40)}</Link>,
    },
    { title: t('complaints.appeals.appellant'), key: 'who', render: (_, a) => `${a.staff.name} · ${a.staff.position}` },
    { title: t('complaints.appeals.reason'), dataIndex: 'reason', width: 260 },
    { title: t('complaints.appeals.submittedAt'), key: 'at', render: (_, a) => when(a.submittedAt) },
    {
      title: t('complaints.fields.status'),
      key: 'status',
      render: (_, a) => <Tag color={COLOR[a.status]}>{t(`complaints.appeals.statuses.${a.status}`)}</Tag>,
    },
    {
      title: t('complaints.appeals.signature'),
      key: 'sig',
      render: (_, a) =>
        a.signature ? (
          <Typography.Text style={{ fontSize: 12 }}>
            {a.signature.name} · {when(a.signature.at)} · <code>{a.signature.hash.slice(0, 12)}</code>
            <br />
            {a.rulingStatement}
          </Typography.Text>
        ) : (
          (a.headNote ?? t('common.none'))
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      className: 'no-print',
      render: (_, a) => (
        <Space>
          {canForward && a.status === 'submitted' && (
            <Button size="small" onClick={() => setActing({ a, kind: 'forward' })} data-testid="appeal-forward">
              {t('complaints.appeals.forward')}
            </Button>
          )}
          {canRule && a.status === 'forwarded' && (
            <Button
              size="small"
              type="primary"
              onClick={() => setActing({ a, kind: 'rule' })}
              data-testid="appeal-rule"
            >
              {t('complaints.appeals.rule')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Table<AppealItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="appeal-table"
      />
      <ActionModal<{ note: string }>
        open={acting?.kind === 'forward'}
        onClose={() => setActing(null)}
        title={t('complaints.appeals.forward')}
        testId="appeal-forward-form"
        onSubmit={(v) => forward.mutateAsync({ id: acting!.a.id, note: v.note })}
      >
        <Form.Item name="note" label={t('complaints.appeals.forwardNote')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={3} data-testid="appeal-forward-note" />
        </Form.Item>
      </ActionModal>
      <ActionModal<{ upheld: boolean; statement: string; signatureName: string }>
        open={acting?.kind === 'rule'}
        onClose={() => setActing(null)}
        title={t('complaints.appeals.rule')}
        testId="appeal-rule-form"
        initialValues={{ upheld: true }}
        onSubmit={(v) => rule.mutateAsync({ id: acting!.a.id, ...v })}
      >
        <Form.Item name="upheld" rules={[{ required: true }]}>
          <Radio.Group>
            <Radio value={true}>{t('complaints.appeals.upheld')}</Radio>
            <Radio value={false}>{t('complaints.appeals.rejected')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="statement" label={t('complaints.appeals.statement')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={3} data-testid="appeal-statement" />
        </Form.Item>
        <Form.Item
          name="signatureName"
          label={t('complaints.appeals.signatureName')}
          extra={t('complaints.appeals.signatureHint')}
          rules={[
            { required: true },
            {
              validator: (_, v) =>
                v === me.user.displayName ? Promise.resolve() : Promise.reject(new Error(me.user.displayName)),
            },
          ]}
        >
          <Input data-testid="appeal-signature" />
        </Form.Item>
      </ActionModal>
    </>
  );
}
