import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** Search by name (trigram), phone (full or last digits), plate or VIN, within one dealer. */
export async function searchCustomers(db: Db, dealerId: string, q: string, limit: number) {
  const digits = q.replace(/[\s-]/g, '');
  const upper = q.toUpperCase().replace(/\s/g, '');
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const r = await sql<{ id: string }>`
    select id from (
      select c.id, 0 as rank from customers c where c.dealer_id = ${dealerId} and c.name ilike ${like}
      union all
      select p.customer_id, 1 from customer_phones p
        where p.dealer_id = ${dealerId} and ${/^\d{4,}$/.test(digits)} and (p.phone = ${digits} or p.phone like ${`%${digits}`})
      union all
      select v.owner_customer_id, 2 from vehicles v
        where v.dealer_id = ${dealerId} and v.owner_customer_id is not null and (v.plate = ${upper} or v.vin = ${upper} or (length(${upper}) >= 6 and v.vin like ${`%${upper}`}))
    ) m group by id order by min(rank), id limit ${limit}`.execute(db);
  return r.rows.map((x) => x.id);
}

export function findCustomers(db: Db, dealerId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('customers').selectAll().where('dealerId', '=', dealerId).where('id', 'in', ids).execute();
}

export function findCustomer(db: Db, dealerId: string, id: string) {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findPhones(db: Db, dealerId: string, customerIds: string[]) {
  if (customerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('customerPhones')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('customerId', 'in', customerIds)
    .orderBy('isPrimary', 'desc')
    .orderBy('createdAt')
    .execute();
}

export function findVehicles(db: Db, dealerId: string, customerIds: string[]) {
  if (customerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('vehicles')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('ownerCustomerId', 'in', customerIds)
    .orderBy('createdAt')
    .execute();
}

export function findRepairOrders(db: Db, dealerId: string, customerId: string) {
  return db
    .selectFrom('repairOrders')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('customerId', '=', customerId)
    .orderBy('settledOn', 'desc')
    .limit(200)
    .execute();
}

export function findSales(db: Db, dealerId: string, customerId: string) {
  return db
    .selectFrom('sales')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('customerId', '=', customerId)
    .orderBy('saleDate', 'desc')
    .limit(100)
    .execute();
}

export function findChanges(db: Db, dealerId: string, customerId: string) {
  return db
    .selectFrom('customerChanges')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('customerId', '=', customerId)
    .orderBy('changedAt', 'desc')
    .limit(100)
    .execute();
}

export function findPhone(db: Db, dealerId: string, customerId: string, phoneId: string) {
  return db
    .selectFrom('customerPhones')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('customerId', '=', customerId)
    .where('id', '=', phoneId)
    .executeTakeFirst();
}

export function findPermissionRows(db: Db, dealerId: string) {
  return db.selectFrom('customerFieldPermissions').selectAll().where('dealerId', '=', dealerId).execute();
}

export function upsertPermissionRows(
  db: Db,
  dealerId: string,
  by: string,
  rows: { role: string; group: string; view: string; canReveal: boolean; canEdit: boolean; canExport: boolean }[],
) {
  return db
    .insertInto('customerFieldPermissions')
    .values(
      rows.map((r) => ({
        dealerId,
        role: r.role,
        fieldGroup: r.group,
        view: r.view,
        canReveal: r.canReveal,
        canEdit: r.canEdit,
        canExport: r.canExport,
        updatedBy: by,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['dealerId', 'role', 'fieldGroup']).doUpdateSet((eb) => ({
        view: eb.ref('excluded.view'),
        canReveal: eb.ref('excluded.canReveal'),
        canEdit: eb.ref('excluded.canEdit'),
        canExport: eb.ref('excluded.canExport'),
        updatedBy: eb.ref('excluded.updatedBy'),
        updatedAt: new Date(),
      })),
    )
    .execute();
}

export function updateConsent(
  db: Db,
  dealerId: string,
  id: string,
  set: {
    serviceCallbacksAllowed?: boolean;
    serviceConsent?: string;
    marketingAllowed?: boolean;
    marketingConsent?: string;
  },
) {
  return db.updateTable('customers').set(set).where('dealerId', '=', dealerId).where('id', '=', id).execute();
}

/** Phones shared by at least `threshold` customers, and customer phones equal to a staff member's phone. */
export async function findInterference(db: Db, dealerId: string, threshold: number) {
  const shared = await sql<{ phone: string; customers: { id: string; name: string }[] }>`
    select p.phone, json_agg(json_build_object('id', c.id, 'name', c.name) order by c.name) as customers
    from customer_phones p join customers c on c.dealer_id = p.dealer_id and c.id = p.customer_id
    where p.dealer_id = ${dealerId}
    group by p.phone having count(distinct p.customer_id) >= ${threshold}
    order by count(distinct p.customer_id) desc limit 200`.execute(db);
  const staff = await sql<{ phone: string; staffName: string; customers: { id: string; name: string }[] }>`
    select p.phone, min(s.name) as staff_name, json_agg(distinct jsonb_build_object('id', c.id, 'name', c.name)) as customers
    from customer_phones p
      join staff s on s.dealer_id = p.dealer_id and s.phone = p.phone
      join customers c on c.dealer_id = p.dealer_id and c.id = p.customer_id
    where p.dealer_id = ${dealerId}
    group by p.phone limit 200`.execute(db);
  return { shared: shared.rows, staff: staff.rows };
}
