import { Button, Card, Input, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, Issue } from '../../../core/contracts/questionnaires';
import { checkAnswers } from '../../../core/rules/answers';
import { useSubmitWalkIn, useWalkInQuestionnaire } from '../../api/survey-links';
import { SurveyForm } from '../questionnaires/SurveyForm';
import { issuesOf, RelationPicker, SubmitBar, type Relation } from './onsite-parts';

/**
 * A customer at the counter whose order or delivery is not in the list yet (the DMS import runs later): with their
 * consent, the on-site questionnaire under their name, without a task. It appears in the on-site register; the phone
 * callback follows from the imported order as usual.
 */
export function WalkInRun({ kind, onDone }: { kind: 'repair_order' | 'sale'; onDone: () => void }) {
  const { t } = useTranslation();
  const q = useWalkInQuestionnaire(kind);
  const submit = useSubmitWalkIn();
  const [consent, setConsent] = useState(false);
  const [name, setName] = useState('');
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
  if (done) return <Result status="success" title={t('onsite.submitted')} extra={back} />;
  if (q.isLoading) return <Spin />;
  const questionnaire = q.data?.questionnaire;
  if (!questionnaire) return <Result status="warning" title={t('onsite.noQuestionnaire')} extra={back} />;

  const head = (
    <>
      <Typography.Title level={3}>{t('onsite.walkIn.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('onsite.walkIn.hint')}</Typography.Paragraph>
    </>
  );
  if (!consent)
    return (
      <Card>
        {head}
        <Typography.Title level={4}>{t('onsite.consentQuestion')}</Typography.Title>
        <Space size="large" wrap>
          <Button
            size="large"
            type="primary"
            style={{ height: 72, minWidth: 260, fontSize: 20 }}
            onClick={() => setConsent(true)}
            data-testid="walkin-consent-yes"
          >
            {t('onsite.consentYes')}
          </Button>
          <Button size="large" style={{ height: 72, minWidth: 260, fontSize: 20 }} onClick={onDone}>
            {t('onsite.walkIn.consentNo')}
          </Button>
        </Space>
      </Card>
    );

  const onSubmit = () => {
    const found = checkAnswers(questionnaire.content, answers);
    setIssues(found);
    if (found.length || !name.trim()) return;
    submit.mutate(
      {
        kind,
        versionId: questionnaire.versionId,
        respondentName: name.trim(),
        respondentRelation: relation,
        answers,
        startedAt,
      },
      {
        onSuccess: () => setDone(true),
        onError: (e) => setIssues(issuesOf(e)),
      },
    );
  };
  return (
    <Card style={{ fontSize: 16 }}>
      {head}
      <Space direction="vertical" style={{ marginBottom: 16, width: '100%' }}>
        <Space wrap>
          {t('onsite.walkIn.name')}
          <Input
            size="large"
            maxLength={100}
            style={{ width: 260 }}
            value={name}
            status={name.trim() ? undefined : 'warning'}
            onChange={(e) => setName(e.target.value)}
            data-testid="walkin-name"
          />
        </Space>
        <RelationPicker value={relation} onChange={setRelation} />
      </Space>
      <SurveyForm content={questionnaire.content} answers={answers} onChange={setAnswers} issues={issues} />
      <SubmitBar
        error={submit.error}
        loading={submit.isPending}
        disabled={!name.trim()}
        onSubmit={onSubmit}
        testId="walkin-submit"
        back={back}
      />
    </Card>
  );
}
