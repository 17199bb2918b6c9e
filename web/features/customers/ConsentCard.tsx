import { App, Badge, Button, Card, Divider, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRecordConsent, type Customer360Data } from '../../api/customers';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { useNotifyError } from '../../ui/use-notify-error';
import { useCan, useDealerTimeZone } from '../auth/session';
import { CONSENT_CHANNELS, isConsentChannel, parseEvidence, type ConsentChannel } from './consent-evidence';

type Choice = 'keep' | 'allow' | 'refuse';
interface Values {
  service: Choice;
  marketing: Choice;
  channel?: ConsentChannel;
  note?: string;
}

const toFlag = (choice: Choice): boolean | undefined => (choice === 'keep' ? undefined : choice === 'allow');

function ConsentLine({ label, allowed, evidence }: { label: string; allowed: boolean; evidence: unknown }) {
  const { t } = useTranslation();
  const timeZone = useDealerTimeZone();
  const e = parseEvidence(evidence);
  const channel = e?.channel && isConsentChannel(e.channel) ? t(`customers.consent.channels.${e.channel}`) : e?.channel;
  return (
    <Flex vertical gap={2}>
      <Flex gap={8} align="center">
        <Typography.Text>{label}</Typography.Text>
        <Badge
          status={allowed ? 'success' : 'default'}
          text={allowed ? t('customers.consent.allowed') : t('customers.consent.refused')}
        />
      </Flex>
      <Typography.Text type="secondary">
        {e
          ? t('customers.consent.evidence', {
              channel: channel ?? t('common.none'),
              source: e.source ?? t('common.none'),
              at: formatDateTime(e.at ?? null, currentLanguage(), timeZone) ?? t('common.none'),
            })
          : t('customers.consent.noEvidence')}
        {e?.note ? ` · ${e.note}` : ''}
      </Typography.Text>
    </Flex>
  );
}

/** Separate service-callback and marketing flags with their evidence; staff record what the customer said. */
export function ConsentCard({ data }: { data: Customer360Data }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const canRecord = useCan('customers:consent');
  const record = useRecordConsent(data.customer.id);
  const [form] = Form.useForm<Values>();
  const c = data.customer;
  const choices = (['keep', 'allow', 'refuse'] as const).map((value) => ({
    value,
    label: t(
      value === 'keep'
        ? 'customers.consent.keep'
        : value === 'allow'
          ? 'customers.consent.allowed'
          : 'customers.consent.refused',
    ),
  }));

  const submit = (values: Values) => {
    const serviceCallbacksAllowed = toFlag(values.service);
    const marketingAllowed = toFlag(values.marketing);
    if (serviceCallbacksAllowed === undefined && marketingAllowed === undefined) {
      void message.warning(t('customers.consent.nothingChanged'));
      return;
    }
    if (!values.channel) return;
    const note = values.note?.trim();
    record.mutate(
      { serviceCallbacksAllowed, marketingAllowed, channel: values.channel, ...(note ? { note } : {}) },
      {
        onSuccess: () => {
          void message.success(t('customers.consent.recorded'));
          form.resetFields();
        },
        onError: notifyError,
      },
    );
  };

  return (
    <Card title={t('customers.consent.title')} size="small" data-testid="customer-consent">
      <Flex vertical gap={12}>
        <ConsentLine
          label={t('customers.consent.service')}
          allowed={c.serviceCallbacksAllowed}
          evidence={c.serviceConsent}
        />
        <ConsentLine
          label={t('customers.consent.marketing')}
          allowed={c.marketingAllowed}
          evidence={c.marketingConsent}
        />
      </Flex>
      {canRecord && (
        <>
          <Divider plain>{t('customers.consent.record')}</Divider>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ service: 'keep', marketing: 'keep' }}
            onFinish={submit}
          >
            <Flex gap={12} wrap>
              <Form.Item name="service" label={t('customers.consent.service')} style={{ minWidth: 140 }}>
                <Select options={choices} data-testid="consent-service" />
              </Form.Item>
              <Form.Item name="marketing" label={t('customers.consent.marketing')} style={{ minWidth: 140 }}>
                <Select options={choices} data-testid="consent-marketing" />
              </Form.Item>
              <Form.Item
                name="channel"
                label={t('customers.consent.channel')}
                rules={[{ required: true, message: t('customers.consent.channelRequired') }]}
                style={{ minWidth: 160 }}
              >
                <Select
                  options={CONSENT_CHANNELS.map((ch) => ({ value: ch, label: t(`customers.consent.channels.${ch}`) }))}
                  data-testid="consent-channel"
                />
              </Form.Item>
            </Flex>
            <Form.Item name="note" label={t('customers.consent.note')}>
              <Input maxLength={200} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="consent-submit">
              {t('customers.consent.record')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
