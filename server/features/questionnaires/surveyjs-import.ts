import {
  Factor,
  LocalText,
  LongText,
  Option,
  Scale,
  ShowIf,
  VersionContent,
  type ImportNote,
  type QuestionInput,
} from '../../../core/contracts/questionnaires';
import { scalePreset } from '../../../core/rules/scales';
import type { Json } from './surveyjs-export';

/**
 * Import of a SurveyJS form (the mapping of surveyjs-export.ts, read backwards). Anything without a Manyi
 * equivalent — element types, properties, expressions — is listed in `unsupported`, never dropped silently.
 */

const SUPPORTED = new Set(['rating', 'boolean', 'radiogroup', 'dropdown', 'checkbox', 'comment', 'text', 'panel']);
const KNOWN_PROPS = new Set([
  ...['type', 'name', 'title', 'isRequired', 'visibleIf', 'rateMin', 'rateMax', 'rateValues', 'rateCount'],
  ...['labelTrue', 'labelFalse', 'choices', 'inputType', 'elements', 'manyi', 'showCommentArea', 'description'],
  ...['rateType', 'displayMode', 'startWithNewLine', 'rows', 'width', 'minWidth', 'maxWidth', 'state'],
]);
const SURVEY_PROPS = new Set(['title', 'description', 'pages', 'elements', 'locale', 'manyi', 'showQuestionNumbers']);

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function text(v: unknown): LocalText {
  if (isObj(v)) {
    const zh = str(v['zh-cn']) || str(v['zh-tw']) || str(v.zh) || str(v.default);
    const en = str(v.en) || (str(v.default) !== zh ? str(v.default) : '');
    return { zh: zh.slice(0, 500), en: en.slice(0, 500) };
  }
  return { zh: str(v).slice(0, 500), en: '' };
}

interface Ctx {
  notes: ImportNote[];
  keys: Set<string>;
}

function keyOf(raw: unknown, path: string, ctx: Ctx): string {
  let key =
    str(raw)
      .replace(/[^A-Za-z0-9_-]/g, '_')
      .slice(0, 40) || `q${ctx.keys.size + 1}`;
  while (ctx.keys.has(key)) key = `${key.slice(0, 36)}_${ctx.keys.size}`;
  if (key !== raw) ctx.notes.push({ path, construct: 'name', message: `Renamed "${str(raw)}" to "${key}"` });
  ctx.keys.add(key);
  return key;
}

function choices(raw: unknown): Option[] {
  if (!Array.isArray(raw)) return [];
  return raw.slice(0, 30).map((c, i) => {
    const value = isObj(c) ? c.value : c;
    const label = isObj(c) ? text(c.text ?? c.value) : text(String(c));
    const key =
      String(value ?? `o${i + 1}`)
        .replace(/[^A-Za-z0-9_-]/g, '_')
        .slice(0, 40) || `o${i + 1}`;
    return { key, label: label.zh ? label : { zh: key, en: '' }, points: null };
  });
}

/** Rating: our own scale when exported by Manyi; else rateValues as levels (worst first), or a numeric range. */
function ratingScale(el: Json): Scale {
  const own = Scale.safeParse(isObj(el.manyi) ? el.manyi.scale : null);
  if (own.success) return own.data;
  const values = choices(el.rateValues);
  if (values.length >= 2) {
    const levels = [...values].reverse().map((o, i) => ({
      key: o.key,
      label: o.label,
      points: Math.round((100 * (values.length - 1 - i)) / (values.length - 1)),
    }));
    return {
      kind: 'levels',
      preset: 'custom',
      levels,
      satisfiedMin: levels[Math.floor((levels.length - 1) / 2)]!.points,
    };
  }
  const min = typeof el.rateMin === 'number' ? el.rateMin : 1;
  const count = typeof el.rateCount === 'number' ? el.rateCount : 5;
  const max = typeof el.rateMax === 'number' ? el.rateMax : min + count - 1;
  const fallback = scalePreset('range10');
  if (!(min >= 0 && max <= 100 && min < max && Number.isInteger(min) && Number.isInteger(max))) return fallback;
  return { kind: 'range', preset: 'custom', min, max, satisfiedMin: Math.ceil(min + (max - min) * 0.7) };
}

function typeOf(el: Json): QuestionInput['type'] {
  const own = isObj(el.manyi) ? str(el.manyi.type) : '';
  if (['rating', 'yes_no', 'single', 'multi', 'text', 'date', 'reason'].includes(own))
    return own as QuestionInput['type'];
  const t = str(el.type);
  if (t === 'rating') return 'rating';
  if (t === 'boolean') return 'yes_no';
  if (t === 'radiogroup' || t === 'dropdown') return 'single';
  if (t === 'checkbox') return 'multi';
  if (t === 'text' && el.inputType === 'date') return 'date';
  return 'text';
}

function question(el: Json, path: string, section: LocalText | null, ctx: Ctx): QuestionInput {
  const type = typeOf(el);
  const m = isObj(el.manyi) ? el.manyi : {};
  for (const prop of Object.keys(el))
    if (!KNOWN_PROPS.has(prop))
      ctx.notes.push({ path, construct: prop, message: `Property "${prop}" is not supported` });
  if (el.type === 'text' && el.inputType && el.inputType !== 'date' && el.inputType !== 'text')
    ctx.notes.push({ path, construct: 'inputType', message: `inputType "${str(el.inputType)}" imported as free text` });
  const ownOptions = Option.array().safeParse(m.options);
  const title = text(el.title ?? el.name);
  return {
    key: keyOf(el.name, path, ctx),
    type,
    text: title.zh ? title : { zh: str(el.name) || '?', en: '' },
    section,
    mandatory: el.isRequired === true,
    factor: typeof m.factor === 'string' ? m.factor : null,
    weight: typeof m.weight === 'number' ? m.weight : type === 'rating' || type === 'yes_no' ? 1 : 0,
    keyFactor: m.keyFactor === true,
    allowNa: m.allowNa === true,
    yesIsGood: m.yesIsGood !== false,
    scale: type === 'rating' ? ratingScale(el) : null,
    options:
      ownOptions.success && ownOptions.data.length ? ownOptions.data : type === 'rating' ? [] : choices(el.choices),
  };
}

const EXPR = /^\s*\{([^}]+)\}\s*(=|==|<>|!=)\s*'?([^'\s]*)'?\s*$/;

/** Skip rules: Manyi's own rule when present, else a simple `{q} = 'v'` / `{q} <> 'v'`; anything else reported. */
function skipRule(el: Json, path: string, ctx: Ctx): ShowIf | null {
  const own = ShowIf.safeParse(isObj(el.manyi) ? el.manyi.showIf : null);
  if (own.success) return own.data;
  if (typeof el.visibleIf !== 'string' || !el.visibleIf.trim()) return null;
  const m = EXPR.exec(el.visibleIf);
  if (!m) {
    ctx.notes.push({
      path,
      construct: 'visibleIf',
      message: `Condition "${el.visibleIf}" not supported: always shown`,
    });
    return null;
  }
  const value = m[3] === 'true' ? 'yes' : m[3] === 'false' ? 'no' : (m[3] ?? '');
  return { question: m[1]!, op: m[2] === '=' || m[2] === '==' ? 'equals' : 'not_equals', value };
}

function walk(els: unknown, path: string, section: LocalText | null, ctx: Ctx, out: QuestionInput[]) {
  if (!Array.isArray(els)) return;
  els.forEach((el, i) => {
    const at = `${path}.${i}`;
    if (!isObj(el)) return ctx.notes.push({ path: at, construct: 'element', message: 'Not an element object' });
    const type = str(el.type);
    if (!SUPPORTED.has(type))
      return ctx.notes.push({ path: at, construct: type || 'element', message: `Element type "${type}" not imported` });
    if (type === 'panel') return walk(el.elements, `${at}.elements`, el.title ? text(el.title) : section, ctx, out);
    if (out.length >= 200) return ctx.notes.push({ path: at, construct: type, message: 'More than 200 questions' });
    out.push({ ...question(el, at, section, ctx), showIf: skipRule(el, at, ctx) });
  });
}

function survey(json: Json, ctx: Ctx, out: QuestionInput[]) {
  for (const prop of Object.keys(json))
    if (!SURVEY_PROPS.has(prop))
      ctx.notes.push({ path: prop, construct: prop, message: `Survey property "${prop}" is not supported` });
  if (Array.isArray(json.pages))
    json.pages.forEach((p, i) => {
      if (isObj(p)) walk(p.elements, `pages.${i}.elements`, p.title ? text(p.title) : null, ctx, out);
    });
  walk(json.elements, 'elements', null, ctx, out);
}

export function fromSurveyJs(json: Json): { content: VersionContent; unsupported: ImportNote[] } {
  const ctx: Ctx = { notes: [], keys: new Set() };
  const questions: QuestionInput[] = [];
  survey(json, ctx, questions);
  const m = isObj(json.manyi) ? json.manyi : {};
  const factors = Factor.array().safeParse(m.factors);
  const known = new Set(factors.success ? factors.data.map((f) => f.code) : []);
  for (const q of questions) if (q.factor && !known.has(q.factor)) q.factor = null;
  for (const q of questions)
    if (q.showIf && !questions.some((s) => s.key === q.showIf?.question)) {
      ctx.notes.push({ path: q.key, construct: 'visibleIf', message: 'The condition refers to an unknown question' });
      q.showIf = null;
    }
  const title = text(json.title);
  const content = VersionContent.parse({
    name: title.zh ? title : { zh: '导入的问卷', en: 'Imported questionnaire' },
    description: LongText.safeParse(m.description).data ?? {
      zh: text(json.description).zh,
      en: text(json.description).en,
    },
    businessLine: ['sales', 'after_sales', 'marketing', 'other'].includes(str(m.businessLine))
      ? m.businessLine
      : 'other',
    channel: ['on_site', 'phone', 'letter', 'mobile_link', 'email_form', 'interview'].includes(str(m.channel))
      ? m.channel
      : 'mobile_link',
    formNumber: str(m.formNumber).slice(0, 60),
    instructions: LongText.safeParse(m.instructions).data ?? { zh: '', en: '' },
    factorSet: typeof m.factorSet === 'string' ? m.factorSet.slice(0, 40) : null,
    factors: factors.success ? factors.data : [],
    questions,
  });
  return { content, unsupported: ctx.notes };
}
