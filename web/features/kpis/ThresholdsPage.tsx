import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiThresholds, KpiThresholdsOverview, ThresholdSet } from '../../../core/contracts/kpi-thresholds';
import { useKpiThresholds, useSaveKpiThresholds } from '../../api/kpis';
import { currentLanguage } from '../../i18n';
import { fieldErrorsFrom } from '../../ui/api-error';
import { formatDateTime } from '../../ui/format';
import { FullPageSpin } from '../../ui/FullPageSpin';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';
import { useDealerTimeZone } from '../auth/session';
import { limitPct } from './format';

/** The form works in percentages (50 = 50 %); the API in fractions (0.5). */
interface Values {
  effectiveFrom: string;
  callback: number;
  survey: number;
  inclusive: boolean;
  target: number;
  note?: string;
}
const FIELDS = ['effectiveFrom', 'callback', 'survey', 'inclusive', 'target', 'note'] as const;
const toPercent = (f: number) => Number((f * 100).toFixed(2));
const toFraction = (p: number) => Number((p / 100).toFixed(4));
const valuesOf = (t: KpiThresholds) => ({
  callback: toPercent(t.callback),
  survey: toPercent(t.survey),
  inclusive: t.inclusive,
  target: t.target,
});

/** The three thresholds as Descriptions items. */
function summaryItems(tr: (k: 'callback' | 'survey' | 'target') => string, th: KpiThresholds) {
  const op = th.inclusive ? '≥' : '>';
  return [
    { key: 'callback', label: tr('callback'), children: `${op} ${limitPct(th.callback)}` },
    { key: 'survey', label: tr('survey'), children: `${op} ${limitPct(th.survey)}` },
    { key: 'target', label: tr('target'), children: `> ${th.target}` },
  ];
}

function NewVersion({ data }: { data: KpiThresholdsOverview }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const save = useSaveKpiThresholds();
  const submit = (v: Values) =>
    save.mutate(
      {
        effectiveFrom: v.effectiveFrom,
        callback: toFraction(v.callback),
        survey: toFraction(v.survey),
        inclusive: v.inclusive,
        target: v.target,
        note: v.note ?? '',
      },
      {
        onSuccess: (o) => void message.success(t('kpis.thresholds.saved', { no: o.versions[0]?.versionNo ?? '' })),
        onError: (error) => {
          const fields = fieldErrorsFrom(error, FIELDS);
          if (fields.length) form.setFields(fields);
          else notifyError(error);
        },
      },
    );
  const pctInput = (testId: string) => (
    <InputNumber min={0.01} max={100} step={1} precision={2} addonAfter="%" data-testid={testId} />
  );
  return (
    <Card size="small" title={t('kpis.thresholds.newVersion')} style={{ marginTop: 12 }} data-testid="thresholds-form">
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ effectiveFrom: data.earliestEffectiveFrom, ...valuesOf(data.current.thresholds), note: '' }}
      >
        <Form.Item
          name="effectiveFrom"
          label={t('kpis.thresholds.effectiveFrom')}
          extra={t('kpis.thresholds.earliest', { date: data.earliestEffectiveFrom })}
          rules={[
            { required: true },
            {
              // the server refuses it too; said here in the user's language before sending
              validator: (_, v: string | undefined) =>
                !v || v >= data.earliestEffectiveFrom
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('kpis.thresholds.tooEarly', { date: data.earliestEffectiveFrom }))),
            },
          ]}
        >
          <Input type="date" style={{ width: 200 }} data-testid="thresholds-effective" />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="callback" label={t('kpis.thresholds.callback')} rules={[{ required: true }]}>
            {pctInput('thresholds-callback')}
          </Form.Item>
          <Form.Item name="survey" label={t('kpis.thresholds.survey')} rules={[{ required: true }]}>
            {pctInput('thresholds-survey')}
          </Form.Item>
          <Form.Item name="target" label={t('kpis.thresholds.target')} rules={[{ required: true }]}>
            <InputNumber min={0.01} max={99.99} step={1} precision={2} data-testid="thresholds-target" />
          </Form.Item>
        </Space>
        <Form.Item name="inclusive" label={t('kpis.thresholds.inclusive')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: true, label: t('kpis.thresholds.inclusiveYes') },
              { value: false, label: t('kpis.thresholds.inclusiveNo') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('kpis.thresholds.note')}>
          <Input maxLength={300} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="thresholds-save">
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(valuesOf(data.preset))}>{t('kpis.thresholds.usePreset')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

function History({ data }: { data: KpiThresholdsOverview }) {
  const { t } = useTranslation();
  const tz = useDealerTimeZone();
  const none = t('common.none');
  const op = (s: ThresholdSet) => (s.thresholds.inclusive ? '≥' : '>');
  const columns: TableColumnsType<ThresholdSet> = [
    {
      key: 'version',
      title: t('kpis.thresholds.version', { no: '' }).trim(),
      render: (_, s) => (
        <>
          {t('kpis.thresholds.version', { no: s.versionNo })}{' '}
          {s.versionNo === data.current.versionNo && <Tag color="green">{t('kpis.thresholds.inForce')}</Tag>}
          {s.effectiveFrom > data.earliestEffectiveFrom && s.versionNo !== data.current.versionNo && (
            <Tag color="blue">{t('kpis.thresholds.future')}</Tag>
          )}
        </>
      ),
    },
    { key: 'effectiveFrom', title: t('kpis.thresholds.effectiveFrom'), dataIndex: 'effectiveFrom' },
    {
      key: 'callback',
      title: t('kpis.thresholds.callback'),
      render: (_, s) => `${op(s)} ${limitPct(s.thresholds.callback)}`,
    },
    {
      key: 'survey',
      title: t('kpis.thresholds.survey'),
      render: (_, s) => `${op(s)} ${limitPct(s.thresholds.survey)}`,
    },
    { key: 'target', title: t('kpis.thresholds.target'), render: (_, s) => `> ${s.thresholds.target}` },
    { key: 'note', title: t('kpis.thresholds.note'), render: (_, s) => s.note || none },
    {
      key: 'createdAt',
      title: t('kpis.thresholds.createdAt'),
      render: (_, s) => formatDateTime(s.createdAt, currentLanguage(), tz) ?? none,
    },
    { key: 'createdBy', title: t('kpis.thresholds.createdBy'), render: (_, s) => s.createdByName ?? none },
  ];
  return (
    <Card size="small" title={t('kpis.thresholds.history')} style={{ marginTop: 12 }}>
      <Table<ThresholdSet>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data.versions}
        pagination={false}
        data-testid="thresholds-history"
      />
    </Card>
  );
}

/** KPI 阈值 (SPEC §5.2 validity "50%以上 / 60%以上", C24 boundary, §5.3 target > 90): versioned per dealer. */
export default function ThresholdsPage() {
  const { t } = useTranslation();
  const q = useKpiThresholds();
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <FullPageSpin />;
  const cur = q.data.current;
  return (
    <>
      <PageTitle title={t('kpis.thresholds.title')} />
      <Alert type="info" showIcon message={t('kpis.thresholds.intro')} style={{ marginBottom: 12 }} />
      <Card size="small" title={t('kpis.thresholds.current')} data-testid="thresholds-current">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'version',
              label: t('kpis.thresholds.current'),
              children:
                cur.versionNo === null
                  ? t('kpis.thresholds.preset')
                  : `${t('kpis.thresholds.version', { no: cur.versionNo })}（${cur.effectiveFrom}）`,
            },
            ...summaryItems((k) => t(`kpis.thresholds.${k}`), cur.thresholds),
          ]}
        />
      </Card>
      <NewVersion data={q.data} />
      <History data={q.data} />
    </>
  );
}
