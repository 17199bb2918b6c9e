import { Alert, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, Issue, VersionContent } from '../../../core/contracts/questionnaires';
import { checkAnswers } from '../../../core/rules/answers';
import { scoreResponse } from '../../../core/rules/scoring';
import { SurveyForm } from './SurveyForm';

/** Live preview: the same form, skip logic, checks and score the server applies to a real response. */
export function Preview(props: { content: VersionContent; answers: Answer[]; onChange: (a: Answer[]) => void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<{ issues: Issue[]; score: number | null } | null>(null);
  const check = () => {
    const issues = checkAnswers(props.content, props.answers);
    setResult({ issues, score: issues.length ? null : scoreResponse(props.content, props.answers).score });
  };
  return (
    <Card
      title={t('questionnaires.preview')}
      size="small"
      data-testid="builder-preview"
      extra={
        <Button size="small" onClick={check} data-testid="preview-check">
          {t('questionnaires.previewCheck')}
        </Button>
      }
    >
      <SurveyForm
        content={props.content}
        answers={props.answers}
        issues={result?.issues}
        onChange={(a) => {
          props.onChange(a);
          setResult(null);
        }}
      />
      {result && result.issues.length === 0 && (
        <Alert
          type="success"
          data-testid="preview-result"
          message={
            result.score === null
              ? t('questionnaires.previewNoScore')
              : t('questionnaires.previewOk', { score: result.score })
          }
        />
      )}
    </Card>
  );
}
