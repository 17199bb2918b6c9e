import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** Survey links, their settings and the public page's reads. Only this file holds the feature's SQL. */

const LINK_COLUMNS = [
  'l.id',
  'l.dealerId',
  'l.taskId',
  'l.versionId',
  'l.expiresAt',
  'l.usedAt',
  'l.usedFor',
  'l.revokedAt',
  'l.revokedReason',
  'l.sentVia',
  'l.openedCount',
  'l.firstOpenedAt',
  'l.createdAt',
  'l.createdBy',
] as const;

export function findLinksOfTask(db: Db, dealerId: string, taskId: string) {
  return db
    .selectFrom('surveyLinks as l')
    .leftJoin('users as u', 'u.id', 'l.createdBy')
    .select([...LINK_COLUMNS, 'u.displayName as createdByName'])
    .where('l.dealerId', '=', dealerId)
    .where('l.taskId', '=', taskId)
    .orderBy('l.createdAt', 'desc')
    .limit(50)
    .execute();
}
export type LinkRow = Awaited<ReturnType<typeof findLinksOfTask>>[number];

/** The link of a token hash, locked for the rest of the transaction when `lock`. */
export function findLinkByHash(db: Db, tokenHash: string, lock = false) {
  const q = db
    .selectFrom('surveyLinks as l')
    .leftJoin('users as u', 'u.id', 'l.createdBy')
    .select([...LINK_COLUMNS, 'u.displayName as createdByName'])
    .where('l.tokenHash', '=', tokenHash);
  return (lock ? q.forUpdate('l') : q).executeTakeFirst();
}

export async function insertLink(
  db: Db,
  row: { dealerId: string; taskId: string; versionId: string; tokenHash: string; expiresAt: Date; createdBy: string },
) {
  return (await db.insertInto('surveyLinks').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Ends the task's live link(s): a new link replaces the old one (at most one live link per task). */
export async function revokeLive(db: Db, dealerId: string, taskId: string, reason: 'rotated' | 'task_closed') {
  await db
    .updateTable('surveyLinks')
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where('dealerId', '=', dealerId)
    .where('taskId', '=', taskId)
    .where('usedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .execute();
}

export async function markUsed(
  db: Db,
  dealerId: string,
  id: string,
  usedFor: 'response' | 'opt_out',
  responseId: string | null,
) {
  await db
    .updateTable('surveyLinks')
    .set({ usedAt: new Date(), usedFor, responseId })
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .execute();
}

export async function markOpened(db: Db, dealerId: string, id: string) {
  await sql`update survey_links set opened_count = opened_count + 1, first_opened_at = coalesce(first_opened_at, now())
    where dealer_id = ${dealerId} and id = ${id}`.execute(db);
}

export async function markSentVia(db: Db, dealerId: string, id: string, via: 'copy' | 'sms') {
  await db
    .updateTable('surveyLinks')
    .set({ sentVia: via })
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .execute();
}

/**
 * The published questionnaire version a task's survey uses: the task's own form code, then the preset code
 * given, then the newest published version of the business line, preferring the channel given.
 */
export async function findPublishedVersionFor(
  db: Db,
  dealerId: string,
  p: { codes: string[]; businessLine: string | null; channel: string },
): Promise<string | undefined> {
  // '' is never a form code (codes are 1–60 characters): it keeps the lists non-empty.
  const codes = p.codes.length ? p.codes : [''];
  const r = await sql<{ id: string }>`
    select v.id from questionnaire_versions v
      join questionnaire_templates t on t.dealer_id = v.dealer_id and t.id = v.template_id
    where v.dealer_id = ${dealerId} and v.status = 'published'
      and (t.code in (${sql.join(codes)}) or v.business_line = ${p.businessLine ?? ''})
    order by array_position(array[${sql.join(codes)}]::text[], t.code::text) nulls last,
      (v.channel = ${p.channel}) desc, v.published_at desc nulls last
    limit 1`.execute(db);
  return r.rows[0]?.id;
}

/** The business line of one of the dealer's questionnaire versions (undefined: not the dealer's). */
export async function findVersionBusinessLine(db: Db, dealerId: string, versionId: string) {
  const r = await db
    .selectFrom('questionnaireVersions')
    .select('businessLine')
    .where('dealerId', '=', dealerId)
    .where('id', '=', versionId)
    .executeTakeFirst();
  return r?.businessLine;
}

/** What the public page may know: the dealer's name, the customer's name (reduced to the given name by the caller). */
export function findPublicContext(db: Db, dealerId: string, taskId: string) {
  return db
    .selectFrom('callbackTasks as t')
    .innerJoin('dealers as d', 'd.id', 't.dealerId')
    .leftJoin('customers as c', (j) => j.onRef('c.dealerId', '=', 't.dealerId').onRef('c.id', '=', 't.customerId'))
    .leftJoin('surveyLinkSettings as s', 's.dealerId', 't.dealerId')
    .select([
      'd.name as dealerName',
      'c.name as customerName',
      'c.serviceCallbacksAllowed',
      't.customerId',
      't.status as taskStatus',
      's.privacyNotice',
    ])
    .where('t.dealerId', '=', dealerId)
    .where('t.id', '=', taskId)
    .executeTakeFirst();
}

export function findSettings(db: Db, dealerId: string) {
  return db
    .selectFrom('dealers as d')
    .leftJoin('surveyLinkSettings as s', 's.dealerId', 'd.id')
    .select(['d.name as dealerName', 's.privacyNotice', 's.validHours', 's.publicBaseUrl', 's.smsTemplate'])
    .where('d.id', '=', dealerId)
    .executeTakeFirstOrThrow();
}

export async function upsertSettings(
  db: Db,
  row: {
    dealerId: string;
    privacyNotice: string | null;
    validHours: number;
    publicBaseUrl: string | null;
    smsTemplate: string | null;
    updatedBy: string;
  },
) {
  await db
    .insertInto('surveyLinkSettings')
    .values(row)
    .onConflict((oc) =>
      oc.column('dealerId').doUpdateSet((eb) => ({
        privacyNotice: eb.ref('excluded.privacyNotice'),
        validHours: eb.ref('excluded.validHours'),
        publicBaseUrl: eb.ref('excluded.publicBaseUrl'),
        smsTemplate: eb.ref('excluded.smsTemplate'),
        updatedBy: eb.ref('excluded.updatedBy'),
        updatedAt: new Date(),
      })),
    )
    .execute();
}

/** Today's settled repair orders or delivered sales, with the on-site task each already has. */
export async function findOnsiteCandidates(db: Db, dealerId: string, kind: 'repair_order' | 'sale', date: string) {
  const type = kind === 'sale' ? 'SALES_ONSITE' : 'AS_ONSITE';
  const src =
    kind === 'sale'
      ? sql`select s.id, s.vin as number, coalesce(s.delivery_date, s.sale_date)::text as date, s.customer_id,
              s.vehicle_id, s.consultant_name as staff_name
            from sales s where s.dealer_id = ${dealerId} and coalesce(s.delivery_date, s.sale_date) = ${date}::date`
      : sql`select r.id, r.ro_number as number, r.settled_on::text as date, r.customer_id, r.vehicle_id,
              r.advisor_name as staff_name
            from repair_orders r where r.dealer_id = ${dealerId} and r.settled_on = ${date}::date`;
  const r = await sql<{
    id: string;
    number: string | null;
    date: string;
    customerName: string | null;
    plate: string | null;
    model: string | null;
    staffName: string | null;
    taskId: string | null;
    taskStatus: string | null;
    consent: boolean | null;
    responseId: string | null;
  }>`
    select x.id, x.number, x.date, c.name as customer_name, v.plate, v.model, x.staff_name,
      t.id as task_id, t.status as task_status, t.consent, t.response_id
    from (${src}) x
      left join customers c on c.dealer_id = ${dealerId} and c.id = x.customer_id
      left join vehicles v on v.dealer_id = ${dealerId} and v.id = x.vehicle_id
      left join callback_tasks t on t.dealer_id = ${dealerId} and t.type = ${type}
        and t.source_kind = ${kind} and t.source_id = x.id
    where x.customer_id is not null
    order by x.number
    limit 500`.execute(db);
  return r.rows;
}
