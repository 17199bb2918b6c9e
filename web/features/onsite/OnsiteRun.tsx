import { Alert, Button, Card, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, Issue } from '../../../core/contracts/questionnaires';
import type { OnsiteCandidate, OnsiteSession } from '../../../core/contracts/survey-links';
import { checkAnswers } from '../../../core/rules/answers';
import { useStartOnsite, useSubmitOnsite } from '../../api/survey-links';
import { SurveyForm } from '../questionnaires/SurveyForm';
import { issuesOf, RelationPicker, SubmitBar, type Relation } from './onsite-parts';

/** One customer at the counter: consent first (§3.5, §4.2 step 2), then the questionnaire, then done. */
export function OnsiteRun({ candidate, onDone }: { candidate: OnsiteCandidate; onDone: () => void }) {
  const { t } = useTranslation();
  const start = useStartOnsite();
  const submit = useSubmitOnsite();
  const [session, setSession] = useState<OnsiteSession | null>(null);
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [relation, setRelation] = useState<Relation>('owner');
  const [startedAt] = useState(() => new Date().toISOString());
  const [done, setDone] = useState(false);
  const back = (
    <Button size="large" onClick={onDone} data-testid="onsite-back">
      {t('onsite.back')}
    </Button>
  );
  const head = (
    <Typography.Title level={3}>
      {candidate.customerName} · {candidate.plate ?? candidate.number}
    </Typography.Title>
  );

  if (done || candidate.task?.status === 'SUCCESS')
    return <Result status="success" title={done ? t('onsite.submitted') : t('onsite.alreadyDone')} extra={back} />;

  if (!session)
    return (
      <Card>
        {head}
        <Typography.Title level={4}>{t('onsite.consentQuestion')}</Typography.Title>
        <Space size="large" wrap>
          {[true, false].map((consent) => (
            <Button
              key={String(consent)}
              size="large"
              type={consent ? 'primary' : 'default'}
              style={{ height: 72, minWidth: 260, fontSize: 20 }}
              loading={start.isPending && start.variables?.consent === consent}
              onClick={() =>
                start.mutate(
                  { sourceKind: candidate.sourceKind, sourceId: candidate.sourceId, consent },
                  { onSuccess: setSession },
                )
              }
              data-testid={`onsite-consent-${consent ? 'yes' : 'no'}`}
            >
              {consent ? t('onsite.consentYes') : t('onsite.consentNo')}
            </Button>
          ))}
        </Space>
        {start.error && <Alert type="error" showIcon message={start.error.message} style={{ marginTop: 16 }} />}
        <div style={{ marginTop: 24 }}>{back}</div>
      </Card>
    );

  if (!session.questionnaire) {
    const text =
      session.status === 'EXCLUDED'
        ? t('onsite.excluded')
        : session.consent === false
          ? t('onsite.declined')
          : t('onsite.noQuestionnaire');
    return <Result status={session.consent === false ? 'info' : 'warning'} title={text} extra={back} />;
  }
  const q = session.questionnaire;
  const onSubmit = () => {
    const found = checkAnswers(q.content, answers);
    setIssues(found);
    if (found.length) return;
    submit.mutate(
      { taskId: session.taskId, body: { versionId: q.versionId, answers, respondentRelation: relation, startedAt } },
      {
        onSuccess: () => setDone(true),
        onError: (e) => setIssues(issuesOf(e)),
      },
    );
  };
  return (
    <Card style={{ fontSize: 16 }}>
      {head}
      <div style={{ marginBottom: 16 }}>
        <RelationPicker value={relation} onChange={setRelation} />
      </div>
      <SurveyForm content={q.content} answers={answers} onChange={setAnswers} issues={issues} />
      <SubmitBar
        error={submit.error}
        loading={submit.isPending}
        onSubmit={onSubmit}
        testId="onsite-submit"
        back={back}
      />
    </Card>
  );
}
