import { Button, Checkbox, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_LEVELS } from '../../../core/rules/complaint-flow';
import { DISCIPLINARY_ACTIONS } from '../../../core/rules/penalties';
import { Department } from '../../../core/contracts/org';
import { useComplaintStep, useIssueNotice, useProposePenalties, type ComplaintFull } from '../../api/complaints';
import { useCan } from '../auth/session';
import { ActionModal } from './ActionModal';
import { StaffSelect } from './StaffSelect';

type Action = 'attribute' | 'start' | 'reply' | 'check' | 'propose' | 'rectify';
const TEXT = { rules: [{ required: true, max: 4000 }] };

/** The next steps of a complaint slip, as the user's permissions and the slip's status allow (WF-8, WF-9). */
export function ComplaintActions({ c }: { c: ComplaintFull }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const step = useComplaintStep(c.id);
  const propose = useProposePenalties(c.id);
  const issue = useIssueNotice(c.id);
  const can = {
    attribute: useCan('complaints:create') && !['void', 'checked'].includes(c.status),
    start: useCan('complaints:handle') && c.status === 'open',
    reply: useCan('complaints:handle') && ['open', 'in_handling'].includes(c.status),
    check: useCan('complaints:check') && c.status === 'replied',
    propose: useCan('penalties:propose') && c.staff.length > 0 && !['void', 'under_appeal'].includes(c.status),
    rectify: useCan('complaints:check') && c.rectificationNeeded && !c.rectification && c.status !== 'void',
  };
  const close = () => setOpen(null);
  const buttons = (Object.keys(can) as Action[]).filter((a) => can[a]);
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {buttons.map((a) => (
          <Button
            key={a}
            type={a === 'reply' || a === 'check' ? 'primary' : 'default'}
            onClick={() => setOpen(a)}
            data-testid={`complaint-${a}`}
          >
            {t(`complaints.actions.${a}`)}
          </Button>
        ))}
      </Space>
      <ActionModal<{ department: Department; staffIds: string[] }>
        testId="attr"
        open={open === 'attribute'}
        onClose={close}
        title={t('complaints.actions.attribute')}
        initialValues={{ department: (c.department ?? undefined) as Department, staffIds: c.staff.map((s) => s.id) }}
        onSubmit={(v) => step.mutateAsync({ kind: 'attribution', body: { ...v, staffIds: v.staffIds ?? [] } })}
      >
        <Form.Item name="department" label={t('complaints.fields.department')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={Department.options.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
            data-testid="attr-department"
          />
        </Form.Item>
        <Form.Item name="staffIds" label={t('complaints.fields.staff')}>
          <StaffSelect multiple testId="attr-staff" />
        </Form.Item>
      </ActionModal>
      <ActionModal<{ note?: string }>
        open={open === 'start'}
        onClose={close}
        title={t('complaints.actions.start')}
        onSubmit={(v) => step.mutateAsync({ kind: 'start', body: { note: v.note || undefined } })}
      >
        <Form.Item name="note" label={t('complaints.penalties.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </ActionModal>
      <ActionModal<{ handlingResult: string; improvementMeasures: string }>
        open={open === 'reply'}
        onClose={close}
        title={t('complaints.actions.reply')}
        testId="complaint-reply-form"
        onSubmit={(v) => step.mutateAsync({ kind: 'reply', body: v })}
      >
        <Form.Item name="handlingResult" label={t('complaints.fields.handlingResult')} {...TEXT}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="improvementMeasures" label={t('complaints.fields.improvementMeasures')} {...TEXT}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </ActionModal>
      <ActionModal<{ checkResult: string; relationshipNotes?: string; level?: string }>
        open={open === 'check'}
        onClose={close}
        title={t('complaints.actions.check')}
        initialValues={{ level: c.level }}
        onSubmit={(v) =>
          step.mutateAsync({
            kind: 'check',
            body: {
              checkResult: v.checkResult,
              relationshipNotes: v.relationshipNotes || undefined,
              level: v.level as 'major',
            },
          })
        }
      >
        <Form.Item name="checkResult" label={t('complaints.fields.checkResult')} {...TEXT}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="relationshipNotes" label={t('complaints.fields.relationshipNotes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="level" label={t('complaints.fields.level')}>
          <Select options={COMPLAINT_LEVELS.map((l) => ({ value: l, label: t(`complaints.levels.${l}`) }))} />
        </Form.Item>
      </ActionModal>
      <ActionModal<{ reason: string; bias?: boolean }>
        open={open === 'propose'}
        onClose={close}
        title={t('complaints.actions.propose')}
        testId="penalty-propose"
        onSubmit={(v) => propose.mutateAsync({ reason: v.reason, bias: v.bias ?? false })}
      >
        <Typography.Paragraph type="secondary">{t('complaints.proposeHint')}</Typography.Paragraph>
        <Form.Item name="reason" label={t('complaints.reason')} {...TEXT}>
          <Input.TextArea rows={3} data-testid="penalty-reason" />
        </Form.Item>
        <Form.Item name="bias" valuePropName="checked">
          <Checkbox>{t('complaints.bias')}</Checkbox>
        </Form.Item>
      </ActionModal>
      <ActionModal<{
        responsible: string;
        relatedLeaders?: string;
        requirements: string;
        disciplinaryAction?: (typeof DISCIPLINARY_ACTIONS)[number];
        majorLoss?: boolean;
        deductPerformancePay?: boolean;
      }>
        open={open === 'rectify'}
        onClose={close}
        title={t('complaints.actions.rectify')}
        initialValues={{ responsible: c.staff.map((s) => s.name).join('、') }}
        onSubmit={(v) =>
          issue.mutateAsync({
            ...v,
            relatedLeaders: v.relatedLeaders || undefined,
            majorLoss: v.majorLoss ?? false,
            deductPerformancePay: v.deductPerformancePay ?? false,
          })
        }
      >
        <Form.Item
          name="responsible"
          label={t('complaints.notices.responsible')}
          rules={[{ required: true, max: 500 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="relatedLeaders" label={t('complaints.notices.relatedLeaders')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="requirements" label={t('complaints.notices.requirements')} {...TEXT}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="disciplinaryAction" label={t('complaints.notices.disciplinaryAction')}>
          <Select
            allowClear
            options={DISCIPLINARY_ACTIONS.map((a) => ({ value: a, label: t(`complaints.notices.actions.${a}`) }))}
          />
        </Form.Item>
        <Form.Item name="majorLoss" label={t('complaints.notices.majorLoss')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="deductPerformancePay"
          label={t('complaints.notices.deductPerformancePay')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </ActionModal>
    </>
  );
}
