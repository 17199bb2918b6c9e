import { Form, Modal, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../ui/use-notify-error';

/**
 * One modal form for the many one-step actions of the complaint flow (reply, check, forward, rule …):
 * the caller gives the fields and the submit; errors show as a message, success closes.
 */
export function ActionModal<V extends object>(props: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSubmit: (values: V) => Promise<unknown>;
  initialValues?: Partial<V>;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const notifyError = useNotifyError();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await props.onSubmit(values);
      form.resetFields();
      props.onClose();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      okButtonProps={{ 'data-testid': `${props.testId ?? 'action'}-ok` } as ButtonProps}
    >
      <Form form={form} layout="vertical" initialValues={props.initialValues} data-testid={props.testId}>
        {props.children}
      </Form>
    </Modal>
  );
}
