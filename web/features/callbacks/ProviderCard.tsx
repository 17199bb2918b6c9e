import { App, Button, Card, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProvider, useSaveProvider, type ProviderInput } from '../../api/callbacks';
import { fieldErrorsFrom } from '../../ui/api-error';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';

const FIELDS = ['kind', 'url', 'secret', 'senderName', 'active'] as const;

/** The SMS provider: a signed webhook (the secret is never shown back, only its hint) or the log-only sender. */
export function ProviderCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<ProviderInput>();
  const provider = useProvider(true);
  const save = useSaveProvider();
  if (provider.isError) return <QueryError error={provider.error} onRetry={() => void provider.refetch()} />;
  const d = provider.data;
  if (!d) return null;
  const submit = (v: ProviderInput) => {
    const body: ProviderInput = { kind: v.kind, senderName: v.senderName ?? '', active: v.active ?? true };
    if (v.url) body.url = v.url;
    if (v.secret) body.secret = v.secret;
    save.mutate(body, {
      onSuccess: () => {
        void message.success(t('callbacks.provider.saved'));
        form.setFieldValue('secret', '');
      },
      onError: (error) => {
        const fields = fieldErrorsFrom(error, FIELDS);
        if (fields.length) form.setFields(fields);
        else notifyError(error);
      },
    });
  };
  const f = (k: (typeof FIELDS)[number]) => t(`callbacks.provider.${k}`);
  return (
    <Card size="small" title={t('callbacks.provider.title')} style={{ marginTop: 12 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: d.kind, url: d.url ?? '', senderName: d.senderName, active: d.active }}
      >
        <Form.Item name="kind" label={f('kind')}>
          <Select
            options={(['webhook', 'log'] as const).map((k) => ({
              value: k,
              label: t(`callbacks.provider.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="url" label={f('url')}>
          <Input maxLength={500} placeholder="https://sms-gateway.example.com/send" />
        </Form.Item>
        <Form.Item
          name="secret"
          label={f('secret')}
          extra={d.secretHint ? t('callbacks.provider.secretSaved', { hint: d.secretHint }) : undefined}
        >
          <Input.Password maxLength={200} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="senderName" label={f('senderName')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="active" label={f('active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
