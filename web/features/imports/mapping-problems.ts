import type { ImportKindValue, ImportMapping } from '../../api/imports';

export interface FieldInfo {
  field: string;
  type: string;
  required: boolean;
}

export interface MappingProblems {
  /** Required fields no column is mapped to. */
  missingRequired: string[];
  /** Field → the indexes of the columns mapped to it, for fields mapped more than once. */
  duplicates: Map<string, number[]>;
  /** Groups of fields of which none is mapped although every row needs one of them. */
  missingOneOf: string[][];
}

/** Every row needs one field of each group (mirrors checkMapping in core/rules/dms-mapping.ts). */
function oneOfGroups(kind: ImportKindValue): string[][] {
  const groups: string[][] = [];
  if (kind === 'repair-orders') groups.push(['vin', 'plate']);
  if (kind !== 'customers') groups.push(['customerName', 'mobile', 'landline']);
  return groups;
}

/** The problems the server would refuse (INVALID_MAPPING), found before submitting. */
export function findMappingProblems(
  kind: ImportKindValue,
  headers: readonly string[],
  mapping: ImportMapping,
  fields: readonly FieldInfo[],
): MappingProblems {
  const used = new Map<string, number[]>();
  headers.forEach((header, index) => {
    const field = mapping[header];
    if (!field) return;
    used.set(field, [...(used.get(field) ?? []), index]);
  });
  const missingRequired = fields.filter((f) => f.required && !used.has(f.field)).map((f) => f.field);
  const duplicates = new Map([...used].filter(([, columns]) => columns.length > 1));
  const missingOneOf = oneOfGroups(kind).filter((group) => !group.some((f) => used.has(f)));
  return { missingRequired, duplicates, missingOneOf };
}

export function hasProblems(problems: MappingProblems): boolean {
  return problems.missingRequired.length > 0 || problems.duplicates.size > 0 || problems.missingOneOf.length > 0;
}

/** A mapping with an entry (field or null) for every header of the file, in file order. */
export function completeMapping(headers: readonly string[], suggested: ImportMapping): ImportMapping {
  const out: ImportMapping = {};
  for (const header of headers) out[header] = suggested[header] ?? null;
  return out;
}

/** A preview cell as plain text (never HTML). */
export function cellText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Up to `count` non-empty sample values of one column of the preview. */
export function samplesOf(
  rows: readonly (readonly (string | number | boolean | null)[])[],
  index: number,
  count = 3,
): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const text = cellText(row[index]).trim();
    if (text) out.push(text);
    if (out.length >= count) break;
  }
  return out;
}
