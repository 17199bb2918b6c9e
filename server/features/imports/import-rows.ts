/** A validated, normalised import row: canonical field → value (see core/rules/dms-fields.ts). */
export type CleanRow = Record<string, string | number | boolean | null>;

export const str = (r: CleanRow, f: string): string | null => {
  const v = r[f];
  return v === null || v === undefined || v === '' ? null : String(v);
};
export const num = (r: CleanRow, f: string): number | null => (typeof r[f] === 'number' ? (r[f] as number) : null);
export const bool = (r: CleanRow, f: string): boolean | null => (typeof r[f] === 'boolean' ? (r[f] as boolean) : null);
