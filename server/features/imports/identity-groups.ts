import type { IdCrypto } from '../customers/id-crypto';
import { type CleanRow, str } from './import-rows';

/**
 * The identity facts of a row's customer, in the order of the matching rules (docs/import.md):
 * ID-card number, mobile + name, landline + name, name + the vehicle's VIN (or plate), the name alone.
 * The first facet is the customer's match key (the same text the earlier importer stored).
 */
export interface CustomerFacts {
  facets: string[];
  idHash: string | null;
  label: string;
}

export function customerFacts(r: CleanRow, crypto: () => IdCrypto): CustomerFacts | null {
  const name = str(r, 'customerName');
  const mobile = str(r, 'mobile');
  const landline = str(r, 'landline');
  const idCard = str(r, 'idCard');
  const vehicle = str(r, 'vin') ?? str(r, 'plate');
  const phone = mobile ?? landline;
  const label = name ?? (phone ? `客户${phone.slice(-4)}` : null);
  if (!label) return null;
  const idHash = idCard ? crypto().hash(idCard) : null;
  const n = name ?? '';
  const facets: string[] = [];
  if (idHash) facets.push(`id:${idHash}`);
  if (mobile) facets.push(`m:${mobile}:${n}`);
  if (landline) facets.push(`l:${landline}:${n}`);
  if (vehicle) facets.push(`v:${vehicle}:${label}`);
  if (facets.length === 0) facets.push(`n:${label}`);
  return { facets, idHash, label };
}

/**
 * Union-find over the rows of one chunk: rows that share a facet (the same ID number, the same mobile + name,
 * …) are one customer, unless both carry different ID numbers (then they are two people). Returns, per row,
 * the chunk-local group number (or -1 for a row without a customer), groups numbered by first appearance.
 */
export function groupCustomers(facts: (CustomerFacts | null)[]): { groupOf: Int32Array; groups: number } {
  const parent = new Int32Array(facts.length);
  const idOf: (string | null)[] = facts.map((f) => f?.idHash ?? null);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const up = parent[parent[x]!]!;
      parent[x] = up;
      x = up;
    }
    return x;
  };
  const owner = new Map<string, number>();
  facts.forEach((f, i) => {
    if (!f) return;
    for (const facet of f.facets) {
      const o = owner.get(facet);
      if (o === undefined) {
        owner.set(facet, i);
        continue;
      }
      const a = find(o);
      const b = find(i);
      const ha = idOf[a];
      const hb = idOf[b];
      if (a === b || (ha && hb && ha !== hb)) continue;
      parent[b] = a;
      idOf[a] = ha ?? hb ?? null;
    }
  });
  const groupOf = new Int32Array(facts.length).fill(-1);
  const numberOf = new Map<number, number>();
  facts.forEach((f, i) => {
    if (!f) return;
    const root = find(i);
    let g = numberOf.get(root);
    if (g === undefined) numberOf.set(root, (g = numberOf.size));
    groupOf[i] = g;
  });
  return { groupOf, groups: numberOf.size };
}

/** Vehicles of one chunk: by VIN; a plate-only row joins the VIN seen with that plate in the chunk. */
export function groupVehicles(rows: CleanRow[]): { groupOf: Int32Array; keys: string[] } {
  const vinOfPlate = new Map<string, string>();
  for (const r of rows) {
    const vin = str(r, 'vin');
    const plate = str(r, 'plate');
    if (vin && plate) vinOfPlate.set(plate, vin);
  }
  const groupOf = new Int32Array(rows.length).fill(-1);
  const numberOf = new Map<string, number>();
  rows.forEach((r, i) => {
    const plate = str(r, 'plate');
    const vin = str(r, 'vin') ?? (plate ? vinOfPlate.get(plate) : undefined);
    const key = vin ? `vin:${vin}` : plate ? `plate:${plate}` : null;
    if (!key) return;
    let g = numberOf.get(key);
    if (g === undefined) numberOf.set(key, (g = numberOf.size));
    groupOf[i] = g;
  });
  return { groupOf, keys: [...numberOf.keys()] };
}
