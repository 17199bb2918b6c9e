import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../core/contracts/cases';
import { useStaff } from '../../api/org';
import { useCan } from '../auth/session';
import { ApiErrorAlert } from './ApiErrorAlert';
import { useReassignCallback } from './case-rules-api';

/** The CS agents of this dealer with a login (the server checks they may make callbacks). */
function AgentSelect(props: { value?: string; onChange?: (v: string) => void; exclude: string }) {
  const staff = useStaff({ department: 'customer_service', limit: 200, offset: 0 });
  const options = (staff.data?.items ?? [])
    .filter((s) => s.active && s.userId && s.userId !== props.exclude)
    .map((s) => ({ value: s.userId as string, label: `${s.name} · ${s.position}` }));
  return (
    <Select
      showSearch
      optionFilterProp="label"
      loading={staff.isLoading}
      value={props.value}
      onChange={props.onChange}
      options={options}
      data-testid="reassign-agent"
    />
  );
}

/** C39: hand this loop's second callback to another agent when the one who filled the form is unavailable. */
export function ReassignCallbackButton({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const allowed = useCan('cases:escalated');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ userId: string; reason: string }>();
  const m = useReassignCallback(c.id);
  if (!allowed || c.status !== 'awaiting_second_callback' || !c.secondCallbackTaskId) return null;
  const submit = (v: { userId: string; reason: string }) =>
    m.mutate(v, {
      onSuccess: () => {
        void message.success(t('caseRules.reassign.done'));
        setOpen(false);
        form.resetFields();
      },
    });
  return (
    <>
      <Button onClick={() => setOpen(true)} style={{ marginBottom: 16 }} data-testid="reassign-callback">
        {t('caseRules.reassign.button')}
      </Button>
      <Modal
        open={open}
        title={t('caseRules.reassign.title')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={m.isPending}
        destroyOnHidden
      >
        <ApiErrorAlert error={m.error} intro={t('caseRules.validation')} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="userId" label={t('caseRules.reassign.agent')} rules={[{ required: true }]}>
            <AgentSelect exclude={c.filledBy} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('caseRules.reassign.reason')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea
              maxLength={500}
              placeholder={t('caseRules.reassign.reasonHint')}
              data-testid="reassign-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
