import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** Reports (issue 7 part 2): the stored report rows, recipients and settings. Data-gathering reads: report-data.queries.ts. */

export interface ReportRow {
  id: string;
  dealerId: string;
  kind: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  data: Record<string, unknown>;
  annotations: string;
  dueAt: Date | null;
  generatedAt: Date;
  submittedAt: Date | null;
  submittedByName: string | null;
}

const COLUMNS = sql`r.id, r.dealer_id, r.kind, r.period, to_char(r.period_start, 'YYYY-MM-DD') as period_start,
  to_char(r.period_end, 'YYYY-MM-DD') as period_end, r.status, r.data, r.annotations, r.due_at, r.generated_at,
  r.submitted_at, u.display_name as submitted_by_name`;

/**
 * Writes a report's snapshot: a new row, or a fresh snapshot of a draft. A submitted report keeps its numbers.
 * Returns the id, and whether the snapshot was written.
 */
export async function saveSnapshot(
  tx: Db,
  r: { dealerId: string; kind: string; period: string; start: string; end: string; data: unknown; dueAt: Date | null },
): Promise<{ id: string; written: boolean }> {
  const res = await sql<{ id: string }>`
    insert into reports (dealer_id, kind, period, period_start, period_end, data, due_at)
    values (${r.dealerId}, ${r.kind}, ${r.period}, ${r.start}::date, ${r.end}::date, ${JSON.stringify(r.data)}::jsonb,
            ${r.dueAt})
    on conflict (dealer_id, kind, period) do update set data = excluded.data, generated_at = now()
      where reports.status = 'draft'
    returning id`.execute(tx);
  if (res.rows[0]) return { id: res.rows[0].id, written: true };
  const existing = await tx
    .selectFrom('reports')
    .select('id')
    .where('dealerId', '=', r.dealerId)
    .where('kind', '=', r.kind)
    .where('period', '=', r.period)
    .executeTakeFirstOrThrow();
  return { id: existing.id, written: false };
}

export async function findReports(db: Db, dealerId: string, kind: string | null, limit: number, offset: number) {
  const res = await sql<ReportRow & { total: number }>`
    select ${COLUMNS}, count(*) over ()::int as total
    from reports r left join users u on u.id = r.submitted_by
    where r.dealer_id = ${dealerId} and (${kind}::text is null or r.kind = ${kind})
    order by r.period_start desc, r.kind
    limit ${limit} offset ${offset}`.execute(db);
  return res.rows;
}

export async function findReport(db: Db, dealerId: string, id: string): Promise<ReportRow | undefined> {
  const res = await sql<ReportRow>`
    select ${COLUMNS} from reports r left join users u on u.id = r.submitted_by
    where r.dealer_id = ${dealerId} and r.id = ${id}`.execute(db);
  return res.rows[0];
}

export async function lockReport(tx: Db, dealerId: string, id: string) {
  return tx
    .selectFrom('reports')
    .select(['id', 'status', 'kind'])
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function setAnnotations(tx: Db, dealerId: string, id: string, annotations: string) {
  await tx.updateTable('reports').set({ annotations }).where('dealerId', '=', dealerId).where('id', '=', id).execute();
}

export async function markSubmitted(tx: Db, dealerId: string, id: string, userId: string, at: Date) {
  await tx
    .updateTable('reports')
    .set({ status: 'submitted', submittedAt: at, submittedBy: userId })
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .execute();
}

export async function findDealer(db: Db, dealerId: string) {
  return db
    .selectFrom('dealers')
    .select(['id', 'code', 'name', 'regionId', 'timeZone'])
    .where('id', '=', dealerId)
    .executeTakeFirst();
}

export async function findActiveDealerIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('dealers').select('id').execute()).map((d) => d.id);
}

export async function findRecipients(db: Db, dealerId: string) {
  return db
    .selectFrom('reportRecipients')
    .select(['kind', 'roles', 'emails', 'sendTime'])
    .where('dealerId', '=', dealerId)
    .execute();
}

export async function upsertRecipients(
  tx: Db,
  dealerId: string,
  r: { kind: string; roles: string[]; emails: string[]; sendTime: string },
) {
  await tx
    .insertInto('reportRecipients')
    .values({ dealerId, kind: r.kind, roles: r.roles, emails: r.emails, sendTime: r.sendTime })
    .onConflict((oc) =>
      oc
        .columns(['dealerId', 'kind'])
        .doUpdateSet({ roles: r.roles, emails: r.emails, sendTime: r.sendTime, updatedAt: new Date() }),
    )
    .execute();
}

export async function findSettings(db: Db, dealerId: string) {
  return db
    .selectFrom('reportSettings')
    .select(['monthlyDueDay', 'exportReasonRows'])
    .where('dealerId', '=', dealerId)
    .executeTakeFirst();
}

export async function upsertSettings(tx: Db, dealerId: string, s: { monthlyDueDay: number; exportReasonRows: number }) {
  await tx
    .insertInto('reportSettings')
    .values({ dealerId, ...s })
    .onConflict((oc) => oc.column('dealerId').doUpdateSet({ ...s, updatedAt: new Date() }))
    .execute();
}

/** E-mail addresses of the dealer's users holding one of the roles (through their staff record). */
export async function findRoleEmails(db: Db, dealerId: string, roles: string[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const res = await sql<{ email: string }>`
    select distinct s.email from users u
    join staff s on s.dealer_id = ${dealerId} and s.user_id = u.id
    where u.roles && ${sql.val(roles)}::text[]
      and s.email is not null and s.email <> '' and u.disabled_at is null`.execute(db);
  return res.rows.map((r) => r.email);
}
