import { sql } from 'kysely';
import type { CallbackAgent } from '../../../core/contracts/callbacks';
import { hasPermission, ROLES, type Role } from '../../../core/permissions';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { requireDealer } from '../org/org.service';

/**
 * The people a lead can give a task to (SPEC §4.6 "leads … reassign"): every active user of the dealer whose
 * roles allow callback work, whether or not they appear in the queue today, with how many open tasks are
 * assigned to them and how many they hold right now.
 */

const rolesWith = (p: 'callbacks:work' | 'callbacks:lead') => ROLES.filter((r) => hasPermission([r], p));

export async function findAgents(db: Db, dealerId: string) {
  const r = await sql<{
    userId: string;
    name: string;
    username: string;
    roles: string[];
    assigned: number;
    holding: number;
  }>`
    select u.id as user_id, u.display_name as name, u.username, u.roles,
      (select count(*)::int from callback_tasks t where t.dealer_id = ${dealerId} and t.assigned_user_id = u.id
        and t.status in ('PENDING', 'APPOINTMENT', 'CONTACT_INVALID')) as assigned,
      (select count(*)::int from callback_tasks t where t.dealer_id = ${dealerId} and t.lease_user_id = u.id
        and t.lease_expires_at > now()) as holding
    from users u
    where u.dealer_id = ${dealerId} and u.disabled_at is null
      and u.roles && ${sql.val(rolesWith('callbacks:work'))}::text[]
    order by u.display_name, u.username`.execute(db);
  return r.rows;
}

export async function listAgents(db: Db, actor: Actor): Promise<{ items: CallbackAgent[] }> {
  const dealerId = requireDealer(actor);
  const rows = await findAgents(db, dealerId);
  return {
    items: rows.map((r) => ({
      userId: r.userId,
      name: r.name,
      username: r.username,
      lead: hasPermission(r.roles as Role[], 'callbacks:lead'),
      assigned: Number(r.assigned),
      holding: Number(r.holding),
    })),
  };
}
