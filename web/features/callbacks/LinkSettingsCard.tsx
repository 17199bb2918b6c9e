import { App, Button, Card, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLinkSettings, useSaveLinkSettings, type LinkSettingsInput } from '../../api/callbacks';
import { fieldErrorsFrom } from '../../ui/api-error';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';

const FIELDS = ['privacyNotice', 'validHours', 'publicBaseUrl', 'smsTemplate'] as const;

/** The mobile survey link: privacy notice, validity, public base URL and SMS template (empty: the default). */
export function LinkSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<LinkSettingsInput>();
  const settings = useLinkSettings();
  const save = useSaveLinkSettings();
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  const d = settings.data;
  if (!d) return null;
  const submit = (v: LinkSettingsInput) =>
    save.mutate(
      {
        privacyNotice: v.privacyNotice ?? '',
        validHours: v.validHours,
        publicBaseUrl: v.publicBaseUrl ?? '',
        smsTemplate: v.smsTemplate ?? '',
      },
      {
        onSuccess: () => void message.success(t('callbacks.links.saved')),
        onError: (error) => {
          const fields = fieldErrorsFrom(error, FIELDS);
          if (fields.length) form.setFields(fields);
          else notifyError(error);
        },
      },
    );
  const f = (k: (typeof FIELDS)[number]) => t(`callbacks.links.${k}`);
  return (
    <Card size="small" title={t('callbacks.links.title')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          privacyNotice: d.privacyNotice ?? '',
          validHours: d.validHours,
          publicBaseUrl: d.publicBaseUrl ?? '',
          smsTemplate: d.smsTemplate ?? '',
        }}
      >
        <Form.Item name="privacyNotice" label={f('privacyNotice')} extra={t('callbacks.links.emptyDefault')}>
          <Input.TextArea rows={4} maxLength={4000} placeholder={d.defaultPrivacyNotice} />
        </Form.Item>
        <Form.Item name="validHours" label={f('validHours')} rules={[{ required: true }]}>
          <InputNumber min={1} max={720} />
        </Form.Item>
        <Form.Item name="publicBaseUrl" label={f('publicBaseUrl')}>
          <Input maxLength={200} placeholder="https://survey.example.com" />
        </Form.Item>
        <Form.Item name="smsTemplate" label={f('smsTemplate')} extra={t('callbacks.links.templateHint')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={d.defaultSmsTemplate} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
