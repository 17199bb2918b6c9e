import { z } from 'zod';

/**
 * The content of one questionnaire version (问卷/调查表, SPEC §3.7): factors, questions, scales, options and
 * skip rules. Shared by the API, the scoring rule, the builder and the form renderer.
 */

/** A stable identifier inside one version (question, option, factor or level key). */
export const Key = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ or -, at most 40');

const Line = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

/** Chinese text with its English translation (the translation may be empty in a draft). */
export const LocalText = z.object({ zh: Line(500), en: Line(500) }).strict();
export type LocalText = z.infer<typeof LocalText>;

export const LongText = z.object({ zh: z.string().max(4000), en: z.string().max(4000) }).strict();

export const QUESTION_TYPES = ['rating', 'yes_no', 'single', 'multi', 'text', 'date', 'reason'] as const;
export const QuestionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionType>;

export const ScaleLevel = z.object({ key: Key, label: LocalText, points: z.number().min(0).max(100) }).strict();
export type ScaleLevel = z.infer<typeof ScaleLevel>;

/**
 * An answer scale (SPEC §3.7 "answer scale: an ordered list of labels and scores"). `levels`: labelled levels
 * with points, best first; `range`: an integer from min to max. `satisfiedMin` is the lowest points (levels)
 * or value (range) that still counts as satisfied: an answer below it triggers the reason follow-up.
 */
export const Scale = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('levels'),
      preset: z.string().max(40),
      levels: z.array(ScaleLevel).min(2).max(11),
      satisfiedMin: z.number().min(0).max(100),
    })
    .strict(),
  z
    .object({
      kind: z.literal('range'),
      preset: z.string().max(40),
      min: z.number().int().min(0).max(100),
      max: z.number().int().min(1).max(100),
      satisfiedMin: z.number().min(0).max(100),
    })
    .strict(),
]);
export type Scale = z.infer<typeof Scale>;

export const Option = z
  .object({ key: Key, label: LocalText, points: z.number().min(0).max(100).nullable().default(null) })
  .strict();
export type Option = z.infer<typeof Option>;

/** Skip logic: the question is shown only when the rule holds for an earlier question's answer. */
export const ShowIf = z
  .object({
    question: Key,
    op: z.enum(['below_satisfied', 'equals', 'not_equals']),
    /** equals / not_equals: an option or level key, or 'yes' / 'no'. */
    value: z.string().max(40).nullable().default(null),
  })
  .strict();
export type ShowIf = z.infer<typeof ShowIf>;

export const Question = z
  .object({
    key: Key,
    type: QuestionType,
    text: LocalText,
    section: LocalText.nullable().default(null),
    mandatory: z.boolean().default(false),
    /** Code of one of the version's factors, or null. */
    factor: Key.nullable().default(null),
    /** Relative weight inside its factor (0 = not scored). */
    weight: z.number().min(0).max(100).default(1),
    /** Key-factor flag (关键因素, SPEC §3.7). */
    keyFactor: z.boolean().default(false),
    allowNa: z.boolean().default(false),
    scale: Scale.nullable().default(null),
    options: z.array(Option).max(30).default([]),
    /** yes_no: whether "yes" is the good answer (false for e.g. "did you have to bring the car back?"). */
    yesIsGood: z.boolean().default(true),
    showIf: ShowIf.nullable().default(null),
  })
  .strict();
export type Question = z.infer<typeof Question>;
export type QuestionInput = z.input<typeof Question>;

export const Factor = z.object({ code: Key, name: LocalText, weight: z.number().min(0).max(100) }).strict();
export type Factor = z.infer<typeof Factor>;

export const BUSINESS_LINES = ['sales', 'after_sales', 'marketing', 'other'] as const;
export const CHANNELS = ['on_site', 'phone', 'letter', 'mobile_link', 'email_form', 'interview'] as const;

export const VersionContent = z
  .object({
    name: LocalText,
    description: LongText.default({ zh: '', en: '' }),
    businessLine: z.enum(BUSINESS_LINES),
    channel: z.enum(CHANNELS),
    formNumber: Line(60).default(''),
    instructions: LongText.default({ zh: '', en: '' }),
    factorSet: z.string().max(40).nullable().default(null),
    factors: z.array(Factor).max(30).default([]),
    questions: z.array(Question).max(200),
  })
  .strict();
export type VersionContent = z.infer<typeof VersionContent>;
export type VersionContentInput = z.input<typeof VersionContent>;

export const AnswerValue = z.union([
  z.string().max(2000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(40)).max(30),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** One answer. `na`: "not applicable" (only where the question allows it); `comment`: free text. */
export const Answer = z
  .object({
    question: Key,
    value: AnswerValue.nullable().default(null),
    na: z.boolean().default(false),
    comment: z.string().max(2000).default(''),
  })
  .strict();
export type Answer = z.infer<typeof Answer>;
export type AnswerInput = z.input<typeof Answer>;

/** A field-level problem: `path` names the field (`questions.2.options`, `answers.q3`). */
export const Issue = z.object({
  path: z.string(),
  code: z.string(),
  level: z.enum(['error', 'warning']),
  message: z.string(),
});
export type Issue = z.infer<typeof Issue>;
