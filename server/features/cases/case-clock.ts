/**
 * The clock of the closed loop. Every case timestamp and deadline is computed from it (never from the
 * database's now()), so the scripted-calendar tests can replay "Friday 16:30 before a holiday" on a real
 * database; production uses the wall clock. See docs/decisions (case clock).
 */
let source: () => Date = () => new Date();

export const caseNow = (): Date => source();

/** Tests only: replace the clock (null restores the wall clock). */
export function setCaseClock(fn: (() => Date) | null): void {
  source = fn ?? (() => new Date());
}
