import { App, Button, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../ui/use-notify-error';
import { type CorrectionData, useConfirmCorrection, useResolveCorrection } from './corrections-api';

type Mode = 'resolve' | 'confirm';
interface Values {
  ok: boolean;
  note: string;
}

/**
 * The next step of a correction (WF-14): the department manager fixes the data (or explains why not),
 * then customer service confirms it or sends it back.
 */
export function CorrectionAction({ row, mode }: { row: CorrectionData; mode: Mode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const resolve = useResolveCorrection();
  const confirm = useConfirmCorrection();
  const pending = resolve.isPending || confirm.isPending;
  const done = () => {
    void message.success(t(`customers.corrections.${mode}d`));
    setOpen(false);
  };
  const submit = ({ ok, note }: Values) => {
    const handlers = { onSuccess: done, onError: notifyError };
    if (mode === 'resolve') resolve.mutate({ id: row.id, apply: ok, note }, handlers);
    else confirm.mutate({ id: row.id, accepted: ok, ...(note ? { note } : {}) }, handlers);
  };
  const choices = mode === 'resolve' ? (['apply', 'keep'] as const) : (['accept', 'return'] as const);
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid={`correction-${mode}`}>
        {t(`customers.corrections.${mode}`)}
      </Button>
      <Modal
        open={open}
        title={t(`customers.corrections.${mode}Title`, { name: row.customerName })}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={pending}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ ok: true, note: '' }}>
          <Form.Item name="ok">
            <Radio.Group
              options={choices.map((c, i) => ({ value: i === 0, label: t(`customers.corrections.choices.${c}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('customers.corrections.note')}
            rules={mode === 'resolve' ? [{ required: true, whitespace: true, max: 300 }] : [{ max: 300 }]}
          >
            <Input.TextArea rows={3} data-testid="correction-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
