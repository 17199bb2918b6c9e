import { z } from 'zod';
import { HOTLINE_CATEGORIES } from '../rules/complaint-flow';
import { ShortText } from './common';
import { ComplaintLevel, Text } from './complaints';

/** Hotline log (热线电话, SPEC §3.24, WF-10) and online-forum monitoring items (SPEC §3.25, WF-18). */

export const HotlineCategory = z.enum(HOTLINE_CATEGORIES);
const Instant = z.iso.datetime({ offset: true });
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{3,20}$/, 'digits, +, - or spaces');

export const CreateHotlineCallRequest = z
  .object({
    line: z.enum(['400', '800']),
    startedAt: Instant.optional(),
    rings: z.number().int().min(0).max(99).optional(),
    afterHours: z.boolean().default(false),
    forwardedTo: Phone.optional(),
    callerName: ShortText(64),
    callerPhone: Phone,
    customerId: z.uuid().optional(),
    purpose: ShortText(200),
    category: HotlineCategory,
    content: Text(4000),
    promisedReplyAt: Instant.optional(),
  })
  .strict();
export const UpdateHotlineCallRequest = z
  .object({
    purpose: ShortText(200).optional(),
    category: HotlineCategory.optional(),
    content: Text(4000).optional(),
    promisedReplyAt: Instant.nullable().optional(),
  })
  .strict();
export const HotlineReplyRequest = z.object({ note: Text(2000), repliedAt: Instant.optional() }).strict();
export const HotlineQuery = z
  .object({
    category: HotlineCategory.optional(),
    line: z.enum(['400', '800']).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    q: ShortText(50).optional(),
  })
  .strict();
export const ToComplaintRequest = z
  .object({ level: ComplaintLevel.optional(), description: Text(4000).optional() })
  .strict();

export const HotlineCall = z.object({
  id: z.uuid(),
  line: z.enum(['400', '800']),
  startedAt: z.string(),
  rings: z.number().int().nullable(),
  afterHours: z.boolean(),
  forwardedTo: z.string().nullable(),
  callerName: z.string(),
  /** Masked in lists (138****1234); in full on the single record. */
  callerPhone: z.string(),
  customerId: z.uuid().nullable(),
  purpose: z.string(),
  category: HotlineCategory,
  content: z.string(),
  promisedReplyAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  replyNote: z.string().nullable(),
  kept: z.boolean().nullable(),
  overdue: z.boolean(),
  complaintId: z.uuid().nullable(),
  operator: z.string().nullable(),
  createdAt: z.string(),
});
export type HotlineCall = z.infer<typeof HotlineCall>;
export const HotlineCallList = z.object({ items: z.array(HotlineCall) });

export const ForumSentiment = z.enum(['positive', 'neutral', 'negative']);
export const ForumStatus = z.enum(['new', 'forwarded', 'handled', 'ignored']);
export const ForumImportance = z.enum(['low', 'normal', 'high']);
const Url = z
  .string()
  .trim()
  .max(1000)
  .regex(/^https?:\/\/[^\s]+$/, 'an http(s) address');

export const CreateForumItemRequest = z
  .object({
    site: ShortText(40),
    url: Url,
    title: ShortText(200),
    excerpt: Text(4000).optional(),
    foundAt: Instant.optional(),
    sentiment: ForumSentiment,
    importance: ForumImportance.default('normal'),
  })
  .strict();
export const UpdateForumItemRequest = z
  .object({
    status: ForumStatus.optional(),
    importance: ForumImportance.optional(),
    sentiment: ForumSentiment.optional(),
    forwardedToStaffId: z.uuid().nullable().optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export const ForumQuery = z
  .object({ status: ForumStatus.optional(), sentiment: ForumSentiment.optional(), site: ShortText(40).optional() })
  .strict();
export const ForumItem = z.object({
  id: z.uuid(),
  site: z.string(),
  url: z.string(),
  title: z.string(),
  excerpt: z.string(),
  foundAt: z.string(),
  sentiment: ForumSentiment,
  importance: ForumImportance,
  status: ForumStatus,
  forwardedTo: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  handledAt: z.string().nullable(),
  note: z.string(),
  complaintId: z.uuid().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ForumItem = z.infer<typeof ForumItem>;
export const ForumItemList = z.object({ items: z.array(ForumItem) });
