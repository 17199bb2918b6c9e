import type { CalendarPreview, CalendarSettings, PutCalendarRequest } from '../../../core/contracts/calendar';
import {
  addCalendarDays,
  addWorkingDays,
  dayKind,
  DEFAULT_HOURS,
  isWorkingDay,
  makeCalendar,
  statutoryName,
  STATUTORY_DATA_YEARS,
  type WorkCalendar,
} from '../../../core/rules/calendar';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { requireDealer } from '../org/org.service';
import * as q from './calendar.queries';

type Source = NonNullable<Awaited<ReturnType<typeof q.findCalendarSource>>>;

/** Deadline hours: the calendar's own working hours, else the dealer's business hours (open–close). */
function hoursOf(src: Source): { hours: { start: string; end: string }; source: 'calendar' | 'dealer' } {
  if (src.workStart && src.workEnd) return { hours: { start: src.workStart, end: src.workEnd }, source: 'calendar' };
  const bh = src.businessHours as { open?: string; close?: string } | null;
  const ok = bh?.open && bh.close && bh.close > bh.open;
  return { hours: ok ? { start: bh.open!, end: bh.close! } : DEFAULT_HOURS, source: 'dealer' };
}

const CACHE_MS = 30_000;
const cache = new Map<string, { at: number; cal: WorkCalendar }>();

/**
 * The working calendar of a dealer, for every service that computes a deadline (with `deadlineAfter`).
 * Cached for 30 s per process; a change through this feature clears this process's entry at once.
 */
export async function getDealerCalendar(db: Db, dealerId: string): Promise<WorkCalendar> {
  const hit = cache.get(dealerId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.cal;
  const src = await q.findCalendarSource(db, dealerId);
  if (!src) throw notFound('Dealer');
  const cal = makeCalendar({ timeZone: src.timeZone, hours: hoursOf(src).hours, overrides: src.overrides });
  cache.set(dealerId, { at: Date.now(), cal });
  return cal;
}

export async function getCalendarSettings(db: Db, actor: Actor): Promise<CalendarSettings> {
  const src = await q.findCalendarSource(db, requireDealer(actor));
  if (!src) throw notFound('Dealer');
  const { hours, source } = hoursOf(src);
  return {
    timeZone: src.timeZone,
    hours,
    hoursSource: source,
    overrides: src.overrides,
    statutoryYears: STATUTORY_DATA_YEARS,
  };
}

export async function putCalendarSettings(db: Db, actor: Actor, input: PutCalendarRequest) {
  const dealerId = requireDealer(actor);
  const dates = input.overrides.map((o) => o.date);
  const dup = dates.find((d, i) => dates.indexOf(d) !== i);
  if (dup) throw new AppError('VALIDATION_FAILED', `overrides: ${dup} is listed twice`, { field: 'overrides' });
  await db.transaction().execute(async (tx) => {
    await q.replaceOverrides(tx, dealerId, actor.userId, input.overrides);
    await q.saveWorkingHours(tx, dealerId, actor.userId, input.hours);
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'calendar.update',
      entityType: 'calendar',
      entityId: dealerId,
      ip: actor.ip,
      details: { overrides: input.overrides.length, hours: input.hours },
    });
  });
  cache.delete(dealerId);
  return getCalendarSettings(db, actor);
}

/** Days from `from` to the working day `workingDays` later, each with why it is (not) a working day. */
export async function previewCalendar(
  db: Db,
  actor: Actor,
  query: { from: string; workingDays: number },
): Promise<CalendarPreview> {
  const cal = await getDealerCalendar(db, requireDealer(actor));
  const result = addWorkingDays(cal, query.from, query.workingDays);
  const days: CalendarPreview['days'] = [];
  for (let d = query.from; d <= result && days.length < 400; d = addCalendarDays(d, 1)) {
    days.push({ date: d, working: isWorkingDay(cal, d), kind: dayKind(cal, d), name: statutoryName(d) });
  }
  return { from: query.from, workingDays: query.workingDays, result, days };
}
