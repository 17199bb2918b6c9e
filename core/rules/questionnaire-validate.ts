import type { Issue, Question, VersionContent } from '../contracts/questionnaire-content';

/**
 * Checks a questionnaire version before it may be approved (SPEC §8.5: signed off before use). Each issue
 * names its field (`questions.3.options`) so the builder shows it there. Errors block approval; warnings
 * do not.
 */

/** SPEC §7.4: "千万别问 车辆还有什么问题" — it may make the customer doubt the repair. */
export const FORBIDDEN_PHRASES = ['车辆还有什么问题', '车还有什么问题'];

type Add = (path: string, code: string, message: string, level?: Issue['level']) => void;

function checkScale(q: Question, at: string, add: Add) {
  if (q.type !== 'rating') return;
  const s = q.scale;
  if (!s) return add(`${at}.scale`, 'SCALE_REQUIRED', 'A rating question needs a scale');
  if (s.kind === 'range') {
    if (s.min >= s.max) add(`${at}.scale`, 'SCALE_RANGE', 'The lowest value must be below the highest');
    if (s.satisfiedMin < s.min || s.satisfiedMin > s.max)
      add(`${at}.scale.satisfiedMin`, 'SCALE_SATISFIED', 'The satisfied level must be inside the range');
    return;
  }
  const keys = s.levels.map((l) => l.key);
  if (new Set(keys).size !== keys.length) add(`${at}.scale.levels`, 'DUPLICATE_KEY', 'Two levels share a key');
  if (s.levels.some((l) => !l.label.zh.trim()))
    add(`${at}.scale.levels`, 'LABEL_REQUIRED', 'Every level needs a label');
  if (Math.max(...s.levels.map((l) => l.points)) <= 0)
    add(`${at}.scale.levels`, 'SCALE_POINTS', 'The best level needs more than 0 points');
}

function checkOptions(q: Question, at: string, add: Add) {
  if (q.type === 'single' || q.type === 'multi') {
    if (q.options.length < 2) add(`${at}.options`, 'OPTIONS_REQUIRED', 'A choice question needs at least 2 options');
  } else if (q.type !== 'reason' && q.options.length > 0) {
    add(`${at}.options`, 'OPTIONS_UNUSED', 'This question type has no options');
  }
  const keys = q.options.map((o) => o.key);
  if (new Set(keys).size !== keys.length) add(`${at}.options`, 'DUPLICATE_KEY', 'Two options share a key');
  if (q.options.some((o) => !o.label.zh.trim())) add(`${at}.options`, 'LABEL_REQUIRED', 'Every option needs a label');
  const withPoints = q.options.filter((o) => o.points !== null).length;
  if (q.type === 'single' && withPoints > 0 && withPoints < q.options.length)
    add(`${at}.options`, 'POINTS_PARTIAL', 'Give every option points, or none', 'warning');
}

function sourceValues(source: Question): string[] {
  if (source.type === 'yes_no') return ['yes', 'no'];
  if (source.type === 'rating' && source.scale?.kind === 'levels') return source.scale.levels.map((l) => l.key);
  return source.options.map((o) => o.key);
}

function checkShowIf(content: VersionContent, index: number, at: string, add: Add) {
  const rule = content.questions[index]!.showIf;
  if (!rule) return;
  const sourceIndex = content.questions.findIndex((s) => s.key === rule.question);
  const source = content.questions[sourceIndex];
  if (!source || sourceIndex >= index)
    return add(`${at}.showIf.question`, 'SKIP_SOURCE', 'The rule must refer to an earlier question');
  if (rule.op === 'below_satisfied') {
    if (source.type !== 'rating' && source.type !== 'yes_no')
      add(`${at}.showIf.op`, 'SKIP_OP', '"Below satisfied" needs a rating or yes/no question');
    return;
  }
  if (!rule.value || !sourceValues(source).includes(rule.value))
    add(`${at}.showIf.value`, 'SKIP_VALUE', 'Choose one of the answers of that question');
}

function checkQuestion(content: VersionContent, index: number, add: Add) {
  const q = content.questions[index]!;
  const at = `questions.${index}`;
  if (!q.text.zh.trim()) add(`${at}.text`, 'TEXT_REQUIRED', 'The question needs a Chinese text');
  if (!q.text.en.trim()) add(`${at}.text`, 'TRANSLATION_MISSING', 'The English translation is missing', 'warning');
  if (FORBIDDEN_PHRASES.some((p) => q.text.zh.includes(p)))
    add(`${at}.text`, 'FORBIDDEN_PHRASE', 'Never ask whether the vehicle still has problems (SPEC §7.4)');
  checkScale(q, at, add);
  checkOptions(q, at, add);
  checkShowIf(content, index, at, add);
  if (q.factor && !content.factors.some((f) => f.code === q.factor))
    add(`${at}.factor`, 'UNKNOWN_FACTOR', 'No such factor in this questionnaire');
  const scored = q.weight > 0 && (q.type === 'rating' || q.type === 'yes_no' || q.type === 'single');
  if (scored && !q.factor && content.questions.some((o) => o.factor))
    add(`${at}.factor`, 'FACTOR_REQUIRED', 'Other questions use factors: map this one too, or set its weight to 0');
  if (q.type === 'reason' && !q.showIf)
    add(`${at}.showIf`, 'REASON_WITHOUT_RULE', 'A reason follow-up usually has a skip rule', 'warning');
}

export function validateContent(content: VersionContent): Issue[] {
  const issues: Issue[] = [];
  const add: Add = (path, code, message, level = 'error') => issues.push({ path, code, level, message });
  if (!content.name.zh.trim()) add('name', 'TEXT_REQUIRED', 'The questionnaire needs a name');
  if (content.questions.length === 0) add('questions', 'QUESTIONS_REQUIRED', 'Add at least one question');
  const keys = content.questions.map((q) => q.key);
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i) add(`questions.${i}.key`, 'DUPLICATE_KEY', `The key ${k} is used twice`);
  });
  const codes = content.factors.map((f) => f.code);
  codes.forEach((c, i) => {
    if (codes.indexOf(c) !== i) add(`factors.${i}.code`, 'DUPLICATE_KEY', `The factor ${c} is listed twice`);
  });
  content.factors.forEach((f, i) => {
    const used = content.questions.some((q) => q.factor === f.code && q.weight > 0);
    if (used && f.weight === 0)
      add(`factors.${i}.weight`, 'FACTOR_WEIGHT_ZERO', 'Weight 0: this factor does not count in the total', 'warning');
  });
  content.questions.forEach((_q, i) => checkQuestion(content, i, add));
  return issues;
}

export const hasErrors = (issues: readonly Issue[]) => issues.some((i) => i.level === 'error');
