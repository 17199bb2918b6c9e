import { EditOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CORRECTABLE_FIELDS } from '../../../core/contracts/corrections';
import { useNotifyError } from '../../ui/use-notify-error';
import { type NewCorrection, useFileCorrection } from './corrections-api';

const DEPARTMENTS = ['after_sales', 'sales', 'customer_service'] as const;
type Values = Omit<NewCorrection, 'customerId'>;

/** 客户 360 → 发起信息修正: a wrong field, the right value, how it was found and who must fix it (24 h). */
export function FileCorrectionButton({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const file = useFileCorrection();
  const submit = (values: Values) =>
    file.mutate(
      { ...values, customerId },
      {
        onSuccess: () => {
          void message.success(t('customers.corrections.filed'));
          setOpen(false);
          form.resetFields();
        },
        onError: notifyError,
      },
    );
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="file-correction">
        {t('customers.corrections.file')}
      </Button>
      <Modal
        open={open}
        title={t('customers.corrections.fileTitle')}
        okText={t('customers.corrections.submit')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={file.isPending}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ department: 'after_sales' }}>
          <Form.Item name="field" label={t('customers.corrections.field')} rules={[{ required: true }]}>
            <Select
              data-testid="correction-field"
              options={CORRECTABLE_FIELDS.map((f) => ({ value: f, label: t(`customers.corrections.fields.${f}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="proposedValue"
            label={t('customers.corrections.proposed')}
            rules={[{ required: true, whitespace: true, max: 200 }]}
          >
            <Input data-testid="correction-value" />
          </Form.Item>
          <Form.Item
            name="foundHow"
            label={t('customers.corrections.foundHow')}
            rules={[{ required: true, whitespace: true, max: 200 }]}
          >
            <Input placeholder={t('customers.corrections.foundHowHint')} data-testid="correction-found-how" />
          </Form.Item>
          <Form.Item name="department" label={t('customers.corrections.department')} rules={[{ required: true }]}>
            <Select
              options={DEPARTMENTS.map((d) => ({ value: d, label: t(`customers.corrections.departments.${d}`) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
