import { z } from 'zod';

/** The evidence the server keeps with a consent flag: who recorded it, through which channel, when. */
const Evidence = z.object({
  source: z.string().nullish(),
  channel: z.string().nullish(),
  at: z.string().nullish(),
  note: z.string().nullish(),
});
export type ConsentEvidence = z.infer<typeof Evidence>;

/** The evidence as stored (an object, or its JSON text), or null when none is recorded or it is unreadable. */
export function parseEvidence(raw: unknown): ConsentEvidence | null {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
  }
  const parsed = Evidence.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const CONSENT_CHANNELS = ['phone', 'on_site', 'mobile_link', 'paper', 'dms', 'other'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export function isConsentChannel(value: unknown): value is ConsentChannel {
  return typeof value === 'string' && (CONSENT_CHANNELS as readonly string[]).includes(value);
}
