import { Command } from 'commander';
import { z } from 'zod';
import { NewPassword } from '../core/contracts/auth';
import { Username } from '../core/contracts/users';
import { ROLES, SPANNING_ROLES, type Role } from '../core/permissions';
import type { Config } from '../server/config';
import type { Db } from '../server/db/client';
import { appendAudit } from '../server/features/audit/audit.service';
import { deleteUserSessions, findUserByUsername, updatePassword } from '../server/features/auth/auth.queries';
import { hashPassword } from '../server/features/auth/passwords';
import { CliError, withDatabase } from './context';

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new CliError(`Invalid ${what}: ${r.error.issues.map((i) => i.message).join('; ')}`, 2);
  return r.data;
}

async function placement(db: Db, dealerCode: string | undefined, roles: Role[]) {
  if (dealerCode) {
    const d = await db.selectFrom('dealers').select('id').where('code', '=', dealerCode).executeTakeFirst();
    if (!d) throw new CliError(`No dealer with code ${dealerCode}`, 2);
    return { dealerId: d.id, groupId: null };
  }
  if (!roles.every((r) => SPANNING_ROLES.includes(r)))
    throw new CliError(`--dealer CODE is required for the roles ${roles.join(', ')}`, 2);
  const g = await db.selectFrom('dealerGroups').select('id').orderBy('createdAt').executeTakeFirst();
  if (!g) throw new CliError('There is no dealer group yet; run `manyi seed-demo` or create the organisation first', 2);
  return { dealerId: null, groupId: g.id };
}

export function userCommands(getConfig: () => Config, out: (s: string) => void) {
  const user = new Command('user').description('Manage user accounts');
  user
    .command('add')
    .description('Create a user; they must change the password at first login')
    .argument('<username>', 'login name: lower-case letters, digits, _ . -')
    .requiredOption('--role <roles>', `comma-separated roles: ${ROLES.join(', ')}`)
    .requiredOption('--password <password>', 'initial password (≥ 10 characters, letters and digits)')
    .option('--name <displayName>', 'display name (default: the username)')
    .option('--dealer <code>', 'dealer code (required for dealer roles)')
    .action(async (username: string, o: { role: string; password: string; name?: string; dealer?: string }) => {
      const name = check(Username, username, 'username');
      const roles = check(
        z.array(z.enum(ROLES)).min(1),
        o.role.split(',').map((s) => s.trim()),
        '--role',
      );
      const password = check(NewPassword, o.password, 'password');
      await withDatabase(getConfig(), async ({ db }) => {
        if (await findUserByUsername(db, name)) throw new CliError(`The username ${name} is taken`, 1);
        const where = await placement(db, o.dealer, roles);
        const passwordHash = await hashPassword(password);
        await db.transaction().execute(async (tx) => {
          const row = await tx
            .insertInto('users')
            .values({
              username: name,
              displayName: o.name ?? name,
              passwordHash,
              roles,
              ...where,
              mustChangePassword: true,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await appendAudit(tx, {
            dealerId: where.dealerId,
            actorUsername: 'cli',
            action: 'user.create',
            entityType: 'user',
            entityId: row.id,
            details: { username: name, roles },
          });
        });
        out(`Created user ${name} (${roles.join(', ')}); they must change the password at first login.`);
      });
    });
  user
    .command('passwd')
    .description('Set a new password for a user (they must change it at next login) and end their sessions')
    .argument('<username>')
    .requiredOption('--password <password>', 'new password (≥ 10 characters, letters and digits)')
    .action(async (username: string, o: { password: string }) => {
      const password = check(NewPassword, o.password, 'password');
      await withDatabase(getConfig(), async ({ db }) => {
        const u = await findUserByUsername(db, username);
        if (!u) throw new CliError(`No user ${username}`, 1);
        const passwordHash = await hashPassword(password);
        await db.transaction().execute(async (tx) => {
          await updatePassword(tx, u.id, passwordHash, true);
          await deleteUserSessions(tx, u.id);
          await appendAudit(tx, {
            dealerId: u.dealerId,
            actorUsername: 'cli',
            action: 'user.password-reset',
            entityType: 'user',
            entityId: u.id,
          });
        });
        out(`Password of ${u.username} changed; their sessions have ended.`);
      });
    });
  user
    .command('disable')
    .description('Disable a user and end their sessions at once')
    .argument('<username>')
    .action(async (username: string) => {
      await withDatabase(getConfig(), async ({ db }) => {
        const u = await findUserByUsername(db, username);
        if (!u) throw new CliError(`No user ${username}`, 1);
        await db.transaction().execute(async (tx) => {
          await tx.updateTable('users').set({ disabledAt: new Date() }).where('id', '=', u.id).execute();
          await deleteUserSessions(tx, u.id);
          await appendAudit(tx, {
            dealerId: u.dealerId,
            actorUsername: 'cli',
            action: 'user.disable',
            entityType: 'user',
            entityId: u.id,
          });
        });
        out(`Disabled ${u.username}; their sessions have ended.`);
      });
    });
  return user;
}
