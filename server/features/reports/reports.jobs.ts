import { z } from 'zod';
import { REPORT_KINDS, ReportKind } from '../../../core/contracts/reports';
import type { Db } from '../../db/client';
import { enqueue, registerJob } from '../../jobs/outbox';
import { getMailer } from '../../integrations/mailer/mailer';
import { GENERATE_REPORT_JOB, generateReport, RECIPIENT_PRESETS, SEND_REPORT_JOB } from './report-generation';
import { isDaily, localDate, previousPeriod } from './report-periods';
import { reportWorkbook } from './report-xlsx';
import { renderable } from './reports.service';
import * as q from './reports.queries';

/**
 * Report jobs: generation (daily at the CONFIG send time, monthly on the 1st, quarterly on the 1st of the quarter;
 * one job per dealer + kind + period through the dedupe key) and the e-mail copy with the Excel file attached.
 * E-mail copies always carry masked phones (they leave the permission system).
 */
registerJob(GENERATE_REPORT_JOB, z.object({ kind: ReportKind, period: z.string() }), async (p, ctx) => {
  await generateReport(ctx.db, ctx.dealerId, p.kind, p.period);
});

registerJob(SEND_REPORT_JOB, z.object({ reportId: z.uuid(), to: z.string() }), async (p, ctx) => {
  const r = await q.findReport(ctx.db, ctx.dealerId, p.reportId);
  if (!r) return;
  const mailer = getMailer(ctx.config);
  if (!mailer) {
    ctx.log('report e-mail skipped: no SMTP server configured (MANYI_SMTP_URL)', { reportId: r.id });
    return;
  }
  const x = await renderable(ctx.db, r, 'masked');
  const content = await reportWorkbook(x.sections, x.meta);
  const name = `${x.meta.dealerName}${x.form.title}（${r.period}）`;
  await mailer.send({
    to: p.to,
    subject: name,
    text: `${name}\n表格编号：${x.form.code}\n请查阅附件。\n\n${r.annotations}`,
    idempotencyKey: `report-${r.id}-${r.status}-${p.to}`,
    attachments: [{ filename: `${x.form.code}-${r.period}.xlsx`, content }],
  });
});

/** Every 15 minutes: queue the reports whose time has come (idempotent per dealer + kind + period). */
export const REPORT_SCHEDULE = '*/15 * * * *';

function dueNow(kind: ReportKind, today: string, hhmm: string, sendTime: string): string | null {
  if (isDaily(kind)) return hhmm >= sendTime ? today : null;
  const firstOfPeriod = kind === 'quarterly_complaints' ? ['01', '04', '07', '10'].includes(today.slice(5, 7)) : true;
  if (!firstOfPeriod || hhmm < sendTime) return null;
  return previousPeriod(kind, today);
}

export async function runReportSchedule(db: Db, now = new Date()): Promise<number> {
  let queued = 0;
  for (const dealerId of await q.findActiveDealerIds(db)) {
    const dealer = await q.findDealer(db, dealerId);
    if (!dealer) continue;
    const today = localDate(now, dealer.timeZone);
    const hhmm = new Intl.DateTimeFormat('en-GB', {
      timeZone: dealer.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(now);
    const recipients = await q.findRecipients(db, dealerId);
    for (const kind of REPORT_KINDS) {
      const sendTime = recipients.find((r) => r.kind === kind)?.sendTime ?? RECIPIENT_PRESETS[kind].sendTime;
      const period = dueNow(kind, today, hhmm, sendTime);
      if (!period) continue;
      const id = await enqueue(db, {
        dealerId,
        name: GENERATE_REPORT_JOB,
        payload: { kind, period },
        dedupeKey: `report-gen:${kind}:${period}`,
      });
      if (id) queued++;
    }
  }
  return queued;
}
