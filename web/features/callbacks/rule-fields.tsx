import { Checkbox, Form, Input, InputNumber, Select, Switch, Table, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The generated task types a rules version configures, in table order. */
export const RULE_TASK_TYPES = [
  'AS_PHONE',
  'SALES_PHONE',
  'SPECIAL_REWORK',
  'SPOTCHECK_RESCUE',
  'SPECIAL_6M_ABSENT',
  'SPECIAL_MAJOR_COMPLAINT',
] as const;
/** Special callbacks whose window counts from an event (absence day, complaint closed), not a chosen anchor. */
const EVENT_ANCHORED: readonly string[] = ['SPECIAL_6M_ABSENT', 'SPECIAL_MAJOR_COMPLAINT'];
const LEVELS = ['grumble', 'complaint', 'major'] as const;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type RuleTaskType = (typeof RULE_TASK_TYPES)[number];

const num = (min: number, max: number) => <InputNumber min={min} max={max} style={{ width: 90 }} />;

function taskColumns(t: TFunction): TableColumnsType<RuleTaskType> {
  const f = (k: string) => t(`callbacks.rules.fields.${k as 'anchor'}`);
  const cell = (field: string, node: React.ReactNode, valuePropName?: string) => (type: RuleTaskType) => (
    <Form.Item name={['rules', 'tasks', type, field]} noStyle valuePropName={valuePropName}>
      {node}
    </Form.Item>
  );
  const anchors = (['settlement', 'delivery', 'purchase'] as const).map((v) => ({
    value: v,
    label: t(`callbacks.rules.anchors.${v}`),
  }));
  const dayKinds = (['calendar', 'working'] as const).map((v) => ({
    value: v,
    label: t(`callbacks.rules.dayKinds.${v}`),
  }));
  return [
    { key: 'type', title: '', render: (_, type) => t(`callbacks.types.${type}`) },
    { key: 'enabled', title: f('enabled'), render: (_, ty) => cell('enabled', <Switch size="small" />, 'checked')(ty) },
    {
      key: 'anchor',
      title: f('anchor'),
      render: (_, ty) =>
        EVENT_ANCHORED.includes(ty)
          ? t(`callbacks.rules.eventAnchors.${ty as 'SPECIAL_6M_ABSENT'}`)
          : cell('anchor', <Select options={anchors} style={{ width: 170 }} />)(ty),
    },
    { key: 'startDays', title: f('startDays'), render: (_, ty) => cell('startDays', num(0, 365))(ty) },
    { key: 'endDays', title: f('endDays'), render: (_, ty) => cell('endDays', num(0, 365))(ty) },
    {
      key: 'dayKind',
      title: f('dayKind'),
      render: (_, ty) => cell('dayKind', <Select options={dayKinds} style={{ width: 140 }} />)(ty),
    },
    { key: 'percent', title: f('percent'), render: (_, ty) => cell('percent', num(0, 100))(ty) },
    {
      key: 'q',
      title: f('questionnaireCode'),
      render: (_, ty) => cell('questionnaireCode', <Input style={{ width: 120 }} />)(ty),
    },
    { key: 'dup', title: f('duplicateWindowDays'), render: (_, ty) => cell('duplicateWindowDays', num(0, 366))(ty) },
    { key: 'priority', title: f('priority'), render: (_, ty) => cell('priority', num(0, 9))(ty) },
  ];
}

/** Per task type: anchor, window, working/calendar days, coverage / sampling, duplicate window, priority. */
export function TaskRulesTable() {
  const { t } = useTranslation();
  return (
    <Table<RuleTaskType>
      rowKey={(r) => r}
      size="small"
      pagination={false}
      columns={taskColumns(t)}
      dataSource={[...RULE_TASK_TYPES]}
      scroll={{ x: 'max-content' }}
      data-testid="rules-tasks"
    />
  );
}

/** What makes a special callback: months without a visit, the complaint levels that count as "major". */
export function SpecialRuleFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={['rules', 'special', 'absentMonths']} label={t('callbacks.rules.fields.absentMonths')}>
        <InputNumber min={1} max={60} style={{ width: 90 }} data-testid="rules-absent-months" />
      </Form.Item>
      <Form.Item
        name={['rules', 'special', 'complaintLevels']}
        label={t('callbacks.rules.fields.complaintLevels')}
        rules={[{ required: true, type: 'array', min: 1 }]}
      >
        <Checkbox.Group
          options={LEVELS.map((l) => ({ value: l, label: t(`callbacks.rules.levels.${l}`) }))}
          data-testid="rules-complaint-levels"
        />
      </Form.Item>
    </>
  );
}

/** Attempts limit and spacing, calling hours, per-customer cap, lease and staleness. */
export function GeneralRuleFields() {
  const { t } = useTranslation();
  const f = (k: string) => t(`callbacks.rules.fields.${k as 'limit'}`);
  const days = WEEKDAYS.map((d, i) => ({ value: i + 1, label: t(`callbacks.rules.weekdays.${d}`) }));
  const hhmm = [{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:MM' }];
  return (
    <>
      <Form.Item name={['rules', 'attempts', 'limit']} label={f('limit')}>
        {num(1, 10)}
      </Form.Item>
      <Form.Item name={['rules', 'attempts', 'spacingMinutes']} label={f('spacingMinutes')}>
        {num(0, 10_080)}
      </Form.Item>
      <Form.Item name={['rules', 'callingHours', 'days']} label={f('days')}>
        <Checkbox.Group options={days} />
      </Form.Item>
      <Form.Item name={['rules', 'callingHours', 'from']} label={f('from')} rules={hhmm}>
        <Input style={{ width: 90 }} placeholder="09:00" />
      </Form.Item>
      <Form.Item name={['rules', 'callingHours', 'to']} label={f('to')} rules={hhmm}>
        <Input style={{ width: 90 }} placeholder="20:00" />
      </Form.Item>
      <Form.Item name={['rules', 'customerCap', 'attempts']} label={f('capAttempts')}>
        {num(1, 50)}
      </Form.Item>
      <Form.Item name={['rules', 'customerCap', 'periodHours']} label={f('capHours')}>
        {num(1, 720)}
      </Form.Item>
      <Form.Item name={['rules', 'leaseMinutes']} label={f('leaseMinutes')}>
        {num(1, 240)}
      </Form.Item>
      <Form.Item name={['rules', 'staleAfterDays']} label={f('staleAfterDays')}>
        {num(0, 3650)}
      </Form.Item>
    </>
  );
}
