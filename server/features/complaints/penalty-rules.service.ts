import type { z } from 'zod';
import { PenaltyRules, type PutPenaltyRulesRequest } from '../../../core/contracts/complaints';
import { toLocal } from '../../../core/rules/calendar';
import { PENALTY_PRESETS, type PenaltyRules as Rules } from '../../../core/rules/penalties';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { appendAudit } from '../audit/audit.service';
import { getDealerCalendar } from '../calendar/calendar.service';
import { requireDealer } from '../org/org.service';
import * as q from './penalties.queries';

/** The version every dealer starts with: P-FTMS as the source has it, BLANK amounts empty (SPEC §5.7, C9). */
export const DEFAULT_PRESET = 'P-FTMS' as const;
const DEFAULT_FROM = '2000-01-01';

export function rulesOf(row: q.RuleRow): Rules {
  return PenaltyRules.parse({
    period: row.period,
    groups: row.groups,
    biasMultiplier: Number(row.biasMultiplier),
    handlingWorkingDays: row.handlingWorkingDays,
    rectificationWorkingDays: row.rectificationWorkingDays,
  });
}

function insertVersion(
  tx: Db,
  dealerId: string,
  v: { effectiveFrom: string; presetKey: string | null; rules: Rules; note: string; by: string | null },
) {
  return q.insertRuleVersion(tx, {
    dealerId,
    effectiveFrom: v.effectiveFrom,
    presetKey: v.presetKey,
    period: v.rules.period,
    groups: JSON.stringify(v.rules.groups),
    biasMultiplier: v.rules.biasMultiplier,
    handlingWorkingDays: v.rules.handlingWorkingDays,
    rectificationWorkingDays: v.rules.rectificationWorkingDays,
    note: v.note,
    createdBy: v.by,
  });
}

/** The dealer's local date of an instant (periods and effective dates are local). */
export async function localDate(db: Db, dealerId: string, at: Date): Promise<string> {
  return toLocal(await getDealerCalendar(db, dealerId), at).ymd;
}

/**
 * The rule version in force at `at`; a dealer without any gets the default preset as version 1 (written in
 * `tx`, so penalties can reference the exact version that proposed them).
 */
export async function rulesInForce(tx: Db, dealerId: string, at: Date): Promise<{ row: q.RuleRow; rules: Rules }> {
  const ymd = await localDate(tx, dealerId, at);
  let row = await q.findRulesOn(tx, dealerId, ymd);
  if (!row) {
    const none = (await q.findRuleVersions(tx, dealerId)).length === 0;
    if (none)
      await insertVersion(tx, dealerId, {
        effectiveFrom: DEFAULT_FROM,
        presetKey: DEFAULT_PRESET,
        rules: PENALTY_PRESETS[DEFAULT_PRESET],
        note: 'default',
        by: null,
      });
    row = await q.findRulesOn(tx, dealerId, none ? DEFAULT_FROM : ymd);
    row ??= (await q.findRulesOn(tx, dealerId, '9999-12-31'))!;
  }
  return { row, rules: rulesOf(row) };
}

type VersionRow = Awaited<ReturnType<typeof q.findRuleVersions>>[number];
const toVersion = (r: VersionRow) => ({
  id: r.id,
  versionNo: r.versionNo,
  effectiveFrom: r.effectiveFrom,
  presetKey: r.presetKey,
  rules: rulesOf(r),
  note: r.note,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdByName,
});

export async function getPenaltyRules(db: Db, actor: Actor) {
  const dealerId = requireDealer(actor);
  const current = await db.transaction().execute((tx) => rulesInForce(tx, dealerId, new Date()));
  const versions = (await q.findRuleVersions(db, dealerId)).map(toVersion);
  return {
    current: versions.find((v) => v.id === current.row.id)!,
    versions,
    presets: PENALTY_PRESETS as unknown as Record<string, Rules>,
  };
}

/** A new version of the measures, in force from its effective date (SPEC §8.6 "versioned configuration"). */
export async function putPenaltyRules(db: Db, actor: Actor, input: z.infer<typeof PutPenaltyRulesRequest>) {
  const dealerId = requireDealer(actor);
  await db.transaction().execute(async (tx) => {
    await rulesInForce(tx, dealerId, new Date());
    const row = await insertVersion(tx, dealerId, {
      effectiveFrom: input.effectiveFrom,
      presetKey: input.presetKey ?? null,
      rules: input.rules,
      note: input.note,
      by: actor.userId,
    });
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'penalty_rules.version',
      entityType: 'penalty_rules',
      entityId: row.id,
      ip: actor.ip,
      details: { effectiveFrom: input.effectiveFrom, presetKey: input.presetKey ?? null, rules: input.rules },
    });
  });
  return getPenaltyRules(db, actor);
}
