/**
 * Column mapping for DMS imports (issue 3: "Column mapping: built-in presets for common header names (Chinese and
 * English), a per-dealer saved mapping, and a UI to map columns by hand"). A mapping goes from the file's header,
 * exactly as written, to a canonical field of dms-fields.ts, or null for a column that is ignored.
 */
import type { CellValue } from './dms-validate';
import { IMPORT_FIELDS, IMPORT_KINDS, normaliseHeader, type ImportKind } from './dms-fields';

export type Mapping = Record<string, string | null>;

interface AliasIndex {
  /** normalised alias → field; the first field listing an alias wins. */
  exact: Map<string, string>;
  /** aliases usable for "header contains alias", longest first. */
  contained: { alias: string; field: string }[];
  fields: Set<string>;
  required: string[];
}

/** Pure-ASCII aliases need ≥ 4 characters to match inside a header: 'vin' and 'ro' are inside 'province'. */
const ASCII_RE = /^[\x20-\x7e]*$/;
const containable = (alias: string): boolean => alias.length >= (ASCII_RE.test(alias) ? 4 : 2);

function buildIndex(kind: ImportKind): AliasIndex {
  const exact = new Map<string, string>();
  const contained: { alias: string; field: string }[] = [];
  for (const spec of IMPORT_FIELDS[kind]) {
    for (const alias of [spec.field, ...spec.aliases].map(normaliseHeader)) {
      if (alias === '' || exact.has(alias)) continue;
      exact.set(alias, spec.field);
      if (containable(alias)) contained.push({ alias, field: spec.field });
    }
  }
  contained.sort((a, b) => b.alias.length - a.alias.length);
  const specs = IMPORT_FIELDS[kind];
  return {
    exact,
    contained,
    fields: new Set(specs.map((s) => s.field)),
    required: specs.filter((s) => s.required).map((s) => s.field),
  };
}

const INDEX = Object.fromEntries(IMPORT_KINDS.map((k) => [k, buildIndex(k)])) as Record<ImportKind, AliasIndex>;

/**
 * Suggests a mapping: first every header that equals an alias (after normaliseHeader), then every remaining header
 * that contains an alias (the longest alias wins). Each field is used at most once (the first header wins);
 * headers that match nothing, or only a field already taken, map to null.
 */
export function suggestMapping(kind: ImportKind, headers: string[]): Mapping {
  const index = INDEX[kind];
  const mapping = Object.create(null) as Mapping; // a header may be '__proto__' or 'constructor'
  const used = new Set<string>();
  const normalised = headers.map(normaliseHeader);
  const assign = (i: number, field: string | undefined): boolean => {
    const header = headers[i];
    if (field === undefined || used.has(field) || header === undefined || mapping[header]) return false;
    used.add(field);
    mapping[header] = field;
    return true;
  };
  headers.forEach((h, i) => {
    if (!Object.hasOwn(mapping, h)) mapping[h] = null;
    assign(i, index.exact.get(normalised[i] ?? ''));
  });
  normalised.forEach((n, i) => {
    if (n === '' || index.exact.has(n)) return;
    for (const c of index.contained) if (n.includes(c.alias) && assign(i, c.field)) return;
  });
  return mapping;
}

/**
 * Problems with a mapping (empty = usable): a target that is not a field of the kind, a field mapped from two
 * columns, a required field not mapped, and mappings that would reject every row (no VIN/plate column for repair
 * orders; no name or phone column for the customer).
 */
export function checkMapping(kind: ImportKind, mapping: Mapping): string[] {
  const index = INDEX[kind];
  const problems: string[] = [];
  const sources = new Map<string, string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (field === null) continue;
    if (!index.fields.has(field)) {
      problems.push(`column "${header}" is mapped to "${field}", which is not a field of ${kind}`);
      continue;
    }
    const first = sources.get(field);
    if (first === undefined) sources.set(field, header);
    else problems.push(`field "${field}" is mapped from two columns: "${first}" and "${header}"`);
  }
  for (const field of index.required) {
    if (!sources.has(field)) problems.push(`required field "${field}" is not mapped to any column`);
  }
  if (kind === 'repair-orders' && !sources.has('vin') && !sources.has('plate')) {
    problems.push('map a VIN or a plate column: every row needs one of them');
  }
  if (kind !== 'customers' && !['customerName', 'mobile', 'landline'].some((f) => sources.has(f))) {
    problems.push('map a customer name or phone column: every row needs one of them');
  }
  return problems;
}

/**
 * Turns a row of cells (in header order) into a record of canonical fields. A missing cell is null; when two
 * columns share a header (and so a target), the first non-empty cell is kept.
 */
export function applyMapping(headers: string[], mapping: Mapping, cells: CellValue[]): Record<string, CellValue> {
  const record: Record<string, CellValue> = {};
  for (let i = 0; i < headers.length; i++) {
    const field = mapping[headers[i] ?? '']; // inherited members ('constructor') are not strings
    if (typeof field !== 'string' || field === '') continue;
    const cell = cells[i] ?? null;
    const previous = record[field];
    if (previous === undefined || previous === null || previous === '') record[field] = cell;
  }
  return record;
}
