/** The outcome buttons in shortcut order: key 1 … 6 (SPEC §3.6, §4.6 WF-5). */
export const OUTCOME_BUTTONS = [
  'completed',
  'appointment',
  'no_answer',
  'refused',
  'wrong_number',
  'wrong_person',
] as const;
export type OutcomeButton = (typeof OUTCOME_BUTTONS)[number];

/** datetime-local input value (browser local time) → ISO with offset, or undefined when empty or invalid. */
export function appointmentIso(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** A dialable tel: URI from a shown number: digits and a leading + only. */
export function telHref(value: string): string {
  return `tel:${value.replace(/(?!^\+)[^\d]/g, '')}`;
}
