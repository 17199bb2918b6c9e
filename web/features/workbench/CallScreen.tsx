import { App, Alert, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../core/contracts/questionnaires';
import { useRecordFaqUse, type FaqHit } from '../../api/faq';
import { useTask, useTaskContext } from '../../api/workbench';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';
import { FaqPanel } from '../faq/FaqPanel';
import { SurveyLinkButton } from '../onsite/SurveyLinkButton';
import { CustomerPanel } from './CustomerPanel';
import { OutcomePanel } from './OutcomePanel';
import { OUTCOME_BUTTONS } from './outcomes';
import { QuestionnairePanel, type SurveyState } from './QuestionnairePanel';
import { ScriptPanel } from './ScriptPanel';
import { useCallActions } from './use-call-actions';
import { focusFaqSearch, useShortcuts } from './use-shortcuts';

/**
 * One call on one screen (SPEC §8.7): customer, vehicle and order; the filled script; the questionnaire;
 * the FAQ beside it; outcome buttons, appointment and note. Keyed by task: a new task starts clean.
 */
export function CallScreen({ taskId, onDone }: { taskId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const task = useTask(taskId);
  const context = useTaskContext(taskId);
  const faqUse = useRecordFaqUse();
  const [survey, setSurvey] = useState<SurveyState>({ answers: [], praise: '', mayCallAgain: false, eligible: true });
  const [issues, setIssues] = useState<Issue[]>([]);
  const [appointment, setAppointment] = useState('');
  const [note, setNote] = useState('');
  const [phoneId, setPhoneId] = useState<string | undefined>();
  const [faqUsed, setFaqUsed] = useState<string[]>([]);
  const [startedAt] = useState(() => new Date().toISOString());
  const actions = useCallActions(taskId, {
    ...{ task: task.data, survey, appointment, note, phoneId, startedAt },
    setIssues,
    onDone,
  });
  useShortcuts({
    outcome: (n) => actions.outcome(OUTCOME_BUTTONS[n - 1]),
    faq: focusFaqSearch,
    submit: actions.submit,
  });

  const answerFromFaq = (a: FaqHit) =>
    faqUse.mutate(
      { articleId: a.id, taskId },
      {
        onSuccess: () => {
          setFaqUsed((xs) => (xs.includes(a.question) ? xs : [...xs, a.question]));
          void message.success(t('workbench.faqUsed', { question: a.question }));
        },
        onError: notifyError,
      },
    );

  if (task.isError) return <QueryError error={task.error} onRetry={() => void task.refetch()} />;
  if (!task.data) return <Card loading />;
  const versionId = task.data.questionnaire.versionId;
  return (
    <Row gutter={[12, 12]} data-testid="wb-call" data-task-id={taskId} data-task-type={task.data.type}>
      <Col xs={24} xl={7}>
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <CustomerPanel task={task.data} context={context.data} onDial={setPhoneId} />
          <ScriptPanel context={context.data} />
        </Space>
      </Col>
      <Col xs={24} xl={10}>
        {versionId ? (
          <QuestionnairePanel
            versionId={versionId}
            state={survey}
            onChange={(patch) => {
              setSurvey((s) => ({ ...s, ...patch }));
              setIssues([]);
            }}
            issues={issues}
            onSubmit={actions.submit}
            submitting={actions.submitting}
          />
        ) : (
          <Alert
            type="warning"
            showIcon
            message={t('workbench.survey.none', { code: task.data.questionnaire.code ?? '—' })}
          />
        )}
      </Col>
      <Col xs={24} xl={7}>
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <OutcomePanel
            onOutcome={actions.outcome}
            busy={actions.busy}
            canComplete={actions.canComplete}
            appointment={appointment}
            note={note}
            onAppointment={setAppointment}
            onNote={setNote}
            extra={<SurveyLinkButton taskId={taskId} disabled={!actions.canComplete} />}
          />
          <FaqPanel onUse={answerFromFaq} />
          {faqUsed.length > 0 && (
            <div data-testid="wb-faq-used">
              <Typography.Text type="secondary">{t('workbench.faqUsedList')}</Typography.Text>
              <div>
                {faqUsed.map((q) => (
                  <Tag key={q} color="blue">
                    {q}
                  </Tag>
                ))}
              </div>
            </div>
          )}
        </Space>
      </Col>
    </Row>
  );
}
