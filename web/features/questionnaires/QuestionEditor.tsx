import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  QUESTION_TYPES,
  type Factor,
  type Issue,
  type Question,
  type QuestionType,
} from '../../../core/contracts/questionnaires';
import { SCALE_PRESET_KEYS, scalePreset, type ScalePresetKey } from '../../../core/rules/scales';
import { SkipRuleEditor } from './SkipRuleEditor';
import { useIssueText, useLocalText } from './SurveyForm';
import { defaultsFor, optionsFromLines } from './question-defaults';

export interface QuestionEditorProps {
  q: Question;
  index: number;
  earlier: Question[];
  factors: Factor[];
  issues: Issue[];
  readOnly: boolean;
  onChange: (q: Question) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One question of the builder: type, texts, scale or options, factor, weight, mandatory, skip rule. */
export function QuestionEditor({
  q,
  index,
  earlier,
  factors,
  issues,
  readOnly,
  onChange,
  onMove,
  onRemove,
}: QuestionEditorProps) {
  const { t } = useTranslation();
  const lt = useLocalText();
  const issueText = useIssueText();
  const at = `questions.${index}`;
  const field = (name: string) => {
    const issue = issues.find((i) => i.path === `${at}.${name}` || i.path.startsWith(`${at}.${name}.`));
    return issue
      ? { validateStatus: issue.level === 'error' ? ('error' as const) : ('warning' as const), help: issueText(issue) }
      : {};
  };
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch });
  const tid = (name: string) => `q-${index}-${name}`;
  return (
    <Card
      size="small"
      data-testid={`q-${index}`}
      title={`${index + 1}. ${t(`questionnaires.types.${q.type}`)}`}
      extra={
        !readOnly && (
          <Space>
            <Button
              size="small"
              icon={<ArrowUpOutlined />}
              aria-label={t('questionnaires.moveUp')}
              onClick={() => onMove(-1)}
              data-testid={tid('up')}
            />
            <Button
              size="small"
              icon={<ArrowDownOutlined />}
              aria-label={t('questionnaires.moveDown')}
              onClick={() => onMove(1)}
              data-testid={tid('down')}
            />
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('questionnaires.remove')}
              onClick={onRemove}
              data-testid={tid('remove')}
            />
          </Space>
        )
      }
    >
      <Form layout="vertical" size="small" disabled={readOnly}>
        <Flex gap={8} wrap>
          <Form.Item label={t('questionnaires.key')} {...field('key')} style={{ width: 140 }}>
            <Input value={q.key} onChange={(e) => set({ key: e.target.value })} data-testid={tid('key')} />
          </Form.Item>
          <Form.Item label={t('questionnaires.type')} style={{ width: 200 }}>
            <Select<QuestionType>
              value={q.type}
              data-testid={tid('type')}
              options={QUESTION_TYPES.map((v) => ({ value: v, label: t(`questionnaires.types.${v}`) }))}
              onChange={(type) => onChange({ ...q, ...defaultsFor(type) })}
            />
          </Form.Item>
          <Form.Item label={t('questionnaires.weight')} style={{ width: 90 }}>
            <InputNumber
              min={0}
              max={100}
              value={q.weight}
              onChange={(w) => set({ weight: w ?? 0 })}
              data-testid={tid('weight')}
            />
          </Form.Item>
          <Form.Item label={t('questionnaires.mandatory')}>
            <Switch checked={q.mandatory} onChange={(mandatory) => set({ mandatory })} data-testid={tid('mandatory')} />
          </Form.Item>
          {(q.type === 'rating' || q.type === 'yes_no') && (
            <Form.Item label={t('questionnaires.allowNa')}>
              <Switch checked={q.allowNa} onChange={(allowNa) => set({ allowNa })} />
            </Form.Item>
          )}
          {q.type === 'yes_no' && (
            <Form.Item label={t('questionnaires.yesIsGood')}>
              <Switch checked={q.yesIsGood} onChange={(yesIsGood) => set({ yesIsGood })} />
            </Form.Item>
          )}
        </Flex>
        <Form.Item label={t('questionnaires.textZh')} {...field('text')}>
          <Input
            value={q.text.zh}
            onChange={(e) => set({ text: { ...q.text, zh: e.target.value } })}
            data-testid={tid('text-zh')}
          />
        </Form.Item>
        <Form.Item label={t('questionnaires.textEn')}>
          <Input
            value={q.text.en}
            onChange={(e) => set({ text: { ...q.text, en: e.target.value } })}
            data-testid={tid('text-en')}
          />
        </Form.Item>
        {q.type === 'rating' && (
          <Form.Item label={t('questionnaires.scale')} {...field('scale')}>
            <Select
              value={q.scale?.preset ?? 'custom'}
              data-testid={tid('scale')}
              options={[
                ...SCALE_PRESET_KEYS,
                ...(q.scale && !SCALE_PRESET_KEYS.includes(q.scale.preset as ScalePresetKey) ? ['custom'] : []),
              ].map((k) => ({ value: k, label: t(`questionnaires.scales.${k as ScalePresetKey}`) }))}
              onChange={(k) => k !== 'custom' && set({ scale: scalePreset(k as ScalePresetKey) })}
            />
          </Form.Item>
        )}
        {(q.type === 'single' || q.type === 'multi' || q.type === 'reason') && (
          <Form.Item label={t('questionnaires.options')} {...field('options')}>
            <Input.TextArea
              rows={3}
              data-testid={tid('options')}
              defaultValue={q.options.map((o) => lt(o.label)).join('\n')}
              onBlur={(e) => set({ options: optionsFromLines(e.target.value, q.options) })}
            />
          </Form.Item>
        )}
        {factors.length > 0 && (
          <Form.Item label={t('questionnaires.factor')} {...field('factor')}>
            <Select
              value={q.factor ?? ''}
              onChange={(f) => set({ factor: f || null })}
              data-testid={tid('factor')}
              options={[
                { value: '', label: t('questionnaires.noFactor') },
                ...factors.map((f) => ({ value: f.code, label: lt(f.name) })),
              ]}
            />
          </Form.Item>
        )}
        <Form.Item label={t('questionnaires.showIf')} {...field('showIf')}>
          <SkipRuleEditor q={q} index={index} earlier={earlier} onChange={(showIf) => set({ showIf })} />
        </Form.Item>
      </Form>
    </Card>
  );
}
