import { FIELD_GROUPS, type FieldGroup, type FieldView } from '../../../core/rules/customer-privacy';
import { ROLES, type Role } from '../../../core/permissions';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { appendAudit } from '../audit/audit.service';
import { requireDealer } from '../org/org.service';
import { upsertPermissionRows } from './customers.queries';
import { loadPermissionTable } from './field-permissions';

export async function getTable(db: Db, actor: Actor) {
  const { table, stored } = await loadPermissionTable(db, requireDealer(actor));
  return {
    items: ROLES.flatMap((role) =>
      FIELD_GROUPS.map((group) => {
        const key = `${role}:${group}`;
        return { role, group, ...table.get(key)!, isDefault: !stored.has(key) };
      }),
    ),
  };
}

export async function updateTable(
  db: Db,
  actor: Actor,
  items: { role: Role; group: FieldGroup; view: FieldView; canReveal: boolean; canEdit: boolean; canExport: boolean }[],
) {
  const dealerId = requireDealer(actor);
  await db.transaction().execute(async (tx) => {
    await upsertPermissionRows(tx, dealerId, actor.userId, items);
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'customer-permissions.update',
      entityType: 'customer_field_permissions',
      ip: actor.ip,
      details: {
        entries: items.map(
          (i) =>
            `${i.role}:${i.group}=${i.view}${i.canReveal ? '+reveal' : ''}${i.canEdit ? '+edit' : ''}${i.canExport ? '+export' : ''}`,
        ),
      },
    });
  });
}
