import { CaseRules, type CaseRuleSet, type PutCaseRulesRequest } from '../../../core/contracts/cases';
import { toLocal } from '../../../core/rules/calendar';
import { DEFAULT_CASE_RULES } from '../../../core/rules/case-routing';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { appendAudit } from '../audit/audit.service';
import { requireDealer } from '../org/org.service';
import * as q from './case-rules.queries';
import { caseNow } from './case-clock';

/**
 * Case routing rules are per-dealer CONFIG, versioned with an effective date (SPEC §8.6 "(D) Rules are versioned
 * configuration with an effective date"; §9.2 C5–C7). The version in effect on the local date applies; a dealer
 * without any version works with DEFAULT_CASE_RULES (the P-AYT preset and the documented defaults).
 */

type Stored = Omit<CaseRuleSet, 'preset'>;

async function setsOf(db: Db, dealerId: string): Promise<Stored[]> {
  const rows = await q.findRuleSets(db, dealerId);
  return rows.map(({ rulesJson, ...r }) => ({ ...r, rules: CaseRules.parse(JSON.parse(rulesJson)) }));
}

/** The rules in effect for a dealer at an instant (local date in the dealer's zone). */
export async function caseRulesAt(db: Db, dealerId: string, timeZone: string, at: Date): Promise<CaseRules> {
  const ymd = toLocal({ timeZone }, at).ymd;
  return (await setsOf(db, dealerId)).find((s) => s.effectiveFrom <= ymd)?.rules ?? DEFAULT_CASE_RULES;
}

export async function getCaseRules(db: Db, actor: Actor): Promise<{ current: CaseRuleSet; versions: CaseRuleSet[] }> {
  const dealerId = requireDealer(actor);
  const tz = actor.dealers.find((d) => d.id === dealerId)?.timeZone ?? 'Asia/Shanghai';
  const sets = await setsOf(db, dealerId);
  const ymd = toLocal({ timeZone: tz }, caseNow()).ymd;
  const cur = sets.find((s) => s.effectiveFrom <= ymd);
  const preset: CaseRuleSet = {
    id: null,
    versionNo: 0,
    effectiveFrom: '1970-01-01',
    rules: DEFAULT_CASE_RULES,
    note: '',
    preset: true,
  };
  return {
    current: cur ? { ...cur, preset: false } : preset,
    versions: sets.map((s) => ({ ...s, preset: false })),
  };
}

/** Saves a new version (never edits one). */
export async function putCaseRules(db: Db, actor: Actor, body: PutCaseRulesRequest) {
  const dealerId = requireDealer(actor);
  await db.transaction().execute(async (tx) => {
    const id = await q.insertRuleSet(tx, {
      dealerId,
      effectiveFrom: body.effectiveFrom,
      rules: JSON.stringify(body.rules),
      note: body.note,
      createdBy: actor.userId,
    });
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'case-rules.update',
      entityType: 'case_routing_rules',
      entityId: id,
      ip: actor.ip,
      details: { effectiveFrom: body.effectiveFrom },
    });
  });
  return getCaseRules(db, actor);
}
