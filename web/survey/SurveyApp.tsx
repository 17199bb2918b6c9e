import { useEffect, useState } from 'react';
import type { Answer, Issue } from '../../core/contracts/questionnaire-content';
import { checkAnswers } from '../../core/rules/answers';
import { fill, type ErrorKey, type SurveyLang, type SurveyTexts } from './i18n';
import { LightForm } from './LightForm';
import { NoticeStep } from './NoticeStep';
import { StatusPage } from './StatusPage';
import { SurveyApiError, surveyApi, type PublicSurveyData } from './survey-api';

type Step =
  | { kind: 'loading' }
  | { kind: 'error'; code: string }
  | { kind: 'notice'; data: PublicSurveyData }
  | { kind: 'form'; data: PublicSurveyData }
  | { kind: 'done'; dealer: string; optedOut: boolean };

const errorKey = (code: string): ErrorKey =>
  ['SURVEY_LINK_INVALID', 'SURVEY_LINK_USED', 'SURVEY_LINK_EXPIRED', 'SURVEY_LINK_REVOKED', 'RATE_LIMITED'].includes(
    code,
  )
    ? (code as ErrorKey)
    : 'OTHER';
const codeOf = (e: unknown) => (e instanceof SurveyApiError ? e.code : 'OTHER');

/** The mobile survey: notice → questions → thank-you, or a clear error page. */
export function SurveyApp({ token, lang, tx }: { token: string; lang: SurveyLang; tx: SurveyTexts }) {
  const [step, setStep] = useState<Step>({ kind: 'loading' });
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [praise, setPraise] = useState('');
  const [busy, setBusy] = useState(false);
  const [startedAt] = useState(() => new Date().toISOString());

  const fetchSurvey = () =>
    surveyApi.open(token).then(
      (data) => setStep({ kind: 'notice', data }),
      (e: unknown) => setStep({ kind: 'error', code: codeOf(e) }),
    );
  useEffect(() => {
    void fetchSurvey();
    // fetchSurvey only depends on the token
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);
  const load = () => {
    setStep({ kind: 'loading' });
    void fetchSurvey();
  };

  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    try {
      await run();
    } catch (e) {
      if (e instanceof SurveyApiError && e.code === 'VALIDATION_FAILED') {
        setIssues(((e.details as { issues?: Issue[] } | undefined)?.issues ?? []) as Issue[]);
      } else setStep({ kind: 'error', code: codeOf(e) });
    } finally {
      setBusy(false);
    }
  };

  if (step.kind === 'loading') return <p className="loading">{tx.loading}</p>;
  if (step.kind === 'error') {
    const m = tx.errors[errorKey(step.code)];
    const retry = errorKey(step.code) === 'OTHER' || step.code === 'RATE_LIMITED';
    return (
      <StatusPage
        kind="error"
        title={m.title}
        body={m.body}
        action={retry ? { label: tx.retry, run: load } : undefined}
      />
    );
  }
  if (step.kind === 'done') {
    const title = step.optedOut ? tx.optedOutTitle : tx.thanksTitle;
    const body = fill(step.optedOut ? tx.optedOutBody : tx.thanksBody, { dealer: step.dealer });
    return <StatusPage kind="ok" title={title} body={body} hint={tx.closeHint} />;
  }
  const { data } = step;
  const optOut = () =>
    act(async () => {
      const r = await surveyApi.optOut(token);
      setStep({ kind: 'done', dealer: r.dealerName, optedOut: true });
    });
  if (step.kind === 'notice')
    return (
      <NoticeStep data={data} tx={tx} busy={busy} onStart={() => setStep({ kind: 'form', data })} onOptOut={optOut} />
    );

  const submit = () => {
    const found = checkAnswers(data.content, answers);
    setIssues(found);
    if (found.length) return;
    void act(async () => {
      const body = {
        acceptedNotice: true as const,
        answers,
        startedAt,
        ...(praise.trim() ? { praise: praise.trim() } : {}),
      };
      const r = await surveyApi.submit(token, body);
      setStep({ kind: 'done', dealer: r.dealerName, optedOut: false });
    });
  };
  return (
    <main className="form">
      <h1>{lang === 'en' && data.content.name.en ? data.content.name.en : data.content.name.zh}</h1>
      <LightForm
        content={data.content}
        answers={answers}
        onChange={(next) => {
          setAnswers(next);
          // once errors show, they follow the answers (a fixed question turns back to normal)
          if (issues.length) setIssues(checkAnswers(data.content, next));
        }}
        issues={issues}
        lang={lang}
        tx={tx}
      />
      <label className="praise">
        {tx.praise}
        <textarea
          className="text"
          rows={3}
          maxLength={2000}
          value={praise}
          onChange={(e) => setPraise(e.target.value)}
        />
      </label>
      {issues.length > 0 && <p className="issue">{tx.fixErrors}</p>}
      <button type="button" className="primary" onClick={submit} disabled={busy} data-testid="m-submit">
        {busy ? tx.submitting : tx.submit}
      </button>
      <button type="button" className="link" onClick={() => void optOut()} disabled={busy}>
        {tx.optOut}
      </button>
    </main>
  );
}
