import type { Answer, Issue, Question, VersionContent } from '../contracts/questionnaire-content';

/**
 * Answer rules shared by the server (refuses a bad response) and the form renderer (shows the same errors
 * at the field): skip logic, mandatory questions, answer types and ranges.
 */

export type AnswerMap = ReadonlyMap<string, Answer>;

export function answerMap(answers: readonly Answer[]): Map<string, Answer> {
  return new Map(answers.map((a) => [a.question, a]));
}

/** The points (levels) or value (range) of a rating answer, or null when it is not a valid rating answer. */
export function ratingRaw(q: Question, a: Answer | undefined): number | null {
  if (!a || a.na || q.type !== 'rating' || !q.scale) return null;
  if (q.scale.kind === 'levels') return q.scale.levels.find((l) => l.key === a.value)?.points ?? null;
  return typeof a.value === 'number' ? a.value : null;
}

/** True when the answer is below the satisfied level: a rating under `satisfiedMin`, or the bad yes/no answer. */
export function isBelowSatisfied(q: Question, a: Answer | undefined): boolean {
  if (!a || a.na) return false;
  if (q.type === 'yes_no') return typeof a.value === 'boolean' && a.value !== q.yesIsGood;
  const raw = ratingRaw(q, a);
  return raw !== null && q.scale !== null && raw < q.scale.satisfiedMin;
}

function answerKey(q: Question, a: Answer): string | null {
  if (q.type === 'yes_no' && typeof a.value === 'boolean') return a.value ? 'yes' : 'no';
  return typeof a.value === 'string' ? a.value : typeof a.value === 'number' ? String(a.value) : null;
}

/** Skip logic: is this question shown, given the answers so far? A question whose source is hidden is hidden. */
export function isShown(content: VersionContent, q: Question, answers: AnswerMap, depth = 0): boolean {
  if (!q.showIf) return true;
  const source = content.questions.find((s) => s.key === q.showIf?.question);
  if (!source || depth > 50 || !isShown(content, source, answers, depth + 1)) return false;
  const a = answers.get(source.key);
  if (!a || a.na || a.value === null) return false;
  if (q.showIf.op === 'below_satisfied') return isBelowSatisfied(source, a);
  const equal = answerKey(source, a) === q.showIf.value;
  return q.showIf.op === 'equals' ? equal : !equal;
}

function isEmpty(a: Answer | undefined): boolean {
  if (!a) return true;
  if (a.na) return false;
  if (a.value === null || a.value === '') return true;
  return Array.isArray(a.value) && a.value.length === 0 && a.comment.trim() === '';
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The type/range problem of one non-empty answer, or null. */
function typeProblem(q: Question, a: Answer): { code: string; message: string } | null {
  if (a.na) return q.allowNa ? null : { code: 'NA_NOT_ALLOWED', message: 'This question has no "not applicable"' };
  const v = a.value;
  const wrong = (what: string) => ({ code: 'WRONG_TYPE', message: `Expected ${what}` });
  switch (q.type) {
    case 'rating':
      if (q.scale?.kind === 'levels')
        return typeof v === 'string' && q.scale.levels.some((l) => l.key === v) ? null : wrong('one of the levels');
      if (typeof v !== 'number' || !Number.isInteger(v)) return wrong('a whole number');
      return q.scale && v >= q.scale.min && v <= q.scale.max
        ? null
        : { code: 'OUT_OF_RANGE', message: `Expected ${q.scale?.min}–${q.scale?.max}` };
    case 'yes_no':
      return typeof v === 'boolean' ? null : wrong('yes or no');
    case 'single':
      return typeof v === 'string' && q.options.some((o) => o.key === v) ? null : wrong('one of the options');
    case 'multi':
    case 'reason':
      if (q.type === 'reason' && typeof v === 'string') return null;
      if (!Array.isArray(v)) return wrong('a list of options');
      if (new Set(v).size !== v.length) return { code: 'DUPLICATE_OPTION', message: 'An option is chosen twice' };
      return v.every((k) => q.options.some((o) => o.key === k)) ? null : wrong('options of this question');
    case 'text':
      return typeof v === 'string' ? null : wrong('text');
    case 'date':
      return typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v)) ? null : wrong('a date YYYY-MM-DD');
  }
}

/**
 * Every problem with a set of answers, each at `answers.<question key>`: unknown or repeated questions,
 * answers to questions the skip logic hides, missing mandatory answers, wrong types and out-of-range values.
 */
export function checkAnswers(content: VersionContent, answers: readonly Answer[]): Issue[] {
  const issues: Issue[] = [];
  const add = (key: string, code: string, message: string) =>
    issues.push({ path: `answers.${key}`, code, level: 'error', message });
  const seen = new Set<string>();
  for (const a of answers) {
    if (seen.has(a.question)) add(a.question, 'DUPLICATE_ANSWER', 'The question is answered twice');
    seen.add(a.question);
    if (!content.questions.some((q) => q.key === a.question)) add(a.question, 'UNKNOWN_QUESTION', 'No such question');
  }
  const map = answerMap(answers);
  for (const q of content.questions) {
    const a = map.get(q.key);
    const shown = isShown(content, q, map);
    if (!shown) {
      if (!isEmpty(a)) add(q.key, 'HIDDEN_BY_SKIP_RULE', 'This question is skipped and must not be answered');
      continue;
    }
    if (isEmpty(a)) {
      if (q.mandatory) add(q.key, 'REQUIRED', 'This question must be answered');
      continue;
    }
    const problem = typeProblem(q, a!);
    if (problem) add(q.key, problem.code, problem.message);
  }
  return issues;
}
