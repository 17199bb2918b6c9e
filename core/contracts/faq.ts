import { z } from 'zod';
import { ShortText } from './common';

/**
 * FAQ knowledge base (SPEC §3.11). The two source documents the SPEC names; a dealer may add others
 * (an OEM bulletin, its own notes) under their own code.
 */
export const FAQ_SOURCES = [
  { code: 'AYT-外来-客服-02', name: '《CRM系统中FAQ》' },
  { code: 'AYT-外来-客服-01', name: '《XX客服车辆常见问题技术解答手册(2014)》' },
] as const;

/** Multi-line text (an answer): trimmed, bounded, no control characters other than line breaks and tabs. */
const MultilineText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^(?:[^\p{Cc}]|[\n\r\t])*$/u, 'must not contain control characters');
const OptionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');
/** A calendar date in a sane range (PostgreSQL refuses year 0). */
const IsoDate = z.iso.date().regex(/^(19|20|21)\d\d-/, 'year must be between 1900 and 2199');

const ARTICLE_FIELDS = {
  sourceCode: ShortText(60),
  /** Version or year of the source document, e.g. "2014". */
  sourceVersion: OptionalLine(40).default(''),
  question: ShortText(500),
  answer: MultilineText(5000),
  category: ShortText(60),
  tags: z.array(ShortText(30)).max(20).default([]),
  validFrom: IsoDate,
  validTo: IsoDate.nullable().default(null),
};
const validRange = (a: { validFrom: string; validTo: string | null }) => !a.validTo || a.validTo >= a.validFrom;
const rangeError = { message: 'validTo must not be before validFrom', path: ['validTo'] };

export const FaqArticleInput = z.object(ARTICLE_FIELDS).strict().refine(validRange, rangeError);
export type FaqArticleInput = z.infer<typeof FaqArticleInput>;

/** An edit: the whole article again, optionally with the revision it was based on (409 if it moved on). */
export const UpdateFaqArticle = z
  .object({ ...ARTICLE_FIELDS, revision: z.number().int().min(1).optional() })
  .strict()
  .refine(validRange, rangeError);
export type UpdateFaqArticle = z.infer<typeof UpdateFaqArticle>;

export const FaqArticle = z.object({
  id: z.uuid(),
  sourceCode: z.string(),
  sourceVersion: z.string(),
  question: z.string(),
  answer: z.string(),
  category: z.string(),
  tags: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** Not archived and valid today (in the dealer's time zone). */
  active: z.boolean(),
  archivedAt: z.string().nullable(),
  revision: z.number().int(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type FaqArticle = z.infer<typeof FaqArticle>;

export const FaqRevision = z.object({
  revision: z.number().int(),
  change: z.enum(['create', 'update', 'archive', 'restore', 'import']),
  question: z.string(),
  changedAt: z.string(),
  changedByName: z.string(),
});
export const FaqArticleDetail = FaqArticle.extend({
  revisions: z.array(FaqRevision),
  useCount: z.number().int(),
});

export const FaqSearchQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    category: z.string().trim().max(60).optional(),
    tag: z.string().trim().max(30).optional(),
    source: z.string().trim().max(60).optional(),
    status: z.enum(['active', 'archived', 'all']).default('active'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type FaqSearchQuery = z.infer<typeof FaqSearchQuery>;

export const FaqSearchResult = z.object({
  items: z.array(FaqArticle.extend({ score: z.number().nullable() })),
  total: z.number().int(),
});

export const FaqFacets = z.object({
  categories: z.array(z.object({ category: z.string(), count: z.number().int() })),
  tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
  sources: z.array(z.object({ code: z.string(), count: z.number().int() })),
});

/** "Answered from the FAQ" (resolution path a), on a survey response and/or a callback task. */
export const RecordFaqUse = z
  .object({
    responseId: z.uuid().optional(),
    taskId: z.uuid().optional(),
    note: OptionalLine(500).optional(),
  })
  .strict();

export const FaqUse = z.object({
  id: z.uuid(),
  articleId: z.uuid(),
  articleRevision: z.number().int(),
  question: z.string(),
  sourceCode: z.string(),
  responseId: z.uuid().nullable(),
  taskId: z.uuid().nullable(),
  note: z.string(),
  usedBy: z.string(),
  usedAt: z.string(),
});
export const FaqUseList = z.object({ items: z.array(FaqUse) });
export const FaqUseQuery = z
  .object({ responseId: z.uuid().optional(), taskId: z.uuid().optional() })
  .strict()
  .refine((q) => q.responseId || q.taskId, { message: 'give responseId or taskId', path: ['responseId'] });

export const FaqImportResult = z.object({
  created: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
});
