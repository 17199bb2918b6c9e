import { createHash } from 'node:crypto';
import type { IdCrypto } from '../customers/id-crypto';

/** A validated, normalised import row: canonical field → value (see core/rules/dms-fields.ts). */
export type CleanRow = Record<string, string | number | boolean | null>;

export const str = (r: CleanRow, f: string): string | null => {
  const v = r[f];
  return v === null || v === undefined || v === '' ? null : String(v);
};
export const num = (r: CleanRow, f: string): number | null => (typeof r[f] === 'number' ? (r[f] as number) : null);
export const bool = (r: CleanRow, f: string): boolean | null => (typeof r[f] === 'boolean' ? (r[f] as boolean) : null);

export const rowHash = (values: unknown[]) => createHash('sha1').update(JSON.stringify(values)).digest('base64url');

export interface CustomerPart {
  matchKey: string;
  kind: string;
  name: string;
  gender: string | null;
  birthDate: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  employer: string | null;
  industry: string | null;
  occupation: string | null;
  idCardCipher: string | null;
  idCardHash: string | null;
  idCardLast4: string | null;
  serviceCallbacksAllowed: boolean | null;
  marketingAllowed: boolean | null;
  mobile: string | null;
  landline: string | null;
  rowHash: string;
}

/**
 * Customer matching (documented in docs/import.md), first rule that applies:
 * 1. ID-card number → the customer with that ID (keyed hash);
 * 2. mobile + name; 3. landline + name;
 * 4. name + the vehicle's VIN (or plate) — the owner of that vehicle as this dealer knows it;
 * 5. name alone (customer lists without any contact data).
 */
export function customerPart(r: CleanRow, crypto: () => IdCrypto): CustomerPart | null {
  const name = str(r, 'customerName');
  const mobile = str(r, 'mobile');
  const landline = str(r, 'landline');
  const idCard = str(r, 'idCard');
  const vehicle = str(r, 'vin') ?? str(r, 'plate');
  const phone = mobile ?? landline;
  const label = name ?? (phone ? `客户${phone.slice(-4)}` : null);
  if (!label) return null;
  const idHash = idCard ? crypto().hash(idCard) : null;
  const matchKey = idHash
    ? `id:${idHash}`
    : mobile
      ? `m:${mobile}:${name ?? ''}`
      : landline
        ? `l:${landline}:${name ?? ''}`
        : vehicle
          ? `v:${vehicle}:${label}`
          : `n:${label}`;
  const fields = {
    kind: str(r, 'customerKind') ?? 'private',
    name: label,
    gender: str(r, 'gender'),
    birthDate: str(r, 'birthDate'),
    email: str(r, 'email'),
    address: str(r, 'address'),
    postcode: str(r, 'postcode'),
    employer: str(r, 'employer'),
    industry: str(r, 'industry'),
    occupation: str(r, 'occupation'),
    serviceCallbacksAllowed: bool(r, 'serviceCallbacksAllowed'),
    marketingAllowed: bool(r, 'marketingAllowed'),
  };
  return {
    matchKey,
    ...fields,
    idCardCipher: idCard ? crypto().encrypt(idCard) : null,
    idCardHash: idHash,
    idCardLast4: idCard ? idCard.slice(-4) : null,
    mobile,
    landline,
    rowHash: rowHash([...Object.values(fields), idHash]),
  };
}

export interface VehiclePart {
  matchKey: string;
  vin: string | null;
  plate: string | null;
  model: string | null;
  colour: string | null;
  engineNo: string | null;
  customerKey: string | null;
  visitOn: string | null;
  nextVisitOn: string | null;
  rowHash: string;
}

export function vehiclePart(r: CleanRow, customerKey: string | null): VehiclePart | null {
  const vin = str(r, 'vin');
  const plate = str(r, 'plate');
  if (!vin && !plate) return null;
  const fields = {
    vin,
    plate,
    model: str(r, 'model'),
    colour: str(r, 'colour'),
    engineNo: str(r, 'engineNo'),
    customerKey,
  };
  return {
    matchKey: vin ? `vin:${vin}` : `plate:${plate}`,
    ...fields,
    visitOn: str(r, 'settledOn'),
    nextVisitOn: str(r, 'nextVisitOn'),
    rowHash: rowHash(Object.values(fields)),
  };
}
