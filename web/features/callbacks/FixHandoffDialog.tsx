import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFixHandoff, type HandoffData } from '../../api/callbacks';
import { fieldErrorsFrom } from '../../ui/api-error';
import { useNotifyError } from '../../ui/use-notify-error';

interface Values {
  newPhone?: string;
  note: string;
}

/** Give the corrected number (or confirm the old one) with a note; the task goes back to the queue. */
export function FixHandoffDialog(props: { handoff: HandoffData | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const fix = useFixHandoff();
  const submit = (v: Values) => {
    if (!props.handoff) return;
    const phone = v.newPhone?.trim();
    fix.mutate(
      { handoffId: props.handoff.id, body: { note: v.note.trim(), ...(phone ? { newPhone: phone } : {}) } },
      {
        onSuccess: () => {
          void message.success(t('callbacks.handoffs.fixed'));
          form.resetFields();
          props.onClose();
        },
        onError: (error) => {
          const fields = fieldErrorsFrom(error, ['newPhone', 'note'] as const);
          if (fields.length) form.setFields(fields);
          else notifyError(error);
        },
      },
    );
  };
  return (
    <Modal
      open={props.handoff !== null}
      title={t('callbacks.handoffs.dialog.title')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fix.isPending }}
      destroyOnHidden
    >
      <p>
        {props.handoff?.customerName} · {props.handoff?.sourceNumber}
      </p>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="newPhone"
          label={t('callbacks.handoffs.dialog.newPhone')}
          extra={t('callbacks.handoffs.dialog.phoneHint')}
          rules={[{ min: 5, max: 20, message: t('callbacks.handoffs.dialog.phoneInvalid') }]}
        >
          <Input maxLength={20} data-testid="handoff-phone" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('callbacks.handoffs.dialog.note')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea maxLength={300} rows={3} data-testid="handoff-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
