import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Question, ShowIf } from '../../../core/contracts/questionnaires';
import { sourceValues } from './question-defaults';
import { useLocalText } from './SurveyForm';

const OPS = ['below_satisfied', 'equals', 'not_equals'] as const;

/** Skip logic of one question: shown only when an earlier question's answer matches. */
export function SkipRuleEditor(props: {
  q: Question;
  index: number;
  earlier: Question[];
  onChange: (showIf: ShowIf | null) => void;
}) {
  const { t } = useTranslation();
  const lt = useLocalText();
  const { q, earlier, onChange } = props;
  const rule = q.showIf;
  const source = earlier.find((s) => s.key === rule?.question);
  const tid = (name: string) => `q-${props.index}-${name}`;
  return (
    <Space wrap>
      <Select
        style={{ minWidth: 200 }}
        value={rule?.question ?? ''}
        data-testid={tid('showif-question')}
        options={[
          { value: '', label: t('questionnaires.always') },
          ...earlier.map((s) => ({ value: s.key, label: `${s.key} ${lt(s.text)}`.slice(0, 40) })),
        ]}
        onChange={(question) => onChange(question ? { question, op: 'below_satisfied', value: null } : null)}
      />
      {rule && (
        <Select
          style={{ minWidth: 140 }}
          value={rule.op}
          data-testid={tid('showif-op')}
          options={OPS.map((op) => ({ value: op, label: t(`questionnaires.ops.${op}`) }))}
          onChange={(op) =>
            onChange({ question: rule.question, op, value: op === 'below_satisfied' ? null : rule.value })
          }
        />
      )}
      {rule && rule.op !== 'below_satisfied' && source && (
        <Select
          style={{ minWidth: 140 }}
          value={rule.value ?? undefined}
          data-testid={tid('showif-value')}
          options={sourceValues(source, lt, t)}
          onChange={(value) => onChange({ ...rule, value })}
        />
      )}
    </Space>
  );
}
