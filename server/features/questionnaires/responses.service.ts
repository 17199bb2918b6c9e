import {
  AnswerValue,
  type AnnotateRequest,
  type SubmitResponseRequest,
  type SurveyResponse,
} from '../../../core/contracts/questionnaires';
import { checkAnswers } from '../../../core/rules/answers';
import { itemScore, scoreResponse } from '../../../core/rules/scoring';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { audit, getVersion } from './questionnaires.service';
import * as q from './responses.queries';

/**
 * Survey responses (调查结果, SPEC §3.8): submitted once against a published version, scored by the pure
 * rule, never changed afterwards (§8.1); a correction is an annotation. Callbacks reuse submitResponse
 * inside their own transaction.
 */

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** Checks, scores and stores a response; runs inside the caller's transaction when given one. */
/**
 * Stores one scored response. `submittedAt` is for trusted internal callers that enter a survey taken earlier
 * (the demo's past callbacks); the HTTP routes never pass it, so a response is dated by the database clock.
 */
export async function submitResponse(
  db: Db,
  actor: Actor,
  input: SubmitResponseRequest,
  opts: { submittedAt?: Date } = {},
): Promise<string> {
  const version = await getVersion(db, actor, input.versionId);
  if (version.status !== 'published')
    throw new AppError('CONFLICT', `Only a published version takes responses; this one is ${version.status}`, {
      status: version.status,
    });
  const issues = checkAnswers(version.content, input.answers);
  if (issues.length) throw new AppError('VALIDATION_FAILED', 'Some answers are not acceptable', { issues });
  const result = scoreResponse(version.content, input.answers);
  const byKey = new Map(version.content.questions.map((x) => [x.key, x]));
  const row: q.ResponseRow = {
    dealerId: version.dealerId,
    versionId: version.id,
    templateId: version.templateId,
    channel: input.channel ?? version.content.channel,
    respondentName: input.respondentName ?? null,
    respondentRelation: input.respondentRelation ?? null,
    agentUserId: actor.userId,
    startedAt: input.startedAt ?? null,
    finishedAt: input.finishedAt ?? null,
    score: result.score === null ? null : String(result.score),
    factorScores: JSON.stringify(result.factors),
    dissatisfied: JSON.stringify(result.dissatisfied),
    satisfied: result.score === null && result.dissatisfied.length === 0 ? null : result.dissatisfied.length === 0,
    praise: input.praise ?? '',
    mayCallAgain: input.mayCallAgain ?? false,
    createdBy: actor.userId,
    ...(opts.submittedAt ? { submittedAt: opts.submittedAt } : {}),
  };
  const answers = input.answers.map((a) => {
    const s = itemScore(byKey.get(a.question)!, a);
    return {
      questionKey: a.question,
      value: a.value === null ? null : JSON.stringify(a.value),
      na: a.na,
      comment: a.comment,
      itemScore: s === null ? null : String(Math.round(s * 100) / 100),
    };
  });
  const store = async (tx: Db) => {
    const id = await q.insertResponse(tx, row, answers);
    await audit(tx, actor, version.dealerId, 'response.create', id, { versionId: version.id, score: result.score });
    return id;
  };
  return db.isTransaction ? store(db) : db.transaction().execute(store);
}

export async function getResponse(db: Db, actor: Actor, id: string): Promise<SurveyResponse> {
  const r = await q.findResponse(db, actor.dealerIds, id);
  if (!r) throw notFound('Response');
  const [answers, notes] = await Promise.all([
    q.findAnswers(db, r.dealerId, r.id),
    q.findAnnotations(db, r.dealerId, r.id),
  ]);
  return {
    id: r.id,
    dealerId: r.dealerId,
    versionId: r.versionId,
    versionNo: r.versionNo,
    templateId: r.templateId,
    channel: r.channel,
    respondentName: r.respondentName,
    respondentRelation: r.respondentRelation,
    submittedAt: r.submittedAt.toISOString(),
    score: num(r.score),
    satisfied: r.satisfied,
    dissatisfied: r.dissatisfied as string[],
    factorScores: r.factorScores as SurveyResponse['factorScores'],
    praise: r.praise,
    mayCallAgain: r.mayCallAgain,
    answers: answers.map((a) => ({
      question: a.questionKey,
      value: a.value === null ? null : AnswerValue.parse(a.value),
      na: a.na,
      comment: a.comment,
      itemScore: num(a.itemScore),
    })),
    annotations: notes.map((n) => ({
      id: n.id,
      question: n.questionKey,
      note: n.note,
      correctedValue: n.correctedValue === null ? null : AnswerValue.parse(n.correctedValue),
      createdAt: n.createdAt.toISOString(),
      createdByName: n.createdByName,
    })),
  };
}

/** A correction never edits the response: it is a new annotation row, audited (SPEC §8.1). */
export async function annotateResponse(db: Db, actor: Actor, id: string, input: AnnotateRequest) {
  const r = await getResponse(db, actor, id);
  if (input.question && !r.answers.some((a) => a.question === input.question))
    throw new AppError('VALIDATION_FAILED', 'That question has no answer in this response', { field: 'question' });
  await db.transaction().execute(async (tx) => {
    const row = await q.insertAnnotation(tx, {
      dealerId: r.dealerId,
      responseId: r.id,
      questionKey: input.question ?? null,
      note: input.note,
      correctedValue: input.correctedValue == null ? null : JSON.stringify(input.correctedValue),
      createdBy: actor.userId,
      createdByName: actor.displayName,
    });
    await audit(tx, actor, r.dealerId, 'response.annotate', r.id, { annotation: row.id, question: input.question });
  });
  return getResponse(db, actor, id);
}
