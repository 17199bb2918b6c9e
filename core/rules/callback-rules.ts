import type { CallbackRules, Outcome, TaskRule, TaskStatus } from '../contracts/callbacks';

/**
 * Callback-task rules (回访任务, SPEC §3.5, §4.1, §4.6 WF-5, §4.12, §5.1, §9.2 C1–C4, C29–C30, C36). Pure:
 * the clock, the time zone and the working-day calendar are arguments.
 *
 * Exclusions (不回访台次, C36 "not defined" → CONFIG), checked in this order, the first that applies wins:
 *  no_customer (the row matched no customer) · opted_out (the customer withdrew service-callback consent) ·
 *  refused_before (the customer refused an earlier callback) · fleet / internal / dealer (sale types in
 *  `excludeSaleTypes`; SPEC §5.1 excludes sales to dealers) · internal_repair (`excludeRepairTypes`) ·
 *  too_late (the window ended more than `staleAfterDays` before generation) · not_sampled (outside the
 *  coverage / sampling share).
 *
 * Duplicate rule (重复台次, C36; SPEC §5.1 suggests "the same VIN more than once in the month"): within one
 * task type, a customer (or, without a customer, a vehicle) gets one callback for all their transactions
 * whose anchor dates lie within `duplicateWindowDays` of the anchor of a transaction that already has a
 * kept task. Candidates are taken in anchor-date order (then source id), so the earliest transaction is
 * kept and the later ones are DUPLICATE. A task that already exists is never turned into a duplicate by a
 * late import.
 */

export type IsWorkingDay = (ymd: string) => boolean;

/** Monday–Friday: the fallback until a dealer calendar is wired in. */
export const mondayToFriday: IsWorkingDay = (ymd) => {
  const d = isoWeekday(ymd);
  return d >= 1 && d <= 5;
};

const DAY_MS = 86_400_000;
const utc = (ymd: string) => Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10)));
const ymdOf = (t: number) => new Date(t).toISOString().slice(0, 10);

export const addDays = (ymd: string, n: number) => ymdOf(utc(ymd) + n * DAY_MS);
export const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY_MS);
/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(ymd: string): number {
  const d = new Date(utc(ymd)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The n-th working day after `ymd` (n = 0: the day itself). */
export function addWorkingDays(ymd: string, n: number, isWorkingDay: IsWorkingDay): string {
  let day = ymd;
  for (let left = n, guard = 0; left > 0; guard++) {
    if (guard > 3660) throw new RangeError('no working day within ten years');
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** The due window of a task: [anchor + startDays, anchor + endDays], in calendar or working days. */
export function dueWindow(anchor: string, r: Pick<TaskRule, 'startDays' | 'endDays' | 'dayKind'>, w: IsWorkingDay) {
  const add = (n: number) => (r.dayKind === 'working' ? addWorkingDays(anchor, n, w) : addDays(anchor, n));
  return { dueStart: add(r.startDays), dueEnd: add(r.endDays) };
}

/** FNV-1a, 32 bits: a stable hash so sampling is the same on every run and every instance. */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Deterministic coverage / sampling: the task key is in the share when its hash falls below it. */
export const isSampled = (key: string, percent: number) => (stableHash(key) % 10_000) / 100 < percent;

export interface Candidate {
  sourceId: string;
  customerId: string | null;
  vehicleId: string | null;
  anchorDate: string;
  saleType?: string | null;
  buyerIsDealer?: boolean;
  repairType?: string | null;
  optedOut: boolean;
  blocked: boolean;
}

export type Verdict = { status: 'PENDING' } | { status: 'EXCLUDED'; reason: string };

/** The exclusion rules above, for one candidate transaction of one task type. */
export function classify(
  c: Candidate,
  key: string,
  r: TaskRule,
  rules: CallbackRules,
  window: { dueEnd: string },
  today: string,
): Verdict {
  const out = (reason: string): Verdict => ({ status: 'EXCLUDED', reason });
  if (!c.customerId) return out('no_customer');
  if (c.optedOut) return out('opted_out');
  if (c.blocked) return out('refused_before');
  const saleType = c.buyerIsDealer ? 'dealer' : c.saleType;
  if (saleType && (rules.excludeSaleTypes as string[]).includes(saleType)) return out(saleType);
  if (c.repairType && rules.excludeRepairTypes.includes(c.repairType.trim())) return out('internal_repair');
  if (daysBetween(window.dueEnd, today) > rules.staleAfterDays) return out('too_late');
  if (!isSampled(key, r.percent)) return out('not_sampled');
  return { status: 'PENDING' };
}

export interface Kept {
  id: string;
  who: string;
  anchorDate: string;
}
/** Who a task is for, for the duplicate rule: the customer, else the vehicle, else nobody (never a duplicate). */
export const whoOf = (c: { customerId: string | null; vehicleId: string | null }) =>
  c.customerId ? `c:${c.customerId}` : c.vehicleId ? `v:${c.vehicleId}` : null;

/** The kept task this candidate duplicates, if any (see the duplicate rule above). */
export function duplicateOf(who: string | null, anchorDate: string, kept: readonly Kept[], windowDays: number) {
  if (!who) return null;
  return kept.find((k) => k.who === who && Math.abs(daysBetween(k.anchorDate, anchorDate)) <= windowDays) ?? null;
}

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one. */
const localFormats = new Map<string, Intl.DateTimeFormat>();
function localFormat(timeZone: string) {
  let f = localFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    localFormats.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  /** YYYY-MM-DD */
  readonly ymd: string;
  /** HH:MM, 24-hour */
  readonly hm: string;
  /** 1 = Monday … 7 = Sunday */
  readonly weekday: number;
}
/**
 * The last answer per time zone, for the minute it belongs to: the parts change only at a whole minute
 * (every zone's offset is whole minutes), and formatToParts costs ~15 µs, called several times a request.
 */
const lastParts = new Map<string, { minute: number; parts: LocalParts }>();

/** Local calendar date, time and weekday of an instant in a time zone. */
export function localParts(now: Date, timeZone: string): LocalParts {
  const minute = Math.floor(now.getTime() / 60_000);
  const hit = lastParts.get(timeZone);
  if (hit && hit.minute === minute) return hit.parts;
  const parts = localFormat(timeZone).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  const ymd = `${get('year')}-${get('month')}-${get('day')}`;
  const result = Object.freeze({ ymd, hm: `${get('hour')}:${get('minute')}`, weekday: isoWeekday(ymd) });
  if (!Number.isNaN(minute)) lastParts.set(timeZone, { minute, parts: result });
  return result;
}

/** No task is offered outside the dealer's calling hours (from inclusive, to exclusive). */
export function withinCallingHours(now: Date, timeZone: string, h: CallbackRules['callingHours']) {
  const p = localParts(now, timeZone);
  return h.days.includes(p.weekday) && p.hm >= h.from && p.hm < h.to;
}

/** The same local time on the next working day (hand-offs: "within 1 working day", SPEC §4.6). */
export function oneWorkingDayLater(now: Date, timeZone: string, w: IsWorkingDay): Date {
  const today = localParts(now, timeZone).ymd;
  return new Date(now.getTime() + daysBetween(today, addWorkingDays(today, 1, w)) * DAY_MS);
}

export interface TaskState {
  failedAttempts: number;
}
export interface Transition {
  status: TaskStatus;
  failedAttempts: number;
  nextAttemptAt: Date | null;
  appointmentAt: Date | null;
  /** The task stays with the agent who made the appointment. */
  keepAgent: boolean;
  handoff: 'wrong_number' | 'attempt_limit' | null;
  /** A refusal blocks every later callback of the customer. */
  blockCustomer: boolean;
  counted: boolean;
}

/**
 * WF-5 (SPEC §4.6): what an attempt's outcome does to a task. no_answer / busy without a time /
 * wrong_person are failed attempts (counted for the 3-failure rule, retried after `spacingMinutes`); the
 * `limit`-th failure or a wrong number hands the contact data to the SA / consultant (CONTACT_INVALID);
 * "cannot talk now" with a time is an appointment for the same agent; refused is 拒绝回访.
 */
export function applyOutcome(
  s: TaskState,
  outcome: Exclude<Outcome, 'completed'>,
  rules: Pick<CallbackRules, 'attempts'>,
  now: Date,
  appointmentAt?: Date,
): Transition {
  const base = { appointmentAt: null, keepAgent: false, handoff: null, blockCustomer: false, counted: false };
  if (outcome === 'appointment' || (outcome === 'busy' && appointmentAt)) {
    const at = appointmentAt ?? now;
    return {
      ...base,
      status: 'APPOINTMENT',
      failedAttempts: s.failedAttempts,
      nextAttemptAt: at,
      appointmentAt: at,
      keepAgent: true,
    };
  }
  if (outcome === 'refused')
    return { ...base, status: 'REFUSED', failedAttempts: s.failedAttempts, nextAttemptAt: null, blockCustomer: true };
  if (outcome === 'wrong_number')
    return {
      ...base,
      status: 'CONTACT_INVALID',
      failedAttempts: s.failedAttempts + 1,
      nextAttemptAt: null,
      handoff: 'wrong_number',
      counted: true,
    };
  const failed = s.failedAttempts + 1;
  if (failed >= rules.attempts.limit)
    return {
      ...base,
      status: 'CONTACT_INVALID',
      failedAttempts: failed,
      nextAttemptAt: null,
      handoff: 'attempt_limit',
      counted: true,
    };
  const next = new Date(now.getTime() + rules.attempts.spacingMinutes * 60_000);
  return { ...base, status: 'PENDING', failedAttempts: failed, nextAttemptAt: next, counted: true };
}

/** Added to a task's stored priority while it is an appointment, so a due appointment comes first. */
export const APPOINTMENT_BOOST = 10;
/** The stored priority of a task after a transition (base priorities are 0–9). */
export const priorityFor = (priority: number, status: TaskStatus) =>
  (priority % APPOINTMENT_BOOST) + (status === 'APPOINTMENT' ? APPOINTMENT_BOOST : 0);

export interface Urgency {
  id: string;
  priority: number;
  dueEnd: string;
  anchorDate: string;
}
/**
 * The order of the queue ("next call" takes the first): higher priority first (an appointment whose
 * time has come adds APPOINTMENT_BOOST to its task's priority; special callbacks have a higher base), then
 * the nearest window end (overdue first), then the older transaction, then the id. The claim query in
 * callbacks.queries.ts orders by exactly these columns.
 */
export function compareUrgency(a: Urgency, b: Urgency): number {
  return (
    b.priority - a.priority ||
    a.dueEnd.localeCompare(b.dueEnd) ||
    a.anchorDate.localeCompare(b.anchorDate) ||
    a.id.localeCompare(b.id)
  );
}
