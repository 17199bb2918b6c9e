import { z } from 'zod';

/** The one error body every failing API call returns. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Uuid = z.uuid();
export const IdParams = z.object({ id: z.uuid() }).strict();

/** Short single-line text: trimmed, bounded, no control characters. */
export const ShortText = (max = 100) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

export const Paging = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const Ok = z.object({ ok: z.literal(true) });

/** The body of a POST that takes no input: nothing, or an empty object. */
export const NoBody = z.object({}).strict().nullish();
