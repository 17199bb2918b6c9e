import type { TFunction } from 'i18next';
import type { LocalText, Option, Question, QuestionType } from '../../../core/contracts/questionnaires';
import { scalePreset } from '../../../core/rules/scales';

/** Builder helpers: fresh questions, type changes, options typed one a line. */

export function defaultsFor(type: QuestionType): Partial<Question> {
  const scored = type === 'rating' || type === 'yes_no' || type === 'single';
  return {
    type,
    scale: type === 'rating' ? scalePreset('level3') : null,
    options:
      type === 'single' || type === 'multi'
        ? [
            { key: 'o1', label: { zh: '选项一', en: 'Option 1' }, points: null },
            { key: 'o2', label: { zh: '选项二', en: 'Option 2' }, points: null },
          ]
        : [],
    weight: scored ? 1 : 0,
    allowNa: false,
  };
}

export function newQuestion(existing: readonly Question[]): Question {
  let n = existing.length + 1;
  while (existing.some((q) => q.key === `q${n}`)) n++;
  return {
    key: `q${n}`,
    type: 'rating',
    text: { zh: '', en: '' },
    section: null,
    mandatory: false,
    factor: null,
    weight: 1,
    keyFactor: false,
    allowNa: false,
    scale: scalePreset('level3'),
    options: [],
    yesIsGood: true,
    showIf: null,
    ...defaultsFor('rating'),
  };
}

/** Lines → options; a line that keeps its old label keeps its key, translation and points. */
export function optionsFromLines(text: string, old: readonly Option[]): Option[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 30);
  const used = new Set<string>();
  return lines.map((line, i) => {
    const same = old.find((o) => o.label.zh === line || o.label.en === line);
    let key = same && !used.has(same.key) ? same.key : `o${i + 1}`;
    while (used.has(key)) key = `${key}_`;
    used.add(key);
    return same ? { ...same, key } : { key, label: { zh: line, en: '' }, points: null };
  });
}

export function sourceValues(source: Question, lt: (t: LocalText) => string, t: TFunction) {
  if (source.type === 'yes_no')
    return [
      { value: 'yes', label: t('questionnaires.yes') },
      { value: 'no', label: t('questionnaires.no') },
    ];
  if (source.type === 'rating' && source.scale?.kind === 'levels')
    return source.scale.levels.map((l) => ({ value: l.key, label: lt(l.label) }));
  return source.options.map((o) => ({ value: o.key, label: lt(o.label) }));
}
