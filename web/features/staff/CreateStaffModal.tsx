import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Department } from '../../../core/contracts/org';
import { useCreateStaff, type CreateStaffInput } from '../../api/org';
import { errorText, fieldErrorsFrom } from '../../ui/api-error';

const FIELDS = ['name', 'department', 'position', 'phone', 'email'] as const;

interface Values {
  name: string;
  department: Department;
  position: string;
  phone?: string;
  email?: string;
}

function toRequest(values: Values): CreateStaffInput {
  const phone = values.phone?.trim();
  const email = values.email?.trim();
  return {
    name: values.name.trim(),
    department: values.department,
    position: values.position.trim(),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
  };
}

/** New staff member; the rules mirror CreateStaffRequest. */
export function CreateStaffModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateStaff();

  const submit = (values: Values) => {
    create.mutate(toRequest(values), {
      onSuccess: () => {
        void message.success(t('common.created'));
        form.resetFields();
        onClose();
      },
      onError: (error) => {
        const fields = fieldErrorsFrom(error, FIELDS);
        if (fields.length > 0) form.setFields(fields);
        else void message.error(errorText(t, error));
      },
    });
  };

  const text = (required: string) => [
    { required: true, whitespace: true, message: required },
    { max: 64, message: t('staff.tooLong') },
  ];

  return (
    <Modal
      open={open}
      title={t('staff.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'staff-create-submit' }}
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} data-testid="staff-create-form">
        <Form.Item name="name" label={t('staff.name')} rules={text(t('staff.nameRequired'))}>
          <Input data-testid="staff-name" />
        </Form.Item>
        <Form.Item
          name="department"
          label={t('staff.department')}
          rules={[{ required: true, message: t('staff.departmentRequired') }]}
        >
          <Select
            data-testid="staff-department"
            options={Department.options.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="position" label={t('staff.position')} rules={text(t('staff.positionRequired'))}>
          <Input data-testid="staff-position" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('staff.phone')}
          rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('staff.phoneInvalid') }]}
        >
          <Input inputMode="numeric" maxLength={11} data-testid="staff-phone" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('staff.email')}
          rules={[{ type: 'email', message: t('staff.emailInvalid') }, { max: 254 }]}
        >
          <Input data-testid="staff-email" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
