import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { PENALTY_PERIODS, type PenaltyRules } from '../../../core/rules/penalties';
import { ApiErrorAlert } from '../cases/ApiErrorAlert';
import type { PenaltyRulesBody } from './penalty-rules-api';

const PRESET_KEYS = ['EMPTY', 'P-FTMS', 'SAMPLE'] as const;
type PresetKey = (typeof PRESET_KEYS)[number];
type Yuan = number | null;
interface GroupRow {
  key: PenaltyRules['groups'][number]['key'];
  yuan: [Yuan, Yuan, Yuan];
  thirdDismissal: boolean;
}
interface Values extends Omit<PenaltyRules, 'groups'> {
  presetKey?: PresetKey;
  effectiveFrom: string;
  note: string;
  groups: GroupRow[];
}

const toYuan = (fen: number | null) => (fen === null ? null : fen / 100);
const toFen = (y: Yuan | undefined) => (y === null || y === undefined ? null : Math.round(y * 100));

function valuesOf(rules: PenaltyRules): Omit<Values, 'effectiveFrom' | 'note'> {
  const { groups, ...rest } = rules;
  const rows = groups.map((g) => ({
    key: g.key,
    yuan: g.amountsFen.map(toYuan) as GroupRow['yuan'],
    thirdDismissal: g.thirdDismissal,
  }));
  return { ...rest, groups: rows };
}

function toBody(v: Values): PenaltyRulesBody {
  const { presetKey, effectiveFrom, note, groups, ...rest } = v;
  const rules: PenaltyRules = {
    ...rest,
    rectificationWorkingDays: rest.rectificationWorkingDays ?? null,
    groups: groups.map((g) => ({
      key: g.key,
      amountsFen: [toFen(g.yuan[0]), toFen(g.yuan[1]), toFen(g.yuan[2])],
      thirdDismissal: g.thirdDismissal,
    })),
  };
  return { effectiveFrom: effectiveFrom.trim(), note: note.trim(), rules, ...(presetKey ? { presetKey } : {}) };
}

function GroupTable({ rows }: { rows: GroupRow[] }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows.map((r, i) => ({ ...r, i }))}
      style={{ marginBottom: 16 }}
      columns={[
        { title: t('penaltyRules.group'), key: 'g', render: (_, r) => t(`complaints.penalties.groups.${r.key}`) },
        ...[0, 1, 2].map((n) => ({
          title: t('penaltyRules.offence', { n: n + 1 }),
          key: `o${n}`,
          render: (_: unknown, r: { i: number; key: string }) => (
            <Form.Item name={['groups', r.i, 'yuan', n]} noStyle>
              <InputNumber min={0} max={1_000_000} precision={2} data-testid={`pr-${r.key}-${n + 1}`} />
            </Form.Item>
          ),
        })),
        {
          title: t('penaltyRules.thirdDismissal'),
          key: 'd',
          render: (_, r) => (
            <Form.Item name={['groups', r.i, 'thirdDismissal']} valuePropName="checked" noStyle>
              <Checkbox />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

/** A new penalty-rules version (SPEC §5.7, §9.2 C10): amounts per group and offence (blank = not set). */
export function PenaltyRulesForm(props: {
  rules: PenaltyRules;
  presets: Record<string, PenaltyRules>;
  saving: boolean;
  error: unknown;
  onSave: (body: PenaltyRulesBody) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rows = (Form.useWatch('groups', { form, preserve: true }) ?? valuesOf(props.rules).groups) as GroupRow[];
  const initial = { ...valuesOf(props.rules), effectiveFrom: new Date().toLocaleDateString('sv-SE'), note: '' };
  const applyPreset = (k: PresetKey) => {
    const p = props.presets[k];
    if (p) form.setFieldsValue({ ...valuesOf(p), presetKey: k });
  };
  const L = (k: 'period' | 'biasMultiplier' | 'handlingWorkingDays' | 'rectificationWorkingDays') =>
    t(`penaltyRules.${k}`);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={() => props.onSave(toBody(form.getFieldsValue(true)))}
    >
      <ApiErrorAlert error={props.error} intro={t('caseRules.validation')} />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="presetKey" label={t('penaltyRules.startFrom')}>
            <Select
              allowClear
              onChange={(k?: PresetKey) => k && applyPreset(k)}
              options={PRESET_KEYS.map((k) => ({ value: k, label: t(`penaltyRules.presets.${k}`) }))}
              data-testid="pr-preset"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="period" label={L('period')}>
            <Select
              options={PENALTY_PERIODS.map((p) => ({ value: p, label: t(`complaints.penalties.periods.${p}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="biasMultiplier" label={L('biasMultiplier')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10} step={0.5} style={{ width: '100%' }} data-testid="pr-bias" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="handlingWorkingDays" label={L('handlingWorkingDays')} rules={[{ required: true }]}>
            <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="rectificationWorkingDays" label={L('rectificationWorkingDays')}>
            <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <GroupTable rows={rows} />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="effectiveFrom" label={t('penaltyRules.effectiveFrom')} rules={[{ required: true }]}>
            <Input placeholder="YYYY-MM-DD" data-testid="pr-effectiveFrom" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="note" label={t('penaltyRules.note')}>
            <Input maxLength={500} data-testid="pr-note" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={props.saving} data-testid="pr-save">
        {t('penaltyRules.save')}
      </Button>
    </Form>
  );
}
