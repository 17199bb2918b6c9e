/**
 * Period bucketing for the KPIs (issue 7: "per day, week, month, quarter"). Inputs are the dealer's local
 * calendar days (`YYYY-MM-DD`, already converted from timestamps with the dealer's time zone, SPEC §4 (D)
 * "Times use the dealer's local time zone"). Weeks start on Monday (ISO 8601, the Chinese working week),
 * the same as PostgreSQL's `date_trunc('week', …)`, so server buckets and this function agree.
 */
export type Granularity = 'day' | 'week' | 'month' | 'quarter';

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The first local day of the period that contains `day`. */
export function periodStart(day: string, granularity: Granularity): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`not a day: ${day}`);
  if (granularity === 'day') return ymd(d);
  if (granularity === 'week') {
    const back = (d.getUTCDay() + 6) % 7;
    return ymd(new Date(d.getTime() - back * 86_400_000));
  }
  const month = granularity === 'month' ? d.getUTCMonth() : Math.floor(d.getUTCMonth() / 3) * 3;
  return ymd(new Date(Date.UTC(d.getUTCFullYear(), month, 1)));
}

/** The last local day of the period that starts at `start`. */
export function periodEnd(start: string, granularity: Granularity): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (granularity === 'day') return start;
  if (granularity === 'week') return ymd(new Date(d.getTime() + 6 * 86_400_000));
  const months = granularity === 'month' ? 1 : 3;
  return ymd(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 0)));
}

/** Every local day from `from` to `to` inclusive (at most `max`). */
export function daysBetween(from: string, to: string, max = 400): string[] {
  const out: string[] = [];
  for (let t = new Date(`${from}T00:00:00Z`).getTime(); out.length < max; t += 86_400_000) {
    const day = ymd(new Date(t));
    if (day > to) break;
    out.push(day);
  }
  return out;
}

/** Default dashboard range: the first day of the month two months before `today`, to `today`. */
export function defaultRange(today: string): { from: string; to: string } {
  const d = new Date(`${today}T00:00:00Z`);
  return { from: ymd(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 2, 1))), to: today };
}
