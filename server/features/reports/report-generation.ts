import type { ReportKind } from '../../../core/contracts/reports';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../http/errors';
import { enqueue } from '../../jobs/outbox';
import type { KpiRow } from '../../../core/contracts/kpis';
import { openValidityAction } from './capa.service';
import { buildReportData, type Dealer } from './report-builders';
import { isMonthly, localDate, monthlyDueAt, periodOf } from './report-periods';
import * as q from './reports.queries';

/**
 * Generating a report: the snapshot of its period, written once per dealer + kind + period (re-generating a draft
 * refreshes it; a submitted report keeps its numbers). Daily and quarterly reports are mailed to their recipients
 * when generated; the monthly report is mailed when the team lead submits it (SPEC §4.15 step 2). Mails are jobs
 * in the same transaction (the outbox), one per address, deduplicated per report and address.
 */
export const SEND_REPORT_JOB = 'reports.send-email';
export const GENERATE_REPORT_JOB = 'reports.generate';
export const MONTHLY_DUE_DAY_PRESET = 10;

/** CONFIG presets of the recipients (SPEC §6 R2, R3, R8, R9) until the dealer admin sets them. */
export const RECIPIENT_PRESETS: Record<ReportKind, { roles: string[]; sendTime: string }> = {
  daily_aftersales: { roles: ['cs_supervisor'], sendTime: '18:00' },
  daily_sales: { roles: ['gm'], sendTime: '18:00' },
  monthly_sales: { roles: ['gm', 'sales_director'], sendTime: '08:00' },
  monthly_aftersales: { roles: ['gm', 'aftersales_director'], sendTime: '08:00' },
  quarterly_complaints: { roles: ['gm'], sendTime: '08:00' },
};

export async function loadDealer(db: Db, dealerId: string): Promise<Dealer> {
  const d = await q.findDealer(db, dealerId);
  if (!d) throw notFound('Dealer');
  return d;
}

/**
 * A monthly report of a month that is over and missed a validity threshold (SPEC §5.2, R19) opens the management
 * action item in the same transaction (once per dealer, month and line: capa.service openValidityAction). A month
 * still under way is not judged yet.
 */
export async function generateReport(db: Db, dealerId: string, kind: ReportKind, period: string, now = new Date()) {
  const dealer = await loadDealer(db, dealerId);
  const p = periodOf(kind, period);
  const data = await buildReportData(db, dealer, kind, p);
  const dueDay = (await q.findSettings(db, dealerId))?.monthlyDueDay ?? MONTHLY_DUE_DAY_PRESET;
  const dueAt = isMonthly(kind) ? monthlyDueAt(p, dueDay, dealer.timeZone) : null;
  const monthOver = localDate(now, dealer.timeZone) >= p.end;
  return db.transaction().execute(async (tx) => {
    const saved = await q.saveSnapshot(tx, { dealerId, kind, period, start: p.start, end: p.end, data, dueAt });
    if (saved.written && !isMonthly(kind)) await enqueueMails(tx, dealerId, kind, saved.id, `${kind}:${period}`);
    if (saved.written && monthOver && 'kpi' in data) {
      const m = data as { businessLine: 'sales' | 'after_sales'; kpi: KpiRow | null };
      await openValidityAction(tx, { dealerId, month: period, line: m.businessLine, reportId: saved.id, kpi: m.kpi });
    }
    return saved;
  });
}

/** One e-mail job per recipient address of the kind (configured addresses + users of the configured roles). */
export async function enqueueMails(tx: Db, dealerId: string, kind: ReportKind, reportId: string, tag: string) {
  const rec = (await q.findRecipients(tx, dealerId)).find((r) => r.kind === kind) ?? {
    emails: [],
    roles: RECIPIENT_PRESETS[kind].roles,
  };
  const emails = new Set([...rec.emails, ...(await q.findRoleEmails(tx, dealerId, rec.roles))]);
  for (const to of emails)
    await enqueue(tx, {
      dealerId,
      name: SEND_REPORT_JOB,
      payload: { reportId, to },
      dedupeKey: `report-mail:${tag}:${to}`,
    });
  return emails.size;
}

/** Refuses to regenerate what a user already signed off. */
export async function regenerate(db: Db, dealerId: string, kind: ReportKind, period: string) {
  const saved = await generateReport(db, dealerId, kind, period);
  if (!saved.written) throw new AppError('CONFLICT', 'The report was submitted; its numbers are final');
  return saved;
}
