import type { Db } from '../../db/client';

/**
 * Deterministic callback test data (tests and bench:queue only): customers with a mobile and a vehicle,
 * repair orders and sales written straight into the import tables.
 */

export interface SeededCustomer {
  id: string;
  vehicleId: string;
  phoneId: string;
}

const chunks = <T>(xs: T[], n = 1000) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export async function seedCustomers(db: Db, dealerId: string, n: number, tag: string): Promise<SeededCustomer[]> {
  const out: SeededCustomer[] = [];
  const idx = Array.from({ length: n }, (_, i) => i);
  for (const part of chunks(idx)) {
    const cs = await db
      .insertInto('customers')
      .values(part.map((i) => ({ dealerId, matchKey: `t:${tag}:${i}`, name: `测试客户${tag}${i}` })))
      .returning(['id', 'matchKey'])
      .execute();
    const ids = part.map((i) => cs.find((c) => c.matchKey === `t:${tag}:${i}`)!.id);
    const phones = await db
      .insertInto('customerPhones')
      .values(
        ids.map((customerId, k) => ({
          dealerId,
          customerId,
          phone: `139${String(hash(tag) + (part[k] ?? 0))
            .padStart(8, '0')
            .slice(-8)}`,
          kind: 'mobile',
          isPrimary: true,
        })),
      )
      .returning(['id', 'customerId'])
      .execute();
    const vs = await db
      .insertInto('vehicles')
      .values(
        ids.map((customerId, k) => ({
          dealerId,
          matchKey: `tv:${tag}:${part[k]}`,
          ownerCustomerId: customerId,
          plate: `沪T${String(part[k]).padStart(5, '0')}`,
        })),
      )
      .returning(['id', 'ownerCustomerId'])
      .execute();
    for (const id of ids)
      out.push({
        id,
        vehicleId: vs.find((v) => v.ownerCustomerId === id)!.id,
        phoneId: phones.find((p) => p.customerId === id)!.id,
      });
  }
  return out;
}

function hash(s: string) {
  let h = 7;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000;
  return h * 100;
}

export interface RoSpec {
  customer: SeededCustomer | null;
  settledOn: string;
  pickedUpOn?: string;
  repairType?: string;
  rework?: boolean;
  serviceType?: string;
  advisorName?: string;
}

export async function insertRepairOrders(db: Db, dealerId: string, tag: string, rows: RoSpec[]) {
  let n = 0;
  for (const part of chunks(rows)) {
    await db
      .insertInto('repairOrders')
      .values(
        part.map((r) => ({
          dealerId,
          roNumber: `RO-${tag}-${String(n++).padStart(6, '0')}`,
          settledOn: r.settledOn,
          pickedUpOn: r.pickedUpOn ?? null,
          customerId: r.customer?.id ?? null,
          vehicleId: r.customer?.vehicleId ?? null,
          repairType: r.repairType ?? '保养',
          rework: r.rework ?? false,
          serviceType: r.serviceType ?? null,
          advisorName: r.advisorName ?? null,
        })),
      )
      .execute();
  }
}

export interface SaleSpec {
  customer: SeededCustomer;
  saleDate: string;
  saleType?: 'retail' | 'fleet' | 'internal' | 'dealer';
  buyerIsDealer?: boolean;
  consultantName?: string;
}

export async function insertSales(db: Db, dealerId: string, tag: string, rows: SaleSpec[]) {
  let n = 0;
  for (const part of chunks(rows)) {
    await db
      .insertInto('sales')
      .values(
        part.map((s) => ({
          dealerId,
          vin: `LT${tag.slice(0, 3).toUpperCase().padEnd(3, 'X')}${String(n++).padStart(12, '0')}`,
          saleDate: s.saleDate,
          customerId: s.customer.id,
          vehicleId: s.customer.vehicleId,
          saleType: s.saleType ?? 'retail',
          buyerIsDealer: s.buyerIsDealer ?? false,
          consultantName: s.consultantName ?? null,
        })),
      )
      .execute();
  }
}

/** Rules for tests: calling hours all day, every day, so a test never depends on the clock. */
export const ALL_DAY = { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '23:59' };
