import { z } from 'zod';

/** Per-dealer working calendar (SPEC §4.1 "per-dealer working calendar (CONFIG)", §9.2 C8). */
export const Ymd = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'not a calendar date',
    },
  );
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');

export const DayOverride = z
  .object({
    date: Ymd,
    working: z.boolean(),
    note: z
      .string()
      .trim()
      .max(200)
      .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters')
      .default(''),
  })
  .strict();
export type DayOverride = z.infer<typeof DayOverride>;

export const WorkingHours = z
  .object({ start: HHMM, end: HHMM })
  .strict()
  .refine((h) => h.end > h.start, { message: 'end must be after start', path: ['end'] });

export const CalendarSettings = z.object({
  timeZone: z.string(),
  hours: z.object({ start: z.string(), end: z.string() }),
  /** 'calendar': set here for deadlines; 'dealer': the dealer's business hours. */
  hoursSource: z.enum(['calendar', 'dealer']),
  overrides: z.array(DayOverride),
  statutoryYears: z.object({ first: z.number().int(), last: z.number().int() }),
});
export type CalendarSettings = z.infer<typeof CalendarSettings>;

export const PutCalendarRequest = z
  .object({
    overrides: z.array(DayOverride).max(1000),
    /** null: use the dealer's business hours. */
    hours: WorkingHours.nullable(),
  })
  .strict();
export type PutCalendarRequest = z.infer<typeof PutCalendarRequest>;

export const CalendarPreviewQuery = z
  .object({
    from: Ymd,
    workingDays: z.coerce.number().int().min(0).max(60).default(1),
  })
  .strict();

export const CalendarDay = z.object({
  date: Ymd,
  working: z.boolean(),
  kind: z.enum(['override', 'holiday', 'makeup', 'weekend', 'weekday']),
  name: z.string().nullable(),
});
export const CalendarPreview = z.object({
  from: Ymd,
  workingDays: z.number().int(),
  /** The working day `workingDays` after `from`. */
  result: Ymd,
  days: z.array(CalendarDay),
});
export type CalendarPreview = z.infer<typeof CalendarPreview>;
