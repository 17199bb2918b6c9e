import type { Config } from '../../config';
import { appendAudit } from '../../features/audit/audit.service';
import { hashPassword } from '../../features/auth/passwords';
import type { Db } from '../client';
import {
  DEMO_DEALERS,
  DEMO_STAFF_ROLE,
  DEMO_GROUP,
  DEMO_REGIONS,
  DEMO_USERS,
  demoPerson,
  STAFF_PLAN,
} from './demo-org';

export async function hasAnyOrganisation(db: Db): Promise<boolean> {
  return (await db.selectFrom('dealerGroups').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Seeds the demo group, dealers, one user per role and each dealer's staff. Refuses a non-empty database. */
export async function seedDemo(db: Db, cfg: Pick<Config, 'demoPassword'>): Promise<{ users: number; staff: number }> {
  if (await hasAnyOrganisation(db))
    throw new Error('The database already has an organisation; demo data is only seeded into an empty database');
  const passwordHash = await hashPassword(cfg.demoPassword);
  return db.transaction().execute(async (tx) => {
    const group = await tx.insertInto('dealerGroups').values(DEMO_GROUP).returning('id').executeTakeFirstOrThrow();
    const regionIds = new Map<string, string>();
    for (const r of DEMO_REGIONS) {
      const row = await tx
        .insertInto('regions')
        .values({ ...r, groupId: group.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      regionIds.set(r.code, row.id);
    }
    const dealerIds = new Map<string, string>();
    for (const d of DEMO_DEALERS) {
      const row = await tx
        .insertInto('dealers')
        .values({
          code: d.code,
          name: d.name,
          regionId: regionIds.get(d.region) ?? '',
          timeZone: d.timeZone,
          businessHours: JSON.stringify({ days: [1, 2, 3, 4, 5, 6, 7], open: d.open, close: d.close }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      dealerIds.set(d.code, row.id);
    }
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const dealerId = u.dealer ? (dealerIds.get(u.dealer) ?? null) : null;
      await tx
        .insertInto('users')
        .values({
          username: u.username,
          displayName: u.displayName,
          passwordHash,
          roles: u.roles,
          dealerId,
          groupId: dealerId ? null : group.id,
          mustChangePassword: false,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((row) => userIds.set(u.username, row.id));
    }
    let n = 0;
    // Each dealer user is also a staff member of their dealer, linked to the account.
    for (const u of DEMO_USERS) {
      const dealerId = u.dealer ? dealerIds.get(u.dealer) : undefined;
      const role = u.roles[0];
      if (!dealerId || !role) continue;
      const job = DEMO_STAFF_ROLE[role];
      await tx
        .insertInto('staff')
        .values({
          dealerId,
          name: u.displayName,
          department: job.department,
          position: job.position,
          phone: demoPerson(900 + n++).phone,
          userId: userIds.get(u.username) ?? null,
        })
        .execute();
    }
    for (const dealerId of dealerIds.values()) {
      for (const plan of STAFF_PLAN) {
        for (let i = 0; i < plan.count; i++) {
          const p = demoPerson(n++);
          await tx
            .insertInto('staff')
            .values({ dealerId, name: p.name, department: plan.department, position: plan.position, phone: p.phone })
            .execute();
        }
      }
    }
    await appendAudit(tx, {
      dealerId: null,
      actorUsername: 'manyi',
      action: 'seed.demo',
      details: { dealers: DEMO_DEALERS.length, users: DEMO_USERS.length, staff: n },
    });
    return { users: DEMO_USERS.length, staff: n };
  });
}
