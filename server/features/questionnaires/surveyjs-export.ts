import type { LocalText, Question, ShowIf, VersionContent } from '../../../core/contracts/questionnaires';

/**
 * Export to the SurveyJS form-JSON format (https://surveyjs.io/form-library/documentation/design-survey):
 * rating → `rating`, yes/no → `boolean`, single → `radiogroup`, multi → `checkbox`, text and reason →
 * `comment`, date → `text` with `inputType: "date"`, skip rules → `visibleIf`, sections → one page each.
 * What SurveyJS has no place for (points, factor, weight, satisfied level, "not applicable") travels in a
 * `manyi` property on each element and on the survey; SurveyJS ignores it, our import reads it back.
 */

export type Json = Record<string, unknown>;

export const localised = (t: LocalText) => (t.en ? { default: t.zh, 'zh-cn': t.zh, en: t.en } : t.zh);

const quote = (v: string) => `'${v.replace(/'/g, "\\'")}'`;

/** The SurveyJS expression for a skip rule, given its source question. */
export function visibleIf(rule: ShowIf, source: Question): string {
  const ref = `{${rule.question}}`;
  if (rule.op === 'below_satisfied') {
    if (source.type === 'yes_no') return `${ref} = ${!source.yesIsGood}`;
    const scale = source.scale;
    if (scale?.kind === 'range') return `${ref} < ${scale.satisfiedMin}`;
    const low = (scale?.levels ?? []).filter((l) => l.points < (scale?.satisfiedMin ?? 0)).map((l) => quote(l.key));
    return `${ref} anyof [${low.join(', ')}]`;
  }
  const value = source.type === 'yes_no' ? String(rule.value === 'yes') : quote(rule.value ?? '');
  return `${ref} ${rule.op === 'equals' ? '=' : '<>'} ${value}`;
}

function typeFields(q: Question): Json {
  const choices = () => q.options.map((o) => ({ value: o.key, text: localised(o.label) }));
  switch (q.type) {
    case 'rating':
      if (q.scale?.kind === 'range') return { type: 'rating', rateMin: q.scale.min, rateMax: q.scale.max };
      return {
        type: 'rating',
        rateValues: [...(q.scale?.levels ?? [])].reverse().map((l) => ({ value: l.key, text: localised(l.label) })),
      };
    case 'yes_no':
      return {
        type: 'boolean',
        labelTrue: localised({ zh: '是', en: 'Yes' }),
        labelFalse: localised({ zh: '否', en: 'No' }),
      };
    case 'single':
      return { type: 'radiogroup', choices: choices() };
    case 'multi':
      return { type: 'checkbox', choices: choices() };
    case 'date':
      return { type: 'text', inputType: 'date' };
    case 'reason':
      return q.options.length ? { type: 'checkbox', choices: choices(), showCommentArea: true } : { type: 'comment' };
    case 'text':
      return { type: 'comment' };
  }
}

function element(content: VersionContent, q: Question): Json {
  const source = q.showIf && content.questions.find((s) => s.key === q.showIf?.question);
  return {
    name: q.key,
    title: localised(q.text),
    ...typeFields(q),
    ...(q.mandatory ? { isRequired: true } : {}),
    ...(q.showIf && source ? { visibleIf: visibleIf(q.showIf, source) } : {}),
    manyi: {
      type: q.type,
      factor: q.factor,
      weight: q.weight,
      keyFactor: q.keyFactor,
      allowNa: q.allowNa,
      yesIsGood: q.yesIsGood,
      scale: q.scale,
      options: q.options,
      showIf: q.showIf,
    },
  };
}

export function toSurveyJs(content: VersionContent, code: string, versionNo: number): Json {
  const pages: Json[] = [];
  let current: { key: string; page: Json & { elements: Json[] } } | null = null;
  for (const q of content.questions) {
    const key = q.section ? `${q.section.zh}|${q.section.en}` : '';
    if (!current || current.key !== key) {
      const page = {
        name: `page${pages.length + 1}`,
        ...(q.section ? { title: localised(q.section) } : {}),
        elements: [],
      };
      current = { key, page };
      pages.push(page);
    }
    current.page.elements.push(element(content, q));
  }
  return {
    title: localised(content.name),
    ...(content.description.zh ? { description: localised(content.description) } : {}),
    locale: 'zh-cn',
    pages,
    manyi: {
      format: 1,
      code,
      versionNo,
      businessLine: content.businessLine,
      channel: content.channel,
      formNumber: content.formNumber,
      instructions: content.instructions,
      factorSet: content.factorSet,
      factors: content.factors,
    },
  };
}
