import { Alert, App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackRules, RulePresetKey } from '../../../core/contracts/callbacks';
import { ApiError } from '../../api/client';
import { useSaveRules, type RulesData } from '../../api/callbacks';
import { errorText } from '../../ui/api-error';
import { GeneralRuleFields, RULE_TASK_TYPES, SpecialRuleFields, TaskRulesTable } from './rule-fields';

interface Values {
  effectiveFrom: string;
  presetKey?: RulePresetKey;
  note?: string;
  rules: CallbackRules;
}

/** Tomorrow as YYYY-MM-DD in the browser's zone: the earliest sensible date for a new version. */
export function tomorrow(): string {
  const d = new Date(Date.now() + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The API's complaints as readable lines: `rules.tasks.AS_PHONE.endDays: endDays must not be before startDays`. */
function issueLines(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const list = Array.isArray(error.details) ? (error.details as unknown[]) : [error.details];
  return list.flatMap((d) => {
    if (typeof d !== 'object' || d === null) return [];
    const path = 'path' in d ? String(d.path).replace(/^body\./, '') : 'field' in d ? String(d.field) : '';
    const msg = 'message' in d ? String(d.message) : error.message;
    return path ? [`${path}: ${msg}`] : [];
  });
}

/** Empty questionnaire codes are "none" (null) for the API. */
function cleaned(rules: CallbackRules): CallbackRules {
  const tasks = { ...rules.tasks };
  for (const type of RULE_TASK_TYPES) {
    const code = tasks[type].questionnaireCode?.trim();
    tasks[type] = { ...tasks[type], questionnaireCode: code ? code : null };
  }
  return { ...rules, tasks };
}

/** Edit the rules as a new version with an effective date, optionally starting from a preset. */
export function RulesEditor({ data }: { data: RulesData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveRules();
  const [error, setError] = useState<unknown>(null);
  const applyPreset = (key: RulePresetKey | undefined) => {
    const preset = data.presets.find((p) => p.key === key);
    if (preset) form.setFieldsValue({ rules: preset.rules });
  };
  const submit = () => {
    const v = form.getFieldsValue(true) as Values;
    setError(null);
    const body = {
      effectiveFrom: v.effectiveFrom,
      rules: cleaned(v.rules),
      ...(v.presetKey ? { presetKey: v.presetKey } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    };
    save.mutate(body, {
      onSuccess: () => void message.success(t('callbacks.rules.saved')),
      onError: setError,
    });
  };
  const initial: Values = {
    effectiveFrom: tomorrow(),
    ...(data.current.presetKey ? { presetKey: data.current.presetKey as RulePresetKey } : {}),
    rules: data.current.rules,
  };
  return (
    <Card size="small" title={t('callbacks.rules.newVersion')} data-testid="rules-editor">
      <Form form={form} layout="inline" initialValues={initial} onFinish={submit} style={{ rowGap: 8 }}>
        <Form.Item name="effectiveFrom" label={t('callbacks.rules.effectiveFrom')} rules={[{ required: true }]}>
          <Input type="date" data-testid="rules-effective" />
        </Form.Item>
        <Form.Item name="presetKey" label={t('callbacks.rules.preset')}>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('callbacks.rules.noPreset')}
            onChange={applyPreset}
            options={data.presets.map((p) => ({ value: p.key, label: p.key }))}
            data-testid="rules-preset"
          />
        </Form.Item>
        <Form.Item name="note" label={t('callbacks.rules.note')}>
          <Input maxLength={300} style={{ width: 260 }} data-testid="rules-note" />
        </Form.Item>
        <div style={{ width: '100%', marginTop: 12 }}>
          <h4>{t('callbacks.rules.tasksSection')}</h4>
          <TaskRulesTable />
          <h4 style={{ marginTop: 12 }}>{t('callbacks.rules.specialSection')}</h4>
        </div>
        <SpecialRuleFields />
        <div style={{ width: '100%' }}>
          <h4 style={{ marginTop: 12 }}>
            {t('callbacks.rules.attemptsSection')} · {t('callbacks.rules.hoursSection')}
          </h4>
        </div>
        <GeneralRuleFields />
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          {error !== null && (
            <Alert
              type="error"
              showIcon
              data-testid="rules-error"
              message={`${t('callbacks.rules.invalid')} ${errorText(t, error)}`}
              description={issueLines(error).map((l) => (
                <div key={l}>{l}</div>
              ))}
            />
          )}
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rules-save">
            {t('callbacks.rules.newVersion')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
