import type { Answer, Issue, LocalText, Question, VersionContent } from '../../core/contracts/questionnaire-content';
import { answerMap, isShown } from '../../core/rules/answers';
import type { SurveyLang, SurveyTexts } from './i18n';

/**
 * A light renderer of the same questionnaire content as web/features/questionnaires/SurveyForm.tsx, for the
 * customer's phone: plain elements with large touch targets, no component library, the same skip logic and
 * answer rules (core/rules/answers.ts) as the server.
 */
interface Props {
  content: VersionContent;
  answers: Answer[];
  onChange: (answers: Answer[]) => void;
  issues: readonly Issue[];
  lang: SurveyLang;
  tx: SurveyTexts;
}

type Set = (patch: Partial<Answer>) => void;
type Choice = { value: string | boolean; label: string };

const local = (t: LocalText | null | undefined, lang: SurveyLang) => (!t ? '' : lang === 'en' && t.en ? t.en : t.zh);

function Choices({
  name,
  choices,
  value,
  multi,
  set,
}: {
  name: string;
  choices: Choice[];
  value: unknown;
  multi: boolean;
  set: Set;
}) {
  const picked = (c: Choice) => (multi ? Array.isArray(value) && value.includes(c.value as string) : value === c.value);
  const toggle = (c: Choice) => {
    if (!multi) return set({ value: c.value, na: false });
    const cur = Array.isArray(value) ? (value as string[]) : [];
    const v = c.value as string;
    set({ value: cur.includes(v) ? cur.filter((x) => x !== v) : [...cur, v], na: false });
  };
  return (
    <div className="choices" role={multi ? 'group' : 'radiogroup'}>
      {choices.map((c) => (
        <label key={String(c.value)} className={picked(c) ? 'choice picked' : 'choice'}>
          <input type={multi ? 'checkbox' : 'radio'} name={name} checked={picked(c)} onChange={() => toggle(c)} />
          <span>{c.label}</span>
        </label>
      ))}
    </div>
  );
}

function Input({
  q,
  answer,
  set,
  lang,
  tx,
}: {
  q: Question;
  answer?: Answer;
  set: Set;
  lang: SurveyLang;
  tx: SurveyTexts;
}) {
  const v = answer?.na ? null : (answer?.value ?? null);
  const options = q.options.map((o) => ({ value: o.key, label: local(o.label, lang) }));
  const scale = q.scale;
  if (q.type === 'rating' && scale?.kind === 'range') {
    const range = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
    return (
      <div className="scale">
        {range.map((n) => (
          <button
            type="button"
            key={n}
            className={v === n ? 'num picked' : 'num'}
            onClick={() => set({ value: n, na: false })}
          >
            {n}
          </button>
        ))}
      </div>
    );
  }
  if (q.type === 'rating') {
    const levels = (q.scale?.kind === 'levels' ? q.scale.levels : []).map((l) => ({
      value: l.key,
      label: local(l.label, lang),
    }));
    return <Choices name={q.key} choices={levels} value={v} multi={false} set={set} />;
  }
  if (q.type === 'yes_no') {
    const yn = [
      { value: true, label: tx.yes },
      { value: false, label: tx.no },
    ];
    return <Choices name={q.key} choices={yn} value={v} multi={false} set={set} />;
  }
  if (q.type === 'single') return <Choices name={q.key} choices={options} value={v} multi={false} set={set} />;
  if (q.type === 'multi' || (q.type === 'reason' && options.length))
    return <Choices name={q.key} choices={options} value={v} multi set={set} />;
  if (q.type === 'date')
    return (
      <input
        type="date"
        className="text"
        value={typeof v === 'string' ? v : ''}
        onChange={(e) => set({ value: e.target.value || null })}
      />
    );
  return (
    <textarea
      className="text"
      rows={3}
      maxLength={2000}
      value={typeof v === 'string' ? v : ''}
      onChange={(e) => set({ value: e.target.value })}
    />
  );
}

export function LightForm({ content, answers, onChange, issues, lang, tx }: Props) {
  const map = answerMap(answers);
  const set = (key: string) => (patch: Partial<Answer>) => {
    const current = map.get(key) ?? { question: key, value: null, na: false, comment: '' };
    const next = answers.filter((a) => a.question !== key).concat({ ...current, ...patch });
    const nextMap = answerMap(next);
    onChange(next.filter((a) => content.questions.some((q) => q.key === a.question && isShown(content, q, nextMap))));
  };
  const visible = content.questions.filter((q) => isShown(content, q, map));
  return (
    <div className="questions">
      {visible.map((q, i) => {
        const n = i + 1;
        const issue = issues.find((x) => x.path === `answers.${q.key}`);
        const a = map.get(q.key);
        return (
          <fieldset key={q.key} className={issue ? 'question bad' : 'question'} data-testid={`m-q-${q.key}`}>
            <legend>
              {n}. {local(q.text, lang)} {q.mandatory && <em className="req">{tx.required}</em>}
            </legend>
            <Input q={q} answer={a} set={set(q.key)} lang={lang} tx={tx} />
            {q.allowNa && (
              <label className="na">
                <input
                  type="checkbox"
                  checked={a?.na ?? false}
                  onChange={(e) => set(q.key)({ na: e.target.checked, value: null })}
                />{' '}
                {tx.na}
              </label>
            )}
            {issue && <p className="issue">{issue.code === 'REQUIRED' ? tx.issueRequired : tx.issueInvalid}</p>}
          </fieldset>
        );
      })}
    </div>
  );
}
