import type { Db } from '../../db/client';

/** Per-dealer questionnaire configuration (the approver roles). */
export function findSettings(db: Db, dealerId: string) {
  return db.selectFrom('questionnaireSettings').selectAll().where('dealerId', '=', dealerId).executeTakeFirst();
}

export function upsertSettings(db: Db, dealerId: string, approverRoles: string[], userId: string) {
  const now = new Date().toISOString();
  return db
    .insertInto('questionnaireSettings')
    .values({ dealerId, approverRoles, updatedBy: userId, updatedAt: now })
    .onConflict((oc) => oc.column('dealerId').doUpdateSet({ approverRoles, updatedBy: userId, updatedAt: now }))
    .execute();
}
