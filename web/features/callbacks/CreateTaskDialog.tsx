import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateTaskRequest } from '../../../core/contracts/callbacks';
import { useCreateTask, type CreateTaskInput } from '../../api/callbacks';
import { useCustomerSearch } from '../../api/customers';
import { fieldErrorsFrom } from '../../ui/api-error';
import { useNotifyError } from '../../ui/use-notify-error';

const TYPES = CreateTaskRequest.shape.type.options;
const FIELDS = ['type', 'customerId', 'dueStart', 'dueEnd', 'questionnaireCode', 'note'] as const;

interface Values {
  type: CreateTaskInput['type'];
  customerId: string;
  dueStart?: string;
  dueEnd?: string;
  questionnaireCode?: string;
  note?: string;
}

/** Create a special / spot-check task by hand for one customer (SPEC §4.1 special callbacks). */
export function CreateTaskDialog(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const customers = useCustomerSearch(q, 20);
  const create = useCreateTask();
  const submit = (v: Values) => {
    const body: CreateTaskInput = { type: v.type, customerId: v.customerId };
    if (v.dueStart) body.dueStart = v.dueStart;
    if (v.dueEnd) body.dueEnd = v.dueEnd;
    if (v.questionnaireCode?.trim()) body.questionnaireCode = v.questionnaireCode.trim();
    if (v.note?.trim()) body.note = v.note.trim();
    create.mutate(body, {
      onSuccess: () => {
        void message.success(t('callbacks.queue.createDialog.done'));
        form.resetFields();
        props.onClose();
      },
      onError: (error) => {
        const fields = fieldErrorsFrom(error, FIELDS);
        if (fields.length) form.setFields(fields);
        else notifyError(error);
      },
    });
  };
  const tk = (k: string) => t(`callbacks.queue.createDialog.${k as 'type'}`);
  return (
    <Modal
      open={props.open}
      title={tk('title')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ type: 'SPECIAL_6M_ABSENT' }}>
        <Form.Item name="type" label={tk('type')} rules={[{ required: true }]}>
          <Select options={TYPES.map((v) => ({ value: v, label: t(`callbacks.types.${v}`) }))} />
        </Form.Item>
        <Form.Item name="customerId" label={tk('customer')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={tk('customerSearch')}
            loading={customers.isFetching}
            options={(customers.data?.items ?? []).map((c) => ({
              value: c.id,
              label: [c.name, c.phone, c.vehicles[0]?.plate].filter(Boolean).join(' · '),
            }))}
            data-testid="create-customer"
          />
        </Form.Item>
        <Form.Item name="dueStart" label={tk('dueStart')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="dueEnd" label={tk('dueEnd')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="questionnaireCode" label={tk('questionnaire')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="note" label={tk('note')}>
          <Input.TextArea maxLength={1000} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
