import {
  DEFAULT_FIELD_PERMISSIONS,
  effectivePermission,
  FIELD_GROUPS,
  type FieldGroup,
  type FieldPermission,
  type FieldView,
} from '../../../core/rules/customer-privacy';
import { ROLES, type Role } from '../../../core/permissions';
import type { Db } from '../../db/client';
import { findPermissionRows } from './customers.queries';

export type PermissionTable = Map<string, FieldPermission>; // `${role}:${group}`

export async function loadPermissionTable(
  db: Db,
  dealerId: string,
): Promise<{ table: PermissionTable; stored: Set<string> }> {
  const rows = await findPermissionRows(db, dealerId);
  const table: PermissionTable = new Map();
  for (const role of ROLES) for (const g of FIELD_GROUPS) table.set(`${role}:${g}`, DEFAULT_FIELD_PERMISSIONS[role][g]);
  const stored = new Set<string>();
  for (const r of rows) {
    const key = `${r.role}:${r.fieldGroup}`;
    table.set(key, { view: r.view as FieldView, canReveal: r.canReveal, canEdit: r.canEdit, canExport: r.canExport });
    stored.add(key);
  }
  return { table, stored };
}

/** The effective permission of a user (all their roles) for every field group at one dealer. */
export async function permissionsFor(
  db: Db,
  dealerId: string,
  roles: readonly Role[],
): Promise<Record<FieldGroup, FieldPermission>> {
  const { table } = await loadPermissionTable(db, dealerId);
  const out = {} as Record<FieldGroup, FieldPermission>;
  for (const g of FIELD_GROUPS)
    out[g] = effectivePermission(roles.map((r) => table.get(`${r}:${g}`) ?? DEFAULT_FIELD_PERMISSIONS[r][g]));
  return out;
}
