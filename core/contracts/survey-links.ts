import { z } from 'zod';
import { Uuid } from './common';
import { Answer, VersionContent } from './questionnaire-content';

/**
 * Mobile survey links (手机问卷, SPEC §1.5 P-GEN "send the survey link to respondents"), the on-site survey
 * at the counter (WF-1 §4.2, WF-3 §4.4, consent flag §3.5) and the dealer's SMS / message provider.
 */

export const LINK_STATUSES = ['live', 'used', 'expired', 'revoked'] as const;
export const LinkStatus = z.enum(LINK_STATUSES);

export const SurveyLink = z.object({
  id: Uuid,
  taskId: Uuid,
  status: LinkStatus,
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  usedFor: z.enum(['response', 'opt_out']).nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  sentVia: z.enum(['copy', 'sms']).nullable(),
  openedCount: z.number().int(),
  firstOpenedAt: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type SurveyLink = z.infer<typeof SurveyLink>;

/** A new link: the only time its address exists outside the customer's phone (the server keeps a hash). */
export const CreatedLink = z.object({
  link: SurveyLink,
  url: z.string(),
  /** The address as a QR code: an SVG data URL. */
  qr: z.string(),
});
export type CreatedLink = z.infer<typeof CreatedLink>;

export const SmsDelivery = z.object({
  id: Uuid,
  linkId: Uuid,
  phoneHint: z.string(),
  providerKind: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SmsDelivery = z.infer<typeof SmsDelivery>;

export const SendLinkRequest = z
  .object({
    /** One of the customer's mobiles; default their primary mobile. */
    phoneId: Uuid.optional(),
  })
  .strict()
  .nullish();
export const SendLinkResult = CreatedLink.extend({ sms: SmsDelivery });
export type SendLinkResult = z.infer<typeof SendLinkResult>;

export const LinkListQuery = z.object({ taskId: Uuid }).strict();
export const LinkList = z.object({ items: z.array(SurveyLink), sms: z.array(SmsDelivery) });
export type LinkList = z.infer<typeof LinkList>;

// ——— public (the customer's phone; no login) ———

/** Tokens are 32 random bytes, base64url: 43 characters. Anything else is answered "invalid link". */
export const TokenParams = z.object({ token: z.string().max(100) }).strict();

export const PublicSurvey = z.object({
  dealerName: z.string(),
  /** The customer's given name only (SPEC §8.3: no other customer data on the page); null when unknown. */
  firstName: z.string().nullable(),
  privacyNotice: z.string(),
  expiresAt: z.string(),
  versionId: Uuid,
  content: VersionContent,
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;

export const PublicSubmitRequest = z
  .object({
    /** The customer saw the privacy notice and went on. */
    acceptedNotice: z.literal(true),
    answers: z.array(Answer).max(200),
    praise: z.string().max(2000).optional(),
    startedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type PublicSubmitRequest = z.infer<typeof PublicSubmitRequest>;

export const PublicDone = z.object({ ok: z.literal(true), dealerName: z.string() });

// ——— on-site (tablet at the counter) ———

export const OnsiteKind = z.enum(['repair_order', 'sale']);
export const OnsiteCandidatesQuery = z
  .object({
    kind: OnsiteKind,
    /** yyyy-mm-dd; default today in the dealer's time zone. */
    date: z.iso.date().optional(),
  })
  .strict();

export const OnsiteCandidate = z.object({
  sourceKind: OnsiteKind,
  sourceId: Uuid,
  number: z.string().nullable(),
  date: z.string(),
  customerName: z.string().nullable(),
  plate: z.string().nullable(),
  model: z.string().nullable(),
  staffName: z.string().nullable(),
  task: z
    .object({ id: Uuid, status: z.string(), consent: z.boolean().nullable(), responseId: Uuid.nullable() })
    .nullable(),
});
export type OnsiteCandidate = z.infer<typeof OnsiteCandidate>;
export const OnsiteCandidates = z.object({ date: z.string(), items: z.array(OnsiteCandidate) });
export type OnsiteCandidates = z.infer<typeof OnsiteCandidates>;

export const StartOnsiteRequest = z
  .object({
    sourceKind: OnsiteKind,
    sourceId: Uuid,
    /** SPEC §4.2 step 2: the customer agreed to the on-site survey (false: go on to the phone callback). */
    consent: z.boolean(),
  })
  .strict();
export type StartOnsiteRequest = z.infer<typeof StartOnsiteRequest>;

export const OnsiteSession = z.object({
  taskId: Uuid,
  status: z.string(),
  consent: z.boolean().nullable(),
  customerName: z.string().nullable(),
  questionnaire: z.object({ versionId: Uuid, content: VersionContent }).nullable(),
});
export type OnsiteSession = z.infer<typeof OnsiteSession>;

export const OnsiteSubmitRequest = z
  .object({
    versionId: Uuid,
    answers: z.array(Answer).max(200),
    respondentName: z.string().trim().max(100).optional(),
    respondentRelation: z.enum(['owner', 'recipient', 'other']).optional(),
    praise: z.string().max(2000).optional(),
    mayCallAgain: z.boolean().optional(),
    startedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type OnsiteSubmitRequest = z.infer<typeof OnsiteSubmitRequest>;
export const OnsiteDone = z.object({ taskId: Uuid, responseId: Uuid, status: z.string() });

/**
 * A customer at the counter whose order or delivery is not in the system yet (the DMS import runs later): the
 * on-site questionnaire is answered without a task, under the respondent's name; it is listed in the on-site
 * register, and the generated phone callback follows once the order is imported.
 */
export const WalkInQuery = z.object({ kind: OnsiteKind }).strict();
export const WalkInQuestionnaire = z.object({
  questionnaire: z.object({ versionId: Uuid, content: VersionContent }).nullable(),
});
export const WalkInRequest = OnsiteSubmitRequest.extend({
  kind: OnsiteKind,
  respondentName: z.string().trim().min(1).max(100),
}).strict();
export type WalkInRequest = z.infer<typeof WalkInRequest>;
export const WalkInDone = z.object({ responseId: Uuid });

// ——— per-dealer settings ———

export const LinkSettings = z.object({
  /** The notice shown before the first question; null: the default text naming the dealer. */
  privacyNotice: z.string().max(4000).nullable(),
  defaultPrivacyNotice: z.string(),
  validHours: z.number().int().min(1).max(720),
  publicBaseUrl: z.string().nullable(),
  smsTemplate: z.string().nullable(),
  defaultSmsTemplate: z.string(),
});
export type LinkSettings = z.infer<typeof LinkSettings>;

const HttpUrl = z
  .url({ protocol: /^https?$/ })
  .max(200)
  .refine((u) => !/[?#]/.test(u), 'no query or fragment');

/** Every field is required; an empty string means "use the default" (no notice of our own, no base, no template). */
export const UpdateLinkSettings = z
  .object({
    privacyNotice: z
      .string()
      .trim()
      .max(4000)
      .refine((t) => t === '' || t.length >= 20, 'at least 20 characters, or empty for the default notice'),
    validHours: z.number().int().min(1).max(720),
    publicBaseUrl: z.union([z.literal(''), HttpUrl]),
    smsTemplate: z
      .string()
      .trim()
      .max(500)
      .refine((t) => t === '' || t.includes('{link}'), 'must contain {link}, or be empty for the default'),
  })
  .strict();
export type UpdateLinkSettings = z.infer<typeof UpdateLinkSettings>;

export const MessageProvider = z.object({
  kind: z.enum(['webhook', 'log']),
  url: z.string().nullable(),
  secretHint: z.string().nullable(),
  senderName: z.string(),
  active: z.boolean(),
  configured: z.boolean(),
});
export type MessageProvider = z.infer<typeof MessageProvider>;

export const UpdateMessageProvider = z
  .object({
    kind: z.enum(['webhook', 'log']),
    url: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    /** The HMAC key shared with the gateway; omit to keep the saved one. */
    secret: z.string().min(16).max(200).optional(),
    senderName: z.string().trim().max(40).default(''),
    active: z.boolean().default(true),
  })
  .strict();
export type UpdateMessageProvider = z.infer<typeof UpdateMessageProvider>;
