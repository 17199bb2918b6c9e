import type { CreateUserRequest, UpdateUserRequest, User } from '../../../core/contracts/users';
import { grantableRoles, SPANNING_ROLES, type Role } from '../../../core/permissions';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { deleteUserSessions, updatePassword } from '../auth/auth.queries';
import { hashPassword } from '../auth/passwords';
import { forgetUserSessions } from '../auth/session-cache';
import * as q from './users.queries';

/** System admins see every user; other admins see the users of the dealers in their scope. */
function visibilityOf(actor: Actor): q.UserVisibility {
  return actor.roles.includes('system_admin') ? { kind: 'all' } : { kind: 'dealers', dealerIds: actor.dealerIds };
}

type Row = Awaited<ReturnType<typeof q.findVisibleUser>>;
function toUser(r: NonNullable<Row>): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    roles: r.roles as Role[],
    dealerId: r.dealerId,
    regionId: r.regionId,
    groupId: r.groupId,
    locale: r.locale === 'en' ? 'en' : 'zh-CN',
    disabled: r.disabledAt !== null,
    mustChangePassword: r.mustChangePassword,
    createdAt: r.createdAt.toISOString(),
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
  };
}

function checkGrantable(actor: Actor, roles: readonly Role[]) {
  const allowed = grantableRoles(actor.roles);
  const refused = roles.filter((r) => !allowed.includes(r));
  if (refused.length)
    throw new AppError('FORBIDDEN', `You may not grant the roles: ${refused.join(', ')}`, { roles: refused });
}

export async function listUsers(db: Db, actor: Actor, limit: number, offset: number) {
  const [rows, total] = await q.findUsersPage(db, visibilityOf(actor), limit, offset);
  return { items: rows.map(toUser), total: Number(total.n) };
}

export async function getUser(db: Db, actor: Actor, id: string) {
  const row = await q.findVisibleUser(db, visibilityOf(actor), id);
  if (!row) throw notFound('User');
  return toUser(row);
}

async function placementOf(db: Db, actor: Actor, input: CreateUserRequest) {
  const spanning = input.roles.every((r) => SPANNING_ROLES.includes(r));
  if (input.regionId || input.groupId) {
    if (!spanning)
      throw new AppError('VALIDATION_FAILED', 'Only spanning roles may belong to a region or group', {
        field: 'roles',
      });
    if (input.regionId && !(await q.regionExists(db, input.regionId))) throw notFound('Region');
    if (input.groupId && !(await q.groupExists(db, input.groupId))) throw notFound('Group');
    return {
      dealerId: null,
      regionId: input.regionId ?? null,
      groupId: input.regionId ? null : (input.groupId ?? null),
    };
  }
  const dealerId = input.dealerId ?? actor.currentDealerId;
  if (!dealerId || !actor.dealerIds.includes(dealerId)) throw notFound('Dealer');
  return { dealerId, regionId: null, groupId: null };
}

export async function createUser(db: Db, actor: Actor, input: CreateUserRequest) {
  checkGrantable(actor, input.roles);
  const placement = await placementOf(db, actor, input);
  if (await q.usernameExists(db, input.username))
    throw new AppError('USERNAME_TAKEN', `The username ${input.username} is taken`, { field: 'username' });
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const row = await q.insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      roles: [...new Set(input.roles)],
      ...placement,
      locale: input.locale,
      mustChangePassword: true,
    });
    await appendAudit(tx, {
      dealerId: row.dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      ip: actor.ip,
      details: { username: row.username, roles: row.roles },
    });
    return toUser(row);
  });
}

export async function updateUser(db: Db, actor: Actor, id: string, input: UpdateUserRequest) {
  const before = await getUser(db, actor, id);
  if (input.roles) checkGrantable(actor, [...input.roles, ...before.roles]);
  const sameRoles = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((r) => b.includes(r));
  if (id === actor.userId && (input.disabled || (input.roles && !sameRoles([...new Set(input.roles)], before.roles)))) {
    throw new AppError('VALIDATION_FAILED', 'You cannot disable yourself or change your own roles', {
      field: input.disabled ? 'disabled' : 'roles',
    });
  }
  const updated = await db.transaction().execute(async (tx) => {
    const row = await q.updateUser(tx, id, {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.roles ? { roles: [...new Set(input.roles)] } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
      ...(input.disabled !== undefined ? { disabledAt: input.disabled ? new Date() : null } : {}),
    });
    // Disabling a user ends every session of theirs at once.
    if (input.disabled) await deleteUserSessions(tx, id);
    await appendAudit(tx, {
      dealerId: row.dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: input.disabled ? 'user.disable' : 'user.update',
      entityType: 'user',
      entityId: id,
      ip: actor.ip,
      details: { changed: Object.keys(input), roles: input.roles ?? null },
    });
    return toUser(row);
  });
  // Roles, language or a disabled account apply to the user's very next request (the actor cache).
  forgetUserSessions(id);
  return updated;
}

export async function resetPassword(db: Db, actor: Actor, id: string, password: string) {
  const target = await getUser(db, actor, id);
  checkGrantable(actor, target.roles);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    await updatePassword(tx, id, passwordHash, true);
    await deleteUserSessions(tx, id);
    await appendAudit(tx, {
      dealerId: target.dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'user.password-reset',
      entityType: 'user',
      entityId: id,
      ip: actor.ip,
    });
  });
  forgetUserSessions(id);
}
