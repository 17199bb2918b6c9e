import { sql } from 'kysely';
import type { Answer, Question, VersionContent } from '../../../core/contracts/questionnaire-content';
import { permissionsOf, type Role } from '../../../core/permissions';
import { answerMap, checkAnswers, isShown } from '../../../core/rules/answers';
import { completeTaskWithResponse } from '../../features/callbacks/attempts.service';
import { linkNextResponse } from '../../features/callbacks/tasks.queries';
import { approveVersion, publishVersion } from '../../features/questionnaires/lifecycle.service';
import { createQuestionnaire, getVersion } from '../../features/questionnaires/questionnaires.service';
import { submitResponse } from '../../features/questionnaires/responses.service';
import { generateReport } from '../../features/reports/report-generation';
import { systemActor } from '../../features/imports/system-actor';
import type { Actor } from '../../http/actor';
import type { Db } from '../client';

/**
 * Demo surveys: every demo dealer gets the four AYT questionnaires published from the presets (so the
 * workbench, the on-site page and the mobile link work at once), and about half of the callback tasks
 * that fell due before today answered by the dealer's agent through the real services, about one in eight
 * of them dissatisfied, so dashboards, registers and the closed loop have something to show.
 */
const QUESTIONNAIRES = [
  { preset: 'after-sales-phone', code: 'AYT-JL-客服-04' },
  { preset: 'sales-phone', code: 'AYT-JL-客服-08' },
  { preset: 'after-sales-on-site', code: 'AYT-JL-客服-01' },
  { preset: 'sales-on-site', code: 'AYT-JL-客服-06' },
];

function actorAs(base: Actor, userId: string, displayName: string, roles: Role[]): Actor {
  return { ...base, userId, username: displayName, displayName, roles, permissions: permissionsOf(roles) };
}

/** A deterministic, plausible answer for each shown question; `unhappy` picks the lowest level of ratings. */
function answersFor(content: VersionContent, seed: number, unhappy: boolean): Answer[] {
  const out: Answer[] = [];
  for (const [i, q] of content.questions.entries()) {
    if (!isShown(content, q, answerMap(out))) continue;
    const a = answerOf(q, seed + i, unhappy && i === firstRating(content));
    if (a) out.push(a);
  }
  return out;
}

const firstRating = (content: VersionContent) => content.questions.findIndex((q) => q.type === 'rating');

function answerOf(q: Question, n: number, low: boolean): Answer | null {
  const base = { question: q.key, na: false, comment: '' };
  if (q.type === 'rating' && q.scale?.kind === 'levels') {
    const levels = q.scale.levels;
    const pick = low ? levels[levels.length - 1] : levels[n % 3 === 0 ? 1 : 0];
    return pick ? { ...base, value: pick.key, comment: low ? '等待时间太长，没有人主动说明进度' : '' } : null;
  }
  if (q.type === 'rating' && q.scale?.kind === 'range')
    return { ...base, value: low ? q.scale.min : q.scale.max - (n % 2) };
  if (q.type === 'yes_no') return { ...base, value: q.yesIsGood };
  if ((q.type === 'single' || q.type === 'reason') && q.options[0]) return { ...base, value: q.options[0].key };
  if (q.type === 'multi' && q.options[0]) return { ...base, value: [q.options[0].key] };
  if (q.type === 'text' && q.mandatory) return { ...base, value: '车辆使用正常' };
  return null;
}

async function publishAll(db: Db, sup: Actor, gm: Actor) {
  for (const { preset, code } of QUESTIONNAIRES) {
    const exists = await sql<{ n: number }>`
      select count(*)::int as n from questionnaire_templates where dealer_id = ${sup.currentDealerId} and code = ${code}`.execute(
      db,
    );
    if (exists.rows[0]!.n > 0) continue;
    const { versionId } = await createQuestionnaire(db, sup, { presetKey: preset, code });
    await approveVersion(db, gm, versionId);
    await publishVersion(db, sup, versionId);
  }
}

async function answerPastTasks(db: Db, agent: Actor, dealerId: string, timeZone: string) {
  // Each call is dated inside its task's due window, in office hours of the dealer's day, so the dashboards'
  // trends and the past months' reports show the three months of demo history, not one burst today.
  const tasks = await sql<{ id: string; versionId: string; n: number; at: Date }>`
    select id, "versionId", n,
      ((due_start + n % greatest(due_end - due_start + 1, 1))::timestamp
        + interval '9 hours 20 minutes' + (n * 37 % 480) * interval '1 minute') at time zone ${timeZone} as at
    from (
      select t.id, v.id as "versionId", t.due_start, t.due_end, row_number() over (order by t.due_start, t.id)::int as n
      from callback_tasks t
      join questionnaire_templates qt on qt.dealer_id = t.dealer_id and qt.code = t.questionnaire_code
      join questionnaire_versions v on v.dealer_id = t.dealer_id and v.template_id = qt.id and v.status = 'published'
      where t.dealer_id = ${dealerId} and t.status = 'PENDING' and t.type in ('AS_PHONE', 'SALES_PHONE')
        and t.due_end < (now() at time zone ${timeZone})::date - 1
    ) due`.execute(db);
  let done = 0;
  for (const t of tasks.rows) {
    if (t.n % 2 === 0) continue; // about half answered; the rest stay in the queue
    const version = await getVersion(db, agent, t.versionId);
    const answers = answersFor(version.content, t.n, t.n % 8 === 1);
    if (checkAnswers(version.content, answers).length) continue;
    await db.transaction().execute(async (tx) => {
      await linkNextResponse(tx, t.id);
      const at = new Date(t.at);
      const responseId = await submitResponse(
        tx,
        agent,
        { versionId: t.versionId, answers, respondentRelation: 'owner' },
        { submittedAt: at },
      );
      await completeTaskWithResponse(tx, agent, t.id, responseId, at);
    });
    done++;
  }
  return done;
}

/** Publishes the demo questionnaires and answers past demo callbacks for every dealer with demo users. */
export async function seedDemoSurveys(db: Db): Promise<number> {
  const dealers = await sql<{ id: string; code: string; name: string; regionId: string; timeZone: string }>`
    select id, code, name, region_id as "regionId", time_zone as "timeZone"
    from dealers where code in ('SH001', 'HZ002', 'CD003')`.execute(db);
  let total = 0;
  for (const d of dealers.rows) {
    const users = await sql<{ id: string; roles: string[] }>`
      select u.id, u.roles from users u where u.dealer_id = ${d.id} and u.disabled_at is null order by u.created_at`.execute(
      db,
    );
    const pick = (role: string) => users.rows.find((u) => u.roles.includes(role)) ?? users.rows[0];
    const [sup, gm, agent] = [pick('cs_supervisor'), pick('gm'), pick('cs_agent')];
    if (!sup || !gm || !agent) continue;
    const base = systemActor(d, 'demo');
    await publishAll(
      db,
      actorAs(base, sup.id, '演示数据', ['cs_supervisor']),
      actorAs(base, gm.id, '演示数据', ['gm']),
    );
    total += await answerPastTasks(db, actorAs(base, agent.id, '演示数据', ['cs_agent']), d.id, d.timeZone);
    await generatePastMonthlyReports(db, d.id, d.timeZone);
  }
  return total;
}

/**
 * The monthly reports of the demo's finished months, as the schedule would have generated them on each 1st
 * (drafts for the team lead; a month that missed a validity threshold opens its management action item).
 */
async function generatePastMonthlyReports(db: Db, dealerId: string, timeZone: string) {
  const months = await sql<{ month: string }>`
    select distinct to_char(date_trunc('month', r.submitted_at at time zone ${timeZone}), 'YYYY-MM') as month
    from survey_responses r
    where r.dealer_id = ${dealerId}
      and r.submitted_at < date_trunc('month', now() at time zone ${timeZone}) at time zone ${timeZone}
    order by month`.execute(db);
  for (const { month } of months.rows)
    for (const kind of ['monthly_aftersales', 'monthly_sales'] as const)
      await generateReport(db, dealerId, kind, month);
}
