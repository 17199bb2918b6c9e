import { Alert, Button, Card, Checkbox, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Answer, Issue } from '../../../core/contracts/questionnaires';
import { useVersion } from '../../api/questionnaires';
import { QueryError } from '../../ui/QueryError';
import { SurveyForm } from '../questionnaires/SurveyForm';

export interface SurveyState {
  answers: Answer[];
  praise: string;
  mayCallAgain: boolean;
  eligible: boolean;
}

/** The task's questionnaire (SPEC §3.8): answers, praise (§7.6), "may call again", and the submit button. */
export function QuestionnairePanel(props: {
  versionId: string;
  state: SurveyState;
  onChange: (patch: Partial<SurveyState>) => void;
  issues: readonly Issue[];
  onSubmit: () => void;
  submitting: boolean;
}) {
  const { t } = useTranslation();
  const version = useVersion(props.versionId);
  const { state, onChange } = props;
  return (
    <Card
      size="small"
      title={`${t('workbench.survey.title')}${version.data ? ` · ${version.data.templateCode}` : ''}`}
      loading={version.isLoading}
      data-testid="wb-survey"
    >
      {version.isError && <QueryError error={version.error} onRetry={() => void version.refetch()} />}
      {version.data && (
        <SurveyForm
          content={version.data.content}
          answers={state.answers}
          issues={props.issues}
          onChange={(answers) => onChange({ answers })}
        />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Checkbox
          checked={state.eligible}
          onChange={(e) => onChange({ eligible: e.target.checked })}
          data-testid="wb-eligible"
        >
          {t('workbench.survey.respondent')}
        </Checkbox>
        <Input.TextArea
          rows={2}
          maxLength={2000}
          placeholder={t('workbench.survey.praise')}
          value={state.praise}
          onChange={(e) => onChange({ praise: e.target.value })}
          data-testid="wb-praise"
        />
        <Checkbox
          checked={state.mayCallAgain}
          onChange={(e) => onChange({ mayCallAgain: e.target.checked })}
          data-testid="wb-may-call-again"
        >
          {t('workbench.survey.mayCallAgain')}
        </Checkbox>
        {props.issues.length > 0 && <Alert type="error" showIcon message={t('workbench.survey.issues')} />}
        <Button
          type="primary"
          block
          loading={props.submitting}
          disabled={!version.data}
          onClick={props.onSubmit}
          data-testid="wb-submit"
        >
          {t('workbench.survey.submit')} (Ctrl+Enter)
        </Button>
      </Space>
    </Card>
  );
}
