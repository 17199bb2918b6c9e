import { ROLES, type Role } from '../../../core/permissions';
import type { FieldGroup } from '../../../core/rules/customer-privacy';
import type { FieldPermissionEntry, FieldPermissionUpdate } from '../../api/customers';

export type Cell = Pick<FieldPermissionEntry, 'view' | 'canReveal' | 'canEdit' | 'canExport'>;
export type Edits = Record<string, Cell>;

export const cellKey = (role: Role, group: FieldGroup) => `${role}:${group}`;

/** The table's entries by role and group, the roles in the order of core/permissions.ts. */
export function indexEntries(items: readonly FieldPermissionEntry[]) {
  const byKey = new Map(items.map((e) => [cellKey(e.role, e.group), e]));
  const present = new Set(items.map((e) => e.role));
  const roles = ROLES.filter((r) => present.has(r));
  return { byKey, roles };
}

function sameCell(a: Cell, b: Cell): boolean {
  return a.view === b.view && a.canReveal === b.canReveal && a.canEdit === b.canEdit && a.canExport === b.canExport;
}

/** The edits that differ from what the server holds, as the PUT body's items. */
export function changedItems(byKey: ReadonlyMap<string, FieldPermissionEntry>, edits: Edits): FieldPermissionUpdate[] {
  const out: FieldPermissionUpdate[] = [];
  for (const [key, cell] of Object.entries(edits)) {
    const entry = byKey.get(key);
    if (!entry || sameCell(entry, cell)) continue;
    out.push({ role: entry.role, group: entry.group, ...cell });
  }
  return out;
}
