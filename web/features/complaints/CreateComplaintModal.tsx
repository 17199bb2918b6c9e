import { Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { COMPLAINT_LEVELS, COMPLAINT_SOURCES } from '../../../core/rules/complaint-flow';
import { Department } from '../../../core/contracts/org';
import { useCreateComplaint } from '../../api/complaints';
import { ActionModal } from './ActionModal';
import { StaffSelect } from './StaffSelect';

interface Values {
  source: (typeof COMPLAINT_SOURCES)[number];
  level: (typeof COMPLAINT_LEVELS)[number];
  customerName: string;
  customerPhone?: string;
  description: string;
  department?: Department;
  staffIds?: string[];
  rectificationNeeded?: boolean;
}

/** 登记抱怨单: CR registers and files a complaint (WF-8 step 1); it goes to the department head. */
export function CreateComplaintModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateComplaint();
  const navigate = useNavigate();
  return (
    <ActionModal<Values>
      open={open}
      onClose={onClose}
      title={t('complaints.create')}
      initialValues={{ source: 'callback', level: 'grumble' }}
      testId="complaint-create"
      onSubmit={async (v) => {
        const c = await create.mutateAsync({
          ...v,
          customerPhone: v.customerPhone || undefined,
          staffIds: v.staffIds ?? [],
        });
        void navigate(`/complaints/${c.id}`);
      }}
    >
      <Form.Item name="source" label={t('complaints.fields.source')} rules={[{ required: true }]}>
        <Select options={COMPLAINT_SOURCES.map((s) => ({ value: s, label: t(`complaints.sources.${s}`) }))} />
      </Form.Item>
      <Form.Item name="level" label={t('complaints.fields.level')} rules={[{ required: true }]}>
        <Select
          data-testid="complaint-level"
          options={COMPLAINT_LEVELS.map((l) => ({ value: l, label: t(`complaints.levels.${l}`) }))}
        />
      </Form.Item>
      <Form.Item name="customerName" label={t('complaints.fields.customer')} rules={[{ required: true, max: 64 }]}>
        <Input data-testid="complaint-customer" />
      </Form.Item>
      <Form.Item name="customerPhone" label={t('complaints.fields.phone')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="description" label={t('complaints.fields.description')} rules={[{ required: true, max: 4000 }]}>
        <Input.TextArea rows={4} data-testid="complaint-description" />
      </Form.Item>
      <Form.Item name="department" label={t('complaints.fields.department')}>
        <Select allowClear options={Department.options.map((d) => ({ value: d, label: t(`departments.${d}`) }))} />
      </Form.Item>
      <Form.Item name="staffIds" label={t('complaints.fields.staff')}>
        <StaffSelect multiple testId="complaint-staff" />
      </Form.Item>
      <Form.Item name="rectificationNeeded" label={t('complaints.fields.rectificationNeeded')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </ActionModal>
  );
}
