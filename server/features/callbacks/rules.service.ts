import { CallbackRules, RulePresetKey, type PutRulesRequest, type RuleSet } from '../../../core/contracts/callbacks';
import { DEFAULT_PRESET, RULE_PRESETS } from '../../../core/rules/callback-presets';
import { localParts } from '../../../core/rules/callback-rules';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, forbidden } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { requireDealer } from '../org/org.service';
import * as q from './rules.queries';

/**
 * Callback rules are versioned per dealer with an effective date (SPEC §4.1 CONFIG, §9.1 presets). The
 * version that applies to a transaction is the latest one effective on its transaction date (settlement
 * date or sale date); the queue (calling hours, attempts, caps, leases) uses the version in effect today.
 * A dealer without any version works with the P-AYT preset.
 */

export interface StoredSet {
  id: string;
  versionNo: number;
  effectiveFrom: string;
  presetKey: string | null;
  rules: CallbackRules;
  note: string;
  createdAt: Date;
  createdByName: string | null;
}

/**
 * Every "next call" needs the dealer's rules (calling hours, lease, cap), which change a few times a year:
 * they are kept in-process for RULES_TTL_MS per dealer. Saving a version (putRules, the only write path)
 * forgets the dealer's entry once committed, so the change applies to the very next claim on this
 * instance; a read that was under way while it was saved is not kept (the generation counter). Another
 * app instance sees a new version within RULES_TTL_MS. Which version is in effect is chosen from the
 * cached list on every call, so a version dated today applies from midnight without a new read.
 */
export const RULES_TTL_MS = 5_000;
const cache = new Map<string, { at: number; sets: Promise<StoredSet[]> }>();
let generation = 0;

/** Every version of a dealer, newest effective date first (cached for a few seconds per process). */
export function ruleSetsOf(db: Db, dealerId: string): Promise<StoredSet[]> {
  const hit = cache.get(dealerId);
  if (hit && Date.now() - hit.at < RULES_TTL_MS) return hit.sets;
  const readGeneration = generation;
  const sets = q
    .findRuleSets(db, dealerId)
    .then((rows) => rows.map(({ rulesJson, ...r }) => ({ ...r, rules: CallbackRules.parse(JSON.parse(rulesJson)) })));
  // Concurrent misses share one read; a failed read or one that raced a save is not kept.
  const entry = { at: Date.now(), sets };
  cache.set(dealerId, entry);
  sets.then(
    () => {
      if (readGeneration !== generation && cache.get(dealerId) === entry) cache.delete(dealerId);
    },
    () => {
      if (cache.get(dealerId) === entry) cache.delete(dealerId);
    },
  );
  return sets;
}

/** Forget a dealer's cached rules (after a new version is committed). */
export function forgetRules(dealerId: string) {
  generation++;
  cache.delete(dealerId);
}

/** The version in effect on a date (YYYY-MM-DD), or the default preset. */
export function rulesOn(sets: readonly StoredSet[], ymd: string): { set: StoredSet | null; rules: CallbackRules } {
  const set = sets.find((s) => s.effectiveFrom <= ymd) ?? null;
  return { set, rules: set?.rules ?? RULE_PRESETS[DEFAULT_PRESET] };
}

export async function currentRules(db: Db, dealerId: string, timeZone: string, now = new Date()) {
  return rulesOn(await ruleSetsOf(db, dealerId), localParts(now, timeZone).ymd);
}

const toRuleSet = (s: StoredSet): RuleSet => ({ ...s, createdAt: s.createdAt.toISOString() });

export async function getRulesOverview(db: Db, actor: Actor) {
  if (!actor.permissions.has('callbacks:work') && !actor.permissions.has('callbacks:configure'))
    throw forbidden('callbacks:work');
  const dealerId = requireDealer(actor);
  const sets = await ruleSetsOf(db, dealerId);
  const tz = actor.dealers.find((d) => d.id === dealerId)?.timeZone ?? 'Asia/Shanghai';
  const { set, rules } = rulesOn(sets, localParts(new Date(), tz).ymd);
  return {
    current: { versionNo: set?.versionNo ?? null, presetKey: set ? set.presetKey : DEFAULT_PRESET, rules },
    versions: sets.map(toRuleSet),
    presets: RulePresetKey.options.map((key) => ({ key, rules: RULE_PRESETS[key] })),
  };
}

/** Saves a new version (never edits one): from a preset, or the rules given, effective from a date. */
export async function putRules(db: Db, actor: Actor, body: PutRulesRequest) {
  const dealerId = requireDealer(actor);
  const rules = body.rules ?? (body.presetKey ? RULE_PRESETS[body.presetKey] : undefined);
  if (!rules) throw new AppError('VALIDATION_FAILED', 'Give rules or a presetKey', { field: 'rules' });
  await db.transaction().execute(async (tx) => {
    await q.lockRuleSets(tx, dealerId);
    const versionNo = (await q.maxVersionNo(tx, dealerId)) + 1;
    const id = await q.insertRuleSet(tx, {
      dealerId,
      versionNo,
      effectiveFrom: body.effectiveFrom,
      presetKey: body.presetKey ?? null,
      rules: JSON.stringify(rules),
      note: body.note ?? '',
      createdBy: actor.userId,
    });
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'callbacks.rules.version',
      entityType: 'callback_rule_set',
      entityId: id,
      details: { versionNo, effectiveFrom: body.effectiveFrom, presetKey: body.presetKey ?? null },
    });
  });
  forgetRules(dealerId);
  return getRulesOverview(db, actor);
}
