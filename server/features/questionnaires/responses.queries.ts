import type { Db } from '../../db/client';

/** Survey responses, their answers and annotations: insert and read only (the database refuses changes). */

const NONE = ['00000000-0000-0000-0000-000000000000'];

export interface ResponseRow {
  dealerId: string;
  versionId: string;
  templateId: string;
  channel: string;
  respondentName: string | null;
  respondentRelation: string | null;
  agentUserId: string;
  startedAt: string | null;
  finishedAt: string | null;
  score: string | null;
  factorScores: string;
  dissatisfied: string;
  satisfied: boolean | null;
  praise: string;
  mayCallAgain: boolean;
  createdBy: string;
  /** Only for a survey taken earlier and entered now (the demo's past callbacks); the database's now() otherwise. */
  submittedAt?: Date;
}

export interface AnswerRow {
  questionKey: string;
  value: string | null;
  na: boolean;
  comment: string;
  itemScore: string | null;
}

export async function insertResponse(db: Db, row: ResponseRow, answers: AnswerRow[]) {
  const r = await db.insertInto('surveyResponses').values(row).returning('id').executeTakeFirstOrThrow();
  if (answers.length)
    await db
      .insertInto('surveyAnswers')
      .values(answers.map((a) => ({ ...a, dealerId: row.dealerId, responseId: r.id })))
      .execute();
  return r.id;
}

export function findResponse(db: Db, dealerIds: readonly string[], id: string) {
  return db
    .selectFrom('surveyResponses')
    .innerJoin('questionnaireVersions', (j) =>
      j
        .onRef('questionnaireVersions.dealerId', '=', 'surveyResponses.dealerId')
        .onRef('questionnaireVersions.id', '=', 'surveyResponses.versionId'),
    )
    .selectAll('surveyResponses')
    .select('questionnaireVersions.versionNo')
    .where('surveyResponses.dealerId', 'in', dealerIds.length ? dealerIds : NONE)
    .where('surveyResponses.id', '=', id)
    .executeTakeFirst();
}

export function findAnswers(db: Db, dealerId: string, responseId: string) {
  return db
    .selectFrom('surveyAnswers')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('responseId', '=', responseId)
    .execute();
}

export function findAnnotations(db: Db, dealerId: string, responseId: string) {
  return db
    .selectFrom('responseAnnotations')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('responseId', '=', responseId)
    .orderBy('createdAt')
    .execute();
}

export function insertAnnotation(
  db: Db,
  row: {
    dealerId: string;
    responseId: string;
    questionKey: string | null;
    note: string;
    correctedValue: string | null;
    createdBy: string;
    createdByName: string;
  },
) {
  return db.insertInto('responseAnnotations').values(row).returning('id').executeTakeFirstOrThrow();
}
