import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseRules, PutCaseRulesRequest } from '../../../core/contracts/cases';
import { ROLES } from '../../../core/permissions';
import { ApiErrorAlert } from './ApiErrorAlert';
import type { caseRulesZhCN } from './i18n-rules.zh-CN';

const ROLL = 'next-working-day-cutoff';
const LINES = ['after_sales', 'sales'] as const;
const DEPTS = ['after_sales', 'sales', 'quality', 'management', 'other'] as const;
const WHEN = ['severe_or_other_department', 'severe_only', 'other_department_only', 'always'] as const;

interface Values {
  effectiveFrom: string;
  note: string;
  afterMode: 'roll' | 'time';
  afterTime: string;
  rules: CaseRules;
}

function RoleSelect(props: { value?: string[]; onChange?: (v: string[]) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      mode="multiple"
      value={props.value}
      onChange={props.onChange}
      options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      data-testid={props.testId}
    />
  );
}

const today = () => new Date().toLocaleDateString('sv-SE');

function toRequest(v: Values): PutCaseRulesRequest {
  const afterCutoff = v.afterMode === 'roll' ? ROLL : (v.afterTime ?? '').trim();
  return { effectiveFrom: v.effectiveFrom.trim(), note: v.note.trim(), rules: { ...v.rules, afterCutoff } };
}

/** A new version of the closed-loop rules (SPEC §4.7, §8.4, §9.2 C5–C7), starting from the rules in force. */
export function CaseRulesForm(props: {
  rules: CaseRules;
  saving: boolean;
  error: unknown;
  onSave: (body: PutCaseRulesRequest) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const afterMode = Form.useWatch('afterMode', form);
  const roll = props.rules.afterCutoff === ROLL;
  const initial: Values = {
    effectiveFrom: today(),
    note: '',
    afterMode: roll ? 'roll' : 'time',
    afterTime: roll ? '' : props.rules.afterCutoff,
    rules: props.rules,
  };
  const F = (k: keyof typeof caseRulesZhCN.fields, o: { line?: string; dept?: string } = {}) =>
    t(`caseRules.fields.${k}`, { line: o.line ?? '', dept: o.dept ?? '' });
  const num = (name: (string | number)[], label: string, max: number) => (
    <Col xs={24} md={8}>
      <Form.Item name={['rules', ...name]} label={label} rules={[{ required: true }]}>
        <InputNumber min={0} max={max} precision={0} style={{ width: '100%' }} data-testid={`cr-${name.join('-')}`} />
      </Form.Item>
    </Col>
  );
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={() => props.onSave(toRequest(form.getFieldsValue(true)))}
    >
      <ApiErrorAlert error={props.error} intro={t('caseRules.validation')} />
      <Card size="small" title={t('caseRules.timing')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={['rules', 'formCutoff']} label={F('formCutoff')} rules={[{ required: true }]}>
              <Input placeholder="HH:MM" data-testid="cr-formCutoff" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="afterMode" label={F('afterCutoff')}>
              <Select
                options={[
                  { value: 'roll', label: t('caseRules.afterCutoffModes.rollCutoff') },
                  { value: 'time', label: t('caseRules.afterCutoffModes.atTime') },
                ]}
              />
            </Form.Item>
          </Col>
          {afterMode === 'time' && (
            <Col xs={24} md={8}>
              <Form.Item name="afterTime" label={F('afterCutoffTime')}>
                <Input placeholder="HH:MM" data-testid="cr-afterTime" />
              </Form.Item>
            </Col>
          )}
          {num(['replyWorkingDays'], F('replyWorkingDays'), 30)}
          {num(['replyWorkingHours'], F('replyWorkingHours'), 240)}
          {num(['returnWorkingDays'], F('returnWorkingDays'), 30)}
          {num(['secondCallbackWorkingDays'], F('secondCallbackWorkingDays'), 30)}
          {num(['dailyReportWorkingDays'], F('dailyReportWorkingDays'), 30)}
        </Row>
      </Card>
      <Card size="small" title={t('caseRules.routing')} style={{ marginBottom: 16 }}>
        <Form.Item name={['rules', 'trackingFormWhen']} label={F('trackingFormWhen')}>
          <Select options={WHEN.map((w) => ({ value: w, label: t(`caseRules.trackingFormWhen.${w}`) }))} />
        </Form.Item>
        {LINES.map((l) => (
          <Form.Item
            key={l}
            name={['rules', 'lineRecipients', l]}
            label={F('lineRecipients', { line: t(`caseRules.lines.${l}`) })}
          >
            <RoleSelect />
          </Form.Item>
        ))}
        {DEPTS.map((d) => (
          <Form.Item
            key={d}
            name={['rules', 'departmentRoles', d]}
            label={F('departmentRoles', { dept: t(`cases.departments.${d}`) })}
          >
            <RoleSelect />
          </Form.Item>
        ))}
      </Card>
      <Card size="small" title={t('caseRules.escalation')} style={{ marginBottom: 16 }}>
        <Form.Item name={['rules', 'escalation', 'agentSupervisorRoles']} label={F('agentSupervisorRoles')}>
          <RoleSelect />
        </Form.Item>
        <Form.Item name={['rules', 'escalation', 'finalRoles']} label={F('finalRoles')}>
          <RoleSelect />
        </Form.Item>
        <Row gutter={16}>
          {num(['escalation', 'finalAfterWorkingHours'], F('finalAfterWorkingHours'), 240)}
          {num(['escalation', 'afterLoops'], F('afterLoops'), 20)}
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="effectiveFrom" label={t('caseRules.effectiveFrom')} rules={[{ required: true }]}>
            <Input placeholder="YYYY-MM-DD" data-testid="cr-effectiveFrom" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="note" label={t('caseRules.note')}>
            <Input maxLength={500} data-testid="cr-note" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={props.saving} data-testid="cr-save">
        {t('caseRules.save')}
      </Button>
    </Form>
  );
}
