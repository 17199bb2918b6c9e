import { Checkbox, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Answer, Issue, LocalText, Question, VersionContent } from '../../../core/contracts/questionnaires';
import { answerMap, isShown } from '../../../core/rules/answers';

/**
 * The questionnaire as agents and customers see it: the builder's preview, and (issue 5) the callback
 * screen. Skip logic and errors come from core/rules/answers.ts, the same rules the server applies.
 */
export interface SurveyFormProps {
  content: VersionContent;
  answers: Answer[];
  onChange: (answers: Answer[]) => void;
  /** Issues from checkAnswers or the server, shown at their question (`answers.<key>`). */
  issues?: readonly Issue[];
}

/** An issue's text in the UI language, by its stable code (the server's English message otherwise). */
export function useIssueText() {
  const { t, i18n } = useTranslation();
  return (issue: Issue) => {
    const key = `questionnaires.issueCodes.${issue.code}`;
    return i18n.exists(key) ? String(t(key as 'questionnaires.issueCodes.REQUIRED')) : issue.message;
  };
}

export function useLocalText() {
  const { i18n } = useTranslation();
  return (t: LocalText | null | undefined) => (!t ? '' : i18n.language === 'en' && t.en ? t.en : t.zh);
}

function AnswerInput({ q, answer, set }: { q: Question; answer?: Answer; set: (a: Partial<Answer>) => void }) {
  const { t } = useTranslation();
  const lt = useLocalText();
  const v = answer?.na ? null : (answer?.value ?? null);
  const naBox = q.allowNa && (
    <Checkbox checked={answer?.na ?? false} onChange={(e) => set({ na: e.target.checked, value: null })}>
      {t('questionnaires.na')}
    </Checkbox>
  );
  const choices = q.options.map((o) => ({ value: o.key, label: lt(o.label) }));
  switch (q.type) {
    case 'rating':
      if (q.scale?.kind === 'range')
        return (
          <>
            <InputNumber
              min={q.scale.min}
              max={q.scale.max}
              precision={0}
              value={typeof v === 'number' ? v : null}
              onChange={(n) => set({ value: n, na: false })}
            />{' '}
            {naBox}
          </>
        );
      return (
        <>
          <Radio.Group
            value={v}
            onChange={(e) => set({ value: e.target.value as string, na: false })}
            options={(q.scale?.levels ?? []).map((l) => ({ value: l.key, label: lt(l.label) }))}
          />
          {naBox}
        </>
      );
    case 'yes_no':
      return (
        <>
          <Radio.Group
            value={v}
            onChange={(e) => set({ value: e.target.value as boolean, na: false })}
            options={[
              { value: true, label: t('questionnaires.yes') },
              { value: false, label: t('questionnaires.no') },
            ]}
          />
          {naBox}
        </>
      );
    case 'single':
      return (
        <Radio.Group
          value={v}
          options={choices}
          onChange={(e) => set({ value: e.target.value as string, na: false })}
        />
      );
    case 'multi':
      return (
        <Checkbox.Group
          value={Array.isArray(v) ? v : []}
          options={choices}
          onChange={(keys) => set({ value: keys as string[] })}
        />
      );
    case 'date':
      return (
        <Input
          type="date"
          style={{ width: 180 }}
          value={typeof v === 'string' ? v : ''}
          onChange={(e) => set({ value: e.target.value || null })}
        />
      );
    case 'reason':
      if (q.options.length)
        return (
          <Checkbox.Group
            value={Array.isArray(v) ? v : []}
            options={choices}
            onChange={(keys) => set({ value: keys as string[] })}
          />
        );
      return (
        <Input.TextArea
          rows={2}
          value={typeof v === 'string' ? v : ''}
          onChange={(e) => set({ value: e.target.value })}
        />
      );
    case 'text':
      return (
        <Input.TextArea
          rows={2}
          value={typeof v === 'string' ? v : ''}
          onChange={(e) => set({ value: e.target.value })}
        />
      );
  }
}

export function SurveyForm({ content, answers, onChange, issues = [] }: SurveyFormProps) {
  const lt = useLocalText();
  const issueText = useIssueText();
  const map = answerMap(answers);
  const set = (key: string) => (patch: Partial<Answer>) => {
    const current = map.get(key) ?? { question: key, value: null, na: false, comment: '' };
    const next = answers.filter((a) => a.question !== key).concat({ ...current, ...patch });
    // Answers to questions the skip logic now hides are dropped, as the server would refuse them.
    const nextMap = answerMap(next);
    onChange(next.filter((a) => content.questions.some((q) => q.key === a.question && isShown(content, q, nextMap))));
  };
  // A section heading is shown where the section changes (computed up front: no reassignment while rendering).
  const headings = content.questions.map((q, i) => {
    const h = lt(q.section);
    return h && h !== lt(content.questions[i - 1]?.section) ? h : '';
  });
  return (
    <Form layout="vertical" data-testid="survey-form">
      {content.questions.map((q, i) => {
        if (!isShown(content, q, map)) return null;
        const heading = headings[i];
        const issue = issues.find((x) => x.path === `answers.${q.key}`);
        return (
          <div key={q.key} data-testid={`survey-q-${q.key}`}>
            {heading && <Typography.Title level={5}>{heading}</Typography.Title>}
            <Form.Item
              label={`${i + 1}. ${lt(q.text)}`}
              required={q.mandatory}
              validateStatus={issue ? 'error' : undefined}
              help={issue && issueText(issue)}
            >
              <AnswerInput q={q} answer={map.get(q.key)} set={set(q.key)} />
            </Form.Item>
          </div>
        );
      })}
    </Form>
  );
}
