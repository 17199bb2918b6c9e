import type { CallScriptInput, ScriptLine, WorkbenchContext } from '../../../core/contracts/workbench';
import {
  customerTitle,
  PRESET_SCRIPTS,
  renderScript,
  scriptLineOf,
  type ScriptTemplate,
} from '../../../core/rules/call-script';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { requireDealer } from '../org/org.service';
import * as q from './workbench.queries';

/**
 * The agent workbench (SPEC §8.7): the order in full, the call script filled for this customer (§7.6,
 * §4.11, §4.1) and the remaining queue. The callback task itself (customer, phones, attempts, the
 * questionnaire version) comes from the callbacks API; this adds only what that view does not carry.
 */

const zoneOf = (actor: Actor, dealerId: string) =>
  actor.dealers.find((d) => d.id === dealerId)?.timeZone ?? 'Asia/Shanghai';

/** Today's date (YYYY-MM-DD) in the dealer's time zone. */
const localYmd = (now: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);

/** 2026-11-20 → 2026年11月20日 (how the greeting says the visit date). */
export function spokenDate(ymd: string | null): string | null {
  const m = ymd ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : null;
}

async function scriptsOf(db: Db, dealerId: string) {
  const rows = await q.findScripts(db, dealerId);
  const out = {} as Record<ScriptLine, ScriptTemplate & { preset: boolean; updatedAt: string | null }>;
  for (const line of ['after_sales', 'sales'] as const) {
    const r = rows.find((x) => x.businessLine === line);
    out[line] = r
      ? {
          greeting: r.greeting,
          identityCheck: r.identityCheck,
          closing: r.closing,
          hints: r.hints as string[],
          preset: false,
          updatedAt: r.updatedAt.toISOString(),
        }
      : { ...PRESET_SCRIPTS[line], preset: true, updatedAt: null };
  }
  return out;
}

function orderOf(t: q.TaskOrderRow): WorkbenchContext['order'] {
  if (t.sourceKind === 'repair_order' && t.roNumber !== null)
    return {
      kind: 'repair_order',
      number: t.roNumber,
      date: t.settledOn,
      deliveryDate: t.pickedUpOn,
      repairType: t.repairType,
      amount: t.amountFen === null ? null : Number(t.amountFen) / 100,
      mileageKm: t.mileageKm,
      staffName: t.advisorName,
      saleType: null,
      model: t.model,
    };
  if (t.sourceKind === 'sale' && t.saleDate !== null)
    return {
      kind: 'sale',
      number: t.vin,
      date: t.saleDate,
      deliveryDate: t.deliveryDate,
      repairType: null,
      amount: null,
      mileageKm: null,
      staffName: t.consultantName,
      saleType: t.saleType,
      model: t.model,
    };
  return null;
}

/** Everything the workbench shows beside the task: the order and the filled script. */
export async function getContext(db: Db, actor: Actor, taskId: string): Promise<WorkbenchContext> {
  const dealerId = requireDealer(actor);
  const t = await q.findTaskOrder(db, dealerId, taskId);
  if (!t) throw notFound('Callback task');
  const line = scriptLineOf(t.type, t.sourceKind);
  const scripts = await scriptsOf(db, dealerId);
  const order = orderOf(t);
  const title = customerTitle(t.gender);
  const script = renderScript(scripts[line], {
    dealer: t.dealerName,
    agent: actor.displayName,
    customer: t.customerName,
    title,
    date: spokenDate(order?.date ?? null),
    repairType: order?.repairType ?? null,
    model: t.model,
    orderNumber: order?.number ?? null,
  });
  return {
    taskId: t.id,
    line,
    dealerName: t.dealerName,
    agentName: actor.displayName,
    customerTitle: title,
    customerGender: t.gender === 'male' || t.gender === 'female' ? t.gender : null,
    order,
    script,
  };
}

export async function today(db: Db, actor: Actor) {
  const dealerId = requireDealer(actor);
  const ymd = localYmd(new Date(), zoneOf(actor, dealerId));
  return { remaining: await q.countRemaining(db, dealerId, actor.userId, ymd) };
}

export async function listScripts(db: Db, actor: Actor) {
  const scripts = await scriptsOf(db, requireDealer(actor));
  return { items: (['after_sales', 'sales'] as const).map((line) => ({ line, ...scripts[line] })) };
}

/** Saves the dealer's script for one line (CONFIG, SPEC §7.6); audited with the previous text. */
export async function saveScript(db: Db, actor: Actor, line: ScriptLine, input: CallScriptInput) {
  const dealerId = requireDealer(actor);
  const before = (await scriptsOf(db, dealerId))[line];
  await db.transaction().execute(async (tx) => {
    await q.upsertScript(tx, {
      dealerId,
      businessLine: line,
      greeting: input.greeting,
      identityCheck: input.identityCheck,
      closing: input.closing,
      hints: JSON.stringify(input.hints),
      updatedBy: actor.userId,
    });
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'workbench.script.save',
      entityType: 'call_script',
      entityId: line,
      details: { before: { greeting: before.greeting, preset: before.preset }, after: { greeting: input.greeting } },
    });
  });
  return (await listScripts(db, actor)).items.find((s) => s.line === line)!;
}
