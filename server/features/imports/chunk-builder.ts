import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';
import type { ImportKind } from '../../../core/rules/dms-fields';
import type { IdCrypto } from '../customers/id-crypto';
import { customerFacts, groupCustomers, groupVehicles, type CustomerFacts } from './identity-groups';
import { bool, type CleanRow, num, str } from './import-rows';

type Value = string | number | boolean | null | undefined;
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in PostgreSQL's COPY text format. */
export function copyValue(v: Value): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return NEEDS_ESCAPE.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : v;
}

const line = (values: Value[]) => values.map(copyValue).join('\t');

/**
 * Time-ordered ids (UUID v7) for one chunk: the chunk's millisecond and a counter from a random start, so they
 * sort in creation order; the random tail comes from one buffer per 1,024 ids (the library's default draws
 * from the system for each id, which was a third of this file's time).
 */
function idSource(): () => string {
  const msecs = Date.now();
  let seq = randomBytes(3).readUIntBE(0, 3);
  let random = randomBytes(16 * 1024);
  let n = 0;
  return () => {
    if (n === 1024) [random, n] = [randomBytes(16 * 1024), 0];
    return v7({ msecs, seq: seq++, random: random.subarray(16 * n, 16 * ++n) });
  };
}

export interface StagePayload {
  customers: string;
  vehicles: string;
  rows: string;
}

interface CustomerGroup {
  key: string;
  tier: number;
  label: string;
  values: Record<string, Value>;
  probes: Record<string, Set<string>>;
}

const CUSTOMER_FIELDS: [column: string, field: string][] = [
  ['kind', 'customerKind'],
  ['name', 'customerName'],
  ['gender', 'gender'],
  ['birth_date', 'birthDate'],
  ['email', 'email'],
  ['address', 'address'],
  ['postcode', 'postcode'],
  ['employer', 'employer'],
  ['industry', 'industry'],
  ['occupation', 'occupation'],
  ['svc_ok', 'serviceCallbacksAllowed'],
  ['mkt_ok', 'marketingAllowed'],
];

/** Every mobile, landline, VIN and plate of the group's rows: the matching probes try each of them. */
const PROBES: [column: string, field: string][] = [
  ['p_mobiles', 'mobile'],
  ['p_landlines', 'landline'],
  ['p_vins', 'vin'],
  ['p_plates', 'plate'],
];

/** A text[] literal for COPY (values are validated phones, VINs and plates; quoted anyway). */
function arrayLiteral(values: Set<string> | undefined): string | null {
  if (!values || values.size === 0) return null;
  return `{${[...values].map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** Match-key prefixes in rule order: id card, mobile, landline, vehicle, name. */
const TIERS = 'imlvn';

/** Folds a row into its group: the best-ranked match key (first seen on a tie), the last non-empty value. */
function foldCustomer(
  g: CustomerGroup | undefined,
  f: CustomerFacts,
  r: CleanRow,
  rowNo: number,
  crypto: () => IdCrypto,
) {
  const tier = TIERS.indexOf(f.facets[0]!.charAt(0));
  const out = g ?? { key: f.facets[0]!, tier, label: f.label, values: {}, probes: {} };
  if (tier < out.tier) Object.assign(out, { key: f.facets[0]!, tier });
  for (const [column, field] of CUSTOMER_FIELDS) {
    const v = r[field];
    if (v !== null && v !== undefined && v !== '') out.values[column] = v;
  }
  for (const [column, field] of PROBES) {
    const v = str(r, field);
    if (v) (out.probes[column] ??= new Set()).add(v);
  }
  const idCard = str(r, 'idCard');
  if (idCard && f.idHash) {
    out.values.id_hash = f.idHash;
    out.values.id_cipher = crypto().encrypt(idCard);
    out.values.id_last4 = idCard.slice(-4);
  }
  out.values.last_row = rowNo;
  return out;
}

function customerLines(groups: (CustomerGroup | undefined)[], timeOrderedId: () => string): string {
  const out: string[] = [];
  groups.forEach((g, i) => {
    if (!g) return;
    const v = g.values;
    const p = (column: string) => arrayLiteral(g.probes[column]);
    out.push(
      line([
        i,
        g.key,
        v.kind,
        v.name,
        g.label,
        v.gender,
        v.birth_date,
        v.email,
        v.address,
        v.postcode,
        v.employer,
        v.industry,
        v.occupation,
        v.id_cipher,
        v.id_hash,
        v.id_last4,
        v.svc_ok,
        v.mkt_ok,
        p('p_mobiles'),
        p('p_landlines'),
        p('p_vins'),
        p('p_plates'),
        v.last_row,
        timeOrderedId(),
      ]),
    );
  });
  return out.length ? `${out.join('\n')}\n` : '';
}

function vehicleLines(
  rows: CleanRow[],
  groupOf: Int32Array,
  keys: string[],
  custOf: Int32Array,
  timeOrderedId: () => string,
): string {
  const acc = keys.map((key) => ({ key, v: {} as Record<string, Value> }));
  rows.forEach((r, i) => {
    const g = acc[groupOf[i]!];
    if (!g) return;
    for (const f of ['vin', 'plate', 'model', 'colour', 'engineNo', 'nextVisitOn']) {
      const x = r[f];
      if (x !== null && x !== undefined && x !== '') g.v[f] = x;
    }
    const visit = str(r, 'settledOn');
    if (visit && (!g.v.visitOn || String(g.v.visitOn) < visit)) g.v.visitOn = visit;
    if (custOf[i]! >= 0) g.v.owner = custOf[i];
  });
  if (acc.length === 0) return '';
  const lines = acc.map(({ key, v }, i) =>
    line([i, key, v.vin, v.plate, v.model, v.colour, v.engineNo, v.owner, v.visitOn, v.nextVisitOn, timeOrderedId()]),
  );
  return `${lines.join('\n')}\n`;
}

const KIND_VALUES: Record<ImportKind, (r: CleanRow) => Value[]> = {
  'repair-orders': (r) => [
    str(r, 'roNumber'),
    str(r, 'settledOn'),
    str(r, 'advisorName'),
    str(r, 'creatorCode'),
    str(r, 'repairType'),
    num(r, 'amount'),
    num(r, 'mileage'),
    str(r, 'pickedUpOn'),
    str(r, 'nextVisitOn'),
    bool(r, 'rework'),
  ],
  'vehicle-sales': (r) => [
    str(r, 'vin'),
    str(r, 'saleDate'),
    str(r, 'deliveryDate'),
    num(r, 'barePrice'),
    num(r, 'sellingPrice'),
    num(r, 'discount'),
    str(r, 'consultantName'),
    str(r, 'saleType') ?? 'retail',
  ],
  customers: () => [],
};

/**
 * The COPY text of one chunk's valid rows for the three staging tables (see import-stage.ts): the chunk's
 * customers (rows grouped by identity, see identity-groups.ts), its vehicles and the rows themselves, which
 * point at both by chunk-local group number. Each staged customer, vehicle and row carries a time-ordered id
 * (UUID v7), used if it turns out new: the primary-key btrees of the bulk tables then grow at their right
 * edge instead of taking random inserts all over the index (decision 0013).
 */
export function buildStage(
  kind: ImportKind,
  rows: { rowNo: number; value: CleanRow }[],
  crypto: () => IdCrypto,
): StagePayload {
  const timeOrderedId = idSource();
  const values = rows.map((r) => r.value);
  const facts = values.map((r) => customerFacts(r, crypto));
  const { groupOf: custOf, groups } = groupCustomers(facts);
  const customers = new Array<CustomerGroup | undefined>(groups);
  rows.forEach((r, i) => {
    const f = facts[i];
    const g = custOf[i]!;
    if (f && g >= 0) customers[g] = foldCustomer(customers[g], f, r.value, r.rowNo, crypto);
  });
  const vehicles =
    kind === 'customers' ? { groupOf: new Int32Array(rows.length).fill(-1), keys: [] } : groupVehicles(values);
  const extra = KIND_VALUES[kind];
  const rowLines = rows.map((r, i) => {
    const c = custOf[i]!;
    const v = vehicles.groupOf[i]!;
    return line([
      r.rowNo,
      timeOrderedId(),
      c >= 0 ? c : null,
      v >= 0 ? v : null,
      str(r.value, 'mobile'),
      str(r.value, 'landline'),
      ...extra(r.value),
    ]);
  });
  return {
    customers: customerLines(customers, timeOrderedId),
    vehicles: vehicleLines(values, vehicles.groupOf, vehicles.keys, custOf, timeOrderedId),
    rows: rowLines.length ? `${rowLines.join('\n')}\n` : '',
  };
}
