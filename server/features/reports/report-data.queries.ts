import { sql } from 'kysely';
import type { Db } from '../../db/client';

/**
 * The reads that fill a report's snapshot (SPEC §3.12, §3.15, §4.15): contact hand-offs and cases of a day,
 * channel and department counts of a month, complaints of a quarter. Ranges are local days [from, to) of the
 * dealer's time zone.
 */

export interface WrongContactRow {
  customerName: string | null;
  phone: string | null;
  reason: string;
  department: string;
  staffName: string | null;
  createdAt: Date;
  fixedAt: Date | null;
}

/** Customers with wrong contact data (3 failed contacts or a wrong number) handed off in the range. */
export async function findWrongContacts(db: Db, dealerId: string, from: string, to: string, department: string) {
  const res = await sql<WrongContactRow>`
    select cu.name as customer_name,
      (select p.phone from customer_phones p where p.dealer_id = h.dealer_id and p.customer_id = h.customer_id
        order by p.is_primary desc, p.created_at limit 1) as phone,
      h.reason, h.department, h.staff_name, h.created_at, h.fixed_at
    from contact_handoffs h join dealers d on d.id = h.dealer_id
    left join customers cu on cu.dealer_id = h.dealer_id and cu.id = h.customer_id
    where h.dealer_id = ${dealerId} and h.department = ${department}
      and h.created_at >= (${from}::date::timestamp at time zone d.time_zone)
      and h.created_at < (${to}::date::timestamp at time zone d.time_zone)
    order by h.created_at`.execute(db);
  return res.rows;
}

export interface CaseProblemRow {
  formNo: string;
  customerName: string | null;
  problem: string;
  severity: string;
  status: string;
  createdAt: Date;
}

/** Dissatisfaction cases of a department opened in the range: the problems found in the day's work. */
export async function findCaseProblems(db: Db, dealerId: string, from: string, to: string, department: string) {
  const res = await sql<CaseProblemRow>`
    select c.form_no, cu.name as customer_name, c.problem, c.severity, c.status, c.created_at
    from dissatisfaction_cases c join dealers d on d.id = c.dealer_id
    left join customers cu on cu.dealer_id = c.dealer_id and cu.id = c.customer_id
    where c.dealer_id = ${dealerId} and c.department = ${department}
      and c.created_at >= (${from}::date::timestamp at time zone d.time_zone)
      and c.created_at < (${to}::date::timestamp at time zone d.time_zone)
    order by c.created_at`.execute(db);
  return res.rows;
}

export interface ChannelRow {
  channel: string;
  responses: number;
  scored: number;
  scoreSum: string;
  satisfied: number;
  dissatisfied: number;
}

/** Survey results per channel (on-site, phone, …) from the daily aggregates (migration 0013). */
export async function channelRows(db: Db, dealerId: string, from: string, to: string, line: string) {
  const res = await sql<ChannelRow>`
    select channel, sum(responses)::int as responses, sum(scored)::int as scored, sum(score_sum)::text as score_sum,
      sum(satisfied)::int as satisfied, sum(dissatisfied)::int as dissatisfied
    from kpi_daily
    where dealer_id = ${dealerId} and day >= ${from}::date and day < ${to}::date and business_line = ${line}
    group by channel order by channel`.execute(db);
  return res.rows;
}

/** Cases opened in the range per department and per routing path (problem category). */
export async function caseCounts(db: Db, dealerId: string, from: string, to: string) {
  const res = await sql<{ department: string; path: string; count: number }>`
    select c.department, c.path, count(*)::int as count
    from dissatisfaction_cases c join dealers d on d.id = c.dealer_id
    where c.dealer_id = ${dealerId}
      and c.created_at >= (${from}::date::timestamp at time zone d.time_zone)
      and c.created_at < (${to}::date::timestamp at time zone d.time_zone)
    group by 1, 2`.execute(db);
  return res.rows;
}

export interface ComplaintRow {
  id: string;
  createdAt: Date;
  customerName: string;
  customerPhone: string | null;
  source: string;
  level: string;
  department: string | null;
  status: string;
  description: string;
  handlingResult: string | null;
}

/** Complaints received in the range (voided ones left out). */
export async function findComplaints(db: Db, dealerId: string, from: string, to: string) {
  const res = await sql<ComplaintRow>`
    select c.id, c.created_at, c.customer_name, c.customer_phone, c.source, c.level, c.department, c.status,
      c.description, c.handling_result
    from complaints c join dealers d on d.id = c.dealer_id
    where c.dealer_id = ${dealerId} and c.voided_at is null
      and c.created_at >= (${from}::date::timestamp at time zone d.time_zone)
      and c.created_at < (${to}::date::timestamp at time zone d.time_zone)
    order by c.created_at`.execute(db);
  return res.rows;
}
