import { App, Button, Card, Checkbox, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { HOTLINE_CATEGORIES } from '../../../core/rules/complaint-flow';
import { useLogCall } from '../../api/hotline';
import { useNotifyError } from '../../ui/use-notify-error';

interface Values {
  line: '400' | '800';
  callerName: string;
  callerPhone: string;
  purpose: string;
  category: (typeof HOTLINE_CATEGORIES)[number];
  content: string;
  promise?: string;
  afterHours?: boolean;
}

/** 'YYYY-MM-DDTHH:mm' in local time, for a datetime-local input. */
const local = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};
function quick(kind: 'in1h' | 'in4h' | 'tomorrow'): string {
  const d = new Date();
  if (kind === 'tomorrow') return local(new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 10, 0));
  return local(new Date(d.getTime() + (kind === 'in1h' ? 1 : 4) * 3_600_000));
}

/**
 * Hotline quick entry (WF-10 step 4: call time, content, customer name and contact details; the promised
 * reply time). Keyboard first: the fields an agent fills while listening, in speaking order.
 */
export function QuickEntryForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const log = useLogCall();
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    try {
      await log.mutateAsync({
        line: v.line,
        callerName: v.callerName,
        callerPhone: v.callerPhone,
        purpose: v.purpose,
        category: v.category,
        content: v.content,
        afterHours: v.afterHours ?? false,
        promisedReplyAt: v.promise ? new Date(v.promise).toISOString() : undefined,
      });
      void message.success(t('hotline.saved'));
      form.resetFields();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Card size="small" title={t('hotline.quickEntry')}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ line: '400', category: 'enquiry' }}
        onFinish={(v) => void submit(v)}
        data-testid="hotline-form"
      >
        <Space wrap>
          <Form.Item name="line" label={t('hotline.line')}>
            <Radio.Group optionType="button" options={['400', '800'].map((l) => ({ value: l, label: l }))} />
          </Form.Item>
          <Form.Item name="category" label={t('hotline.category')}>
            <Radio.Group
              optionType="button"
              options={HOTLINE_CATEGORIES.map((c) => ({ value: c, label: t(`hotline.categories.${c}`) }))}
              data-testid="hotline-category"
            />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="callerName" label={t('hotline.callerName')} rules={[{ required: true, max: 64 }]}>
            <Input autoFocus data-testid="hotline-caller" />
          </Form.Item>
          <Form.Item
            name="callerPhone"
            label={t('hotline.callerPhone')}
            rules={[{ required: true, pattern: /^[0-9+\- ]{3,20}$/ }]}
          >
            <Input data-testid="hotline-phone" />
          </Form.Item>
        </Space>
        <Form.Item name="purpose" label={t('hotline.purpose')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="hotline-purpose" />
        </Form.Item>
        <Form.Item name="content" label={t('hotline.content')} rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea rows={3} data-testid="hotline-content" />
        </Form.Item>
        <Form.Item label={t('hotline.promise')} extra={t('hotline.promiseHint')}>
          <Space wrap>
            <Form.Item name="promise" noStyle>
              <Input type="datetime-local" style={{ width: 220 }} data-testid="hotline-promise" />
            </Form.Item>
            {(['in1h', 'in4h', 'tomorrow'] as const).map((k) => (
              <Button key={k} size="small" onClick={() => form.setFieldValue('promise', quick(k))}>
                {t(`hotline.quick.${k}`)}
              </Button>
            ))}
          </Space>
        </Form.Item>
        <Form.Item name="afterHours" valuePropName="checked">
          <Checkbox>{t('hotline.afterHours')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={log.isPending} block data-testid="hotline-save">
          {t('hotline.save')}
        </Button>
      </Form>
    </Card>
  );
}
