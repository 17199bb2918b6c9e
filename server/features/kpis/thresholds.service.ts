import type {
  KpiThresholdsOverview,
  PutKpiThresholdsRequest,
  ThresholdSet,
} from '../../../core/contracts/kpi-thresholds';
import { KPI_THRESHOLD_PRESET, thresholdsOn, type ThresholdVersion } from '../../../core/rules/kpis';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, forbidden } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { requireDealer } from '../org/org.service';
import * as q from './thresholds.queries';

/**
 * KPI thresholds as per-dealer versioned configuration (SPEC §5.2 validity "50%以上 / 60%以上", C24 boundary,
 * §5.3 target "> 90": all CONFIG, with the SPEC values as the preset). A version is never edited: a change is a new
 * version with an effective date, so a period is always judged by the version in force on its first day, and a
 * month already over keeps its verdict (a new version may start no earlier than the first day of the current month).
 */
export interface StoredThresholdSet extends ThresholdVersion {
  id: string;
  note: string;
  createdAt: Date;
  createdByName: string | null;
}

const toStored = (r: q.ThresholdSetRow): StoredThresholdSet => ({
  id: r.id,
  versionNo: r.versionNo,
  effectiveFrom: r.effectiveFrom,
  thresholds: {
    callback: Number(r.callbackMin),
    survey: Number(r.surveyMin),
    inclusive: r.inclusive,
    target: Number(r.satisfactionTarget),
  },
  note: r.note,
  createdAt: r.createdAt,
  createdByName: r.createdByName,
});

/** Every version of a dealer, the latest effective date first. */
export async function thresholdSetsOf(db: Db, dealerId: string): Promise<StoredThresholdSet[]> {
  return (await q.findThresholdSets(db, dealerId)).map(toStored);
}

/** The first day of the month of a local day (YYYY-MM-DD). */
const monthStart = (ymd: string) => `${ymd.slice(0, 7)}-01`;

function localDay(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const toSet = (s: StoredThresholdSet): ThresholdSet => ({ ...s, createdAt: s.createdAt.toISOString() });

function dealerZone(actor: Actor, dealerId: string) {
  return actor.dealers.find((d) => d.id === dealerId)?.timeZone ?? 'Asia/Shanghai';
}

export async function getThresholds(db: Db, actor: Actor, now = new Date()): Promise<KpiThresholdsOverview> {
  if (!actor.permissions.has('kpis:read') && !actor.permissions.has('kpis:configure')) throw forbidden('kpis:read');
  const dealerId = requireDealer(actor);
  const sets = await thresholdSetsOf(db, dealerId);
  const today = localDay(now, dealerZone(actor, dealerId));
  return {
    current: thresholdsOn(sets, today),
    versions: sets.map(toSet),
    preset: KPI_THRESHOLD_PRESET,
    earliestEffectiveFrom: monthStart(today),
  };
}

/** Saves a new version effective from a date no earlier than the first day of the current local month. */
export async function putThresholds(db: Db, actor: Actor, body: PutKpiThresholdsRequest, now = new Date()) {
  const dealerId = requireDealer(actor);
  const earliest = monthStart(localDay(now, dealerZone(actor, dealerId)));
  if (body.effectiveFrom < earliest)
    throw new AppError(
      'VALIDATION_FAILED',
      `effectiveFrom must be ${earliest} or later: a month already over keeps the thresholds it was judged by`,
      { field: 'effectiveFrom', earliest },
    );
  await db.transaction().execute(async (tx) => {
    await q.lockThresholdSets(tx, dealerId);
    const versionNo = (await q.maxVersionNo(tx, dealerId)) + 1;
    const thresholds = { callback: body.callback, survey: body.survey, inclusive: body.inclusive, target: body.target };
    const id = await q.insertThresholdSet(tx, {
      dealerId,
      versionNo,
      effectiveFrom: body.effectiveFrom,
      callbackMin: body.callback,
      surveyMin: body.survey,
      inclusive: body.inclusive,
      satisfactionTarget: body.target,
      note: body.note,
      createdBy: actor.userId,
    });
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'kpis.thresholds.version',
      entityType: 'kpi_threshold_set',
      entityId: id,
      details: { versionNo, effectiveFrom: body.effectiveFrom, ...thresholds, note: body.note },
    });
  });
  return getThresholds(db, actor, now);
}
