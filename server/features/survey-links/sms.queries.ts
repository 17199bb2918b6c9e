import type { Db } from '../../db/client';

/** The dealer's message provider and the outbound SMS deliveries of survey links. */

export function findProvider(db: Db, dealerId: string) {
  return db.selectFrom('messageProviders').selectAll().where('dealerId', '=', dealerId).executeTakeFirst();
}

export async function upsertProvider(
  db: Db,
  row: {
    dealerId: string;
    kind: string;
    url: string | null;
    secretEnc: string | null;
    secretHint: string | null;
    senderName: string;
    active: boolean;
    updatedBy: string;
  },
) {
  await db
    .insertInto('messageProviders')
    .values(row)
    .onConflict((oc) =>
      oc.column('dealerId').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        url: eb.ref('excluded.url'),
        secretEnc: eb.ref('excluded.secretEnc'),
        secretHint: eb.ref('excluded.secretHint'),
        senderName: eb.ref('excluded.senderName'),
        active: eb.ref('excluded.active'),
        updatedBy: eb.ref('excluded.updatedBy'),
        updatedAt: new Date(),
      })),
    )
    .execute();
}

/** A mobile of the task's customer: the one asked for, else the primary (or first) mobile. */
export function findMobileOfTask(db: Db, dealerId: string, taskId: string, phoneId: string | undefined) {
  let q = db
    .selectFrom('callbackTasks as t')
    .innerJoin('customerPhones as p', (j) =>
      j.onRef('p.dealerId', '=', 't.dealerId').onRef('p.customerId', '=', 't.customerId'),
    )
    .select(['p.id', 'p.phone'])
    .where('t.dealerId', '=', dealerId)
    .where('t.id', '=', taskId)
    .where('p.kind', '=', 'mobile');
  if (phoneId) q = q.where('p.id', '=', phoneId);
  return q.orderBy('p.isPrimary', 'desc').orderBy('p.createdAt').limit(1).executeTakeFirst();
}

export function findPhone(db: Db, dealerId: string, phoneId: string) {
  return db
    .selectFrom('customerPhones')
    .select(['phone'])
    .where('dealerId', '=', dealerId)
    .where('id', '=', phoneId)
    .executeTakeFirst();
}

export async function insertSms(
  db: Db,
  row: {
    dealerId: string;
    linkId: string;
    taskId: string;
    phoneId: string;
    phoneHint: string;
    bodyEnc: string;
    providerKind: string;
    createdBy: string;
  },
) {
  return (await db.insertInto('outboundSms').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function findSms(db: Db, dealerId: string, id: string) {
  return db
    .selectFrom('outboundSms')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findSmsOfTask(db: Db, dealerId: string, taskId: string) {
  return db
    .selectFrom('outboundSms')
    .select(['id', 'linkId', 'phoneHint', 'providerKind', 'status', 'attempts', 'sentAt', 'createdAt'])
    .where('dealerId', '=', dealerId)
    .where('taskId', '=', taskId)
    .orderBy('createdAt', 'desc')
    .limit(50)
    .execute();
}

/** Records one attempt; a final state drops the encrypted text (the link in it must not outlive its use). */
export async function markSms(
  db: Db,
  dealerId: string,
  id: string,
  status: 'pending' | 'sent' | 'failed',
  response: string,
) {
  const final = status !== 'pending';
  await db
    .updateTable('outboundSms')
    .set((eb) => ({
      status,
      attempts: eb('attempts', '+', 1),
      providerResponse: response.slice(0, 1000),
      ...(status === 'sent' ? { sentAt: new Date() } : {}),
      ...(final ? { bodyEnc: null } : {}),
    }))
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .execute();
}
