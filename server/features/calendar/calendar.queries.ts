import type { Db } from '../../db/client';

export async function findCalendarSource(db: Db, dealerId: string) {
  const dealer = await db
    .selectFrom('dealers')
    .leftJoin('calendarSettings as cs', 'cs.dealerId', 'dealers.id')
    .select(['dealers.timeZone', 'dealers.businessHours', 'cs.workStart', 'cs.workEnd'])
    .where('dealers.id', '=', dealerId)
    .executeTakeFirst();
  if (!dealer) return undefined;
  const overrides = await db
    .selectFrom('calendarOverrides')
    .select(['date', 'working', 'note'])
    .where('dealerId', '=', dealerId)
    .orderBy('date')
    .execute();
  return { ...dealer, overrides };
}

export async function replaceOverrides(
  db: Db,
  dealerId: string,
  userId: string,
  overrides: { date: string; working: boolean; note: string }[],
) {
  await db.deleteFrom('calendarOverrides').where('dealerId', '=', dealerId).execute();
  if (overrides.length)
    await db
      .insertInto('calendarOverrides')
      .values(overrides.map((o) => ({ dealerId, ...o, updatedBy: userId })))
      .execute();
}

export async function saveWorkingHours(
  db: Db,
  dealerId: string,
  userId: string,
  hours: { start: string; end: string } | null,
) {
  if (!hours) {
    await db.deleteFrom('calendarSettings').where('dealerId', '=', dealerId).execute();
    return;
  }
  await db
    .insertInto('calendarSettings')
    .values({ dealerId, workStart: hours.start, workEnd: hours.end, updatedBy: userId })
    .onConflict((oc) =>
      oc
        .column('dealerId')
        .doUpdateSet({ workStart: hours.start, workEnd: hours.end, updatedBy: userId, updatedAt: new Date() }),
    )
    .execute();
}
