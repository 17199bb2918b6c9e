import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_EVENTS } from '../../../core/contracts/notifications';
import { useCreateRobot, type NewRobotInput } from '../../api/notifications';
import { useNotifyError } from '../../ui/use-notify-error';
import { eventLabel } from './event-label';

/** Name, webhook URL (sent once, never shown again) and the events the group receives. */
export function AddRobotForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const create = useCreateRobot();
  const [form] = Form.useForm<NewRobotInput>();
  const submit = (values: NewRobotInput) =>
    create.mutate(
      { ...values, events: values.events ?? [] },
      {
        onSuccess: () => {
          form.resetFields();
          onDone();
        },
        onError: notifyError,
      },
    );
  return (
    <Form<NewRobotInput> form={form} layout="vertical" onFinish={submit} data-testid="robot-form">
      <Form.Item name="name" label={t('notifications.robots.name')} rules={[{ required: true, max: 60 }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="webhookUrl" label={t('notifications.robots.url')} rules={[{ required: true, type: 'url' }]}>
        <Input.Password placeholder={t('notifications.robots.urlPlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item name="events" label={t('notifications.robots.events')} extra={t('notifications.robots.allEvents')}>
        <Select
          mode="multiple"
          allowClear
          options={NOTIFICATION_EVENTS.map((e) => ({ value: e, label: eventLabel(t, e) }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="robot-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}
