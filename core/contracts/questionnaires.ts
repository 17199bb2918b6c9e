import { z } from 'zod';
import { Role } from './auth';
import { Uuid } from './common';
import {
  Answer,
  AnswerValue,
  BUSINESS_LINES,
  CHANNELS,
  Factor,
  Issue,
  Key,
  LocalText,
  LongText,
  VersionContent,
} from './questionnaire-content';

export * from './questionnaire-content';

/** Request and response schemas of the questionnaire API (SPEC §3.7–§3.8, §8.1, §8.5). */

export const VERSION_STATUSES = ['draft', 'approved', 'published', 'retired'] as const;
export const VersionStatus = z.enum(VERSION_STATUSES);
export type VersionStatus = z.infer<typeof VersionStatus>;

export const FactorSetInfo = z.object({
  key: z.string(),
  name: LocalText,
  source: LocalText,
  factors: z.array(Factor),
});

export const PresetSummary = z.object({
  key: z.string(),
  name: LocalText,
  description: LongText,
  source: z.string(),
  businessLine: z.enum(BUSINESS_LINES),
  channel: z.enum(CHANNELS),
  factorSet: z.string().nullable(),
  questionCount: z.number().int(),
});
export type PresetSummary = z.infer<typeof PresetSummary>;
export const PresetList = z.object({ items: z.array(PresetSummary), factorSets: z.array(FactorSetInfo) });

const Code = z
  .string()
  .trim()
  .regex(/^[^\p{Cc}]{1,60}$/u, 'at most 60 characters, no control characters');

/** A new questionnaire: a copy of a preset, or content of your own. Its first version is a draft. */
export const CreateQuestionnaireRequest = z
  .object({
    presetKey: z.string().max(40).optional(),
    content: VersionContent.optional(),
    /** Form code (e.g. AYT-JL-客服-04); generated when omitted. */
    code: Code.optional(),
  })
  .strict();
export type CreateQuestionnaireRequest = z.infer<typeof CreateQuestionnaireRequest>;

export const VersionSummary = z.object({
  id: Uuid,
  versionNo: z.number().int(),
  status: VersionStatus,
  name: LocalText,
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const Questionnaire = z.object({
  id: Uuid,
  dealerId: Uuid,
  code: z.string(),
  presetKey: z.string().nullable(),
  createdAt: z.string(),
  versions: z.array(VersionSummary),
});
export type Questionnaire = z.infer<typeof Questionnaire>;
export const QuestionnaireList = z.object({ items: z.array(Questionnaire) });

export const Version = VersionSummary.extend({
  dealerId: Uuid,
  templateId: Uuid,
  templateCode: z.string(),
  basedOnVersionId: Uuid.nullable(),
  createdAt: z.string(),
  content: VersionContent,
  /** Validation of the content (errors block approval). */
  issues: z.array(Issue),
});
export type Version = z.infer<typeof Version>;

export const ValidationResult = z.object({ ok: z.boolean(), issues: z.array(Issue) });
export type ValidationResult = z.infer<typeof ValidationResult>;

export const SubmitResponseRequest = z
  .object({
    versionId: Uuid,
    answers: z.array(Answer).max(200),
    channel: z.enum(CHANNELS).optional(),
    respondentName: z.string().trim().max(100).optional(),
    respondentRelation: z.enum(['owner', 'recipient', 'other']).optional(),
    startedAt: z.iso.datetime({ offset: true }).optional(),
    finishedAt: z.iso.datetime({ offset: true }).optional(),
    /** Praise and positive comments (SPEC §7.6). */
    praise: z.string().max(2000).optional(),
    /** The customer raised a question; may call again (SPEC §3.8). */
    mayCallAgain: z.boolean().optional(),
  })
  .strict();
export type SubmitResponseRequest = z.infer<typeof SubmitResponseRequest>;
export type SubmitResponseInput = z.input<typeof SubmitResponseRequest>;

export const Annotation = z.object({
  id: Uuid,
  question: z.string().nullable(),
  note: z.string(),
  correctedValue: AnswerValue.nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
});
export type Annotation = z.infer<typeof Annotation>;

export const SurveyResponse = z.object({
  id: Uuid,
  dealerId: Uuid,
  versionId: Uuid,
  versionNo: z.number().int(),
  templateId: Uuid,
  channel: z.string(),
  respondentName: z.string().nullable(),
  respondentRelation: z.string().nullable(),
  submittedAt: z.string(),
  score: z.number().nullable(),
  satisfied: z.boolean().nullable(),
  dissatisfied: z.array(z.string()),
  factorScores: z.array(
    z.object({ code: z.string(), score: z.number().nullable(), weight: z.number(), items: z.number().int() }),
  ),
  praise: z.string(),
  mayCallAgain: z.boolean(),
  answers: z.array(
    z.object({
      question: z.string(),
      value: AnswerValue.nullable(),
      na: z.boolean(),
      comment: z.string(),
      itemScore: z.number().nullable(),
    }),
  ),
  annotations: z.array(Annotation),
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;

/** A correction is a new annotation, never an edit (SPEC §3.8, §8.1). */
export const AnnotateRequest = z
  .object({
    note: z.string().trim().min(1).max(2000),
    question: Key.nullable().optional(),
    correctedValue: AnswerValue.nullable().optional(),
  })
  .strict();
export type AnnotateRequest = z.infer<typeof AnnotateRequest>;

/** Per-dealer configuration: which roles sign off questionnaires (SPEC §8.5; preset: the GM). */
export const QuestionnaireSettings = z.object({ approverRoles: z.array(Role).min(1).max(12) }).strict();
export type QuestionnaireSettings = z.infer<typeof QuestionnaireSettings>;

/** A form in the SurveyJS form-JSON format (https://surveyjs.io/form-library/documentation/design-survey). */
export const SurveyJsJson = z.record(z.string(), z.unknown());

export const ImportRequest = z.object({ survey: SurveyJsJson, code: Code.optional() }).strict();

export const ImportNote = z.object({ path: z.string(), construct: z.string(), message: z.string() });
export type ImportNote = z.infer<typeof ImportNote>;

export const ImportResult = z.object({
  questionnaire: Questionnaire,
  versionId: Uuid,
  /** Everything that could not be carried over, or was changed on the way in. */
  unsupported: z.array(ImportNote),
});
