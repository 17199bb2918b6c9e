import { sql } from 'kysely';
import type { Db } from '../../db/client';

export function insertCorrection(
  db: Db,
  row: {
    dealerId: string;
    customerId: string;
    field: string;
    currentValue: string | null;
    proposedValue: string;
    foundHow: string;
    department: string;
    raisedBy: string;
    dueAt: Date;
  },
) {
  return db.insertInto('correctionRequests').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findCorrections(db: Db, dealerId: string, filter: { status?: string | undefined; id?: string }) {
  let q = db
    .selectFrom('correctionRequests as r')
    .innerJoin('customers as c', (j) => j.onRef('c.dealerId', '=', 'r.dealerId').onRef('c.id', '=', 'r.customerId'))
    .leftJoin('users as u', 'u.id', 'r.raisedBy')
    .selectAll('r')
    .select(['c.name as customerName', 'u.displayName as raisedByName'])
    .where('r.dealerId', '=', dealerId);
  if (filter.id) q = q.where('r.id', '=', filter.id);
  if (filter.status === 'overdue') q = q.where('r.status', '=', 'open').where('r.dueAt', '<', new Date());
  else if (filter.status) q = q.where('r.status', '=', filter.status);
  return q.orderBy('r.raisedAt', 'desc').limit(500).execute();
}

export function setCorrected(db: Db, dealerId: string, id: string, by: string, note: string) {
  return db
    .updateTable('correctionRequests')
    .set({ status: 'corrected', correctedBy: by, correctedAt: new Date(), resolutionNote: note })
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export function setConfirmed(db: Db, dealerId: string, id: string, by: string, accepted: boolean) {
  return db
    .updateTable('correctionRequests')
    .set(
      accepted
        ? { status: 'confirmed', confirmedBy: by, confirmedAt: new Date() }
        : { status: 'open', correctedBy: null, correctedAt: null },
    )
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .where('status', '=', 'corrected')
    .executeTakeFirst();
}

const COLUMN: Record<string, string> = {
  name: 'name',
  address: 'address',
  postcode: 'postcode',
  email: 'email',
  gender: 'gender',
  birthDate: 'birth_date',
  employer: 'employer',
};

/** Applies a correction to the customer; the history trigger records it with its source. */
export async function applyToCustomer(
  db: Db,
  dealerId: string,
  customerId: string,
  field: string,
  value: string,
  actor: string,
  source: string,
) {
  await sql`select set_config('manyi.actor', ${actor}, true), set_config('manyi.source', ${source}, true)`.execute(db);
  if (field === 'mobile' || field === 'landline') {
    await sql`update customer_phones set is_primary = false where dealer_id = ${dealerId} and customer_id = ${customerId} and ${field === 'mobile'}`.execute(
      db,
    );
    await sql`
      insert into customer_phones (dealer_id, customer_id, phone, kind, is_primary, source)
      values (${dealerId}, ${customerId}, ${value}, ${field}, ${field === 'mobile'}, 'correction')
      on conflict (dealer_id, customer_id, phone) do update set is_primary = excluded.is_primary`.execute(db);
    return;
  }
  const column = COLUMN[field];
  if (!column) throw new Error(`field ${field} cannot be applied`);
  await sql`update customers set ${sql.ref(column)} = ${value} where dealer_id = ${dealerId} and id = ${customerId}`.execute(
    db,
  );
}

export async function currentValue(
  db: Db,
  dealerId: string,
  customerId: string,
  field: string,
): Promise<string | null> {
  if (field === 'mobile' || field === 'landline') {
    const r = await sql<{
      phone: string;
    }>`select phone from customer_phones where dealer_id = ${dealerId} and customer_id = ${customerId} and kind = ${field} order by is_primary desc limit 1`.execute(
      db,
    );
    return r.rows[0]?.phone ?? null;
  }
  const column = COLUMN[field];
  if (!column) return null;
  const r = await sql<{
    v: string | null;
  }>`select ${sql.ref(column)}::text as v from customers where dealer_id = ${dealerId} and id = ${customerId}`.execute(
    db,
  );
  return r.rows[0]?.v ?? null;
}
