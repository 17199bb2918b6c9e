import type {
  ExportQuery,
  ReportDetail,
  ReportKind,
  ReportList,
  ReportListQuery,
  ReportSummary,
} from '../../../core/contracts/reports';
import type { FieldView } from '../../../core/rules/customer-privacy';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { permissionsFor } from '../customers/field-permissions';
import { requireDealer } from '../org/org.service';
import { findCapaOfReport } from './capa.queries';
import { guardPersonalExport } from './export-guard';
import { enqueueMails, loadDealer, regenerate } from './report-generation';
import { localDate } from './report-periods';
import { reportHtml } from './report-print';
import { maskReportData, personalRowCount } from './report-privacy';
import { REPORT_FORMS, reportSections } from './report-sections';
import { reportWorkbook, type ReportSheetMeta } from './report-xlsx';
import * as q from './reports.queries';

/**
 * Reports (issue 7 part 2, SPEC §4.15, §6): list, read (phones per the reader's permission), annotate and submit
 * (the CS team lead, before the CONFIG due day; late submissions are flagged overdue), print and export.
 */
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toSummary(r: q.ReportRow, now: Date): ReportSummary {
  const due = r.dueAt ? new Date(r.dueAt) : null;
  const doneAt = r.submittedAt ? new Date(r.submittedAt) : now;
  return {
    id: r.id,
    kind: r.kind as ReportKind,
    period: r.period,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    status: r.status as 'draft' | 'submitted',
    dueAt: iso(due),
    overdue: due !== null && doneAt >= due,
    generatedAt: iso(r.generatedAt)!,
    submittedAt: iso(r.submittedAt),
  };
}

async function loadReport(db: Db, actor: Actor, id: string) {
  const dealerId = requireDealer(actor);
  const r = await q.findReport(db, dealerId, id);
  if (!r) throw notFound('Report');
  return { dealerId, r };
}

async function phoneView(db: Db, actor: Actor, dealerId: string, forExport: boolean): Promise<FieldView> {
  const contact = (await permissionsFor(db, dealerId, actor.roles)).contact;
  return forExport && contact.view === 'full' && !contact.canExport ? 'masked' : contact.view;
}

async function withCapa(db: Db, r: q.ReportRow, data: Record<string, unknown>) {
  if (!r.kind.startsWith('monthly')) return data;
  return { ...data, capa: await findCapaOfReport(db, r.dealerId, r.id) };
}

export async function listReports(db: Db, actor: Actor, query: ReportListQuery): Promise<ReportList> {
  const dealerId = requireDealer(actor);
  const rows = await q.findReports(db, dealerId, query.kind ?? null, query.limit, query.offset);
  const now = new Date();
  return { items: rows.map((r) => toSummary(r, now)), total: rows[0]?.total ?? 0 };
}

export async function getReport(db: Db, actor: Actor, id: string): Promise<ReportDetail> {
  const { dealerId, r } = await loadReport(db, actor, id);
  const dealer = await loadDealer(db, dealerId);
  const data = maskReportData(await withCapa(db, r, r.data), await phoneView(db, actor, dealerId, false));
  return {
    ...toSummary(r, new Date()),
    ...REPORT_FORMS[r.kind as ReportKind],
    dealerName: dealer.name,
    annotations: r.annotations,
    submittedByName: r.submittedByName,
    data,
  };
}

export async function generate(db: Db, actor: Actor, kind: ReportKind, period: string) {
  const dealerId = requireDealer(actor);
  const saved = await regenerate(db, dealerId, kind, period);
  await appendAudit(db, {
    dealerId,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action: 'reports.generate',
    entityType: 'report',
    entityId: saved.id,
    details: { kind, period },
  });
  return getReport(db, actor, saved.id);
}

async function editDraft(db: Db, actor: Actor, id: string, change: (tx: Db, dealerId: string) => Promise<void>) {
  const dealerId = requireDealer(actor);
  await db.transaction().execute(async (tx) => {
    const r = await q.lockReport(tx, dealerId, id);
    if (!r) throw notFound('Report');
    if (r.status !== 'draft') throw new AppError('CONFLICT', 'The report was already submitted');
    await change(tx, dealerId);
  });
  return getReport(db, actor, id);
}

export const annotate = (db: Db, actor: Actor, id: string, annotations: string) =>
  editDraft(db, actor, id, (tx, dealerId) => q.setAnnotations(tx, dealerId, id, annotations));

/** Submits the report to its recipients (the monthly report: GM and directors, SPEC §4.15 step 2). */
export const submit = (db: Db, actor: Actor, id: string) =>
  editDraft(db, actor, id, async (tx, dealerId) => {
    const r = await q.findReport(tx, dealerId, id);
    await q.markSubmitted(tx, dealerId, id, actor.userId, new Date());
    await enqueueMails(tx, dealerId, r!.kind as ReportKind, id, `${r!.kind}:${r!.period}:submitted`);
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'reports.submit',
      entityType: 'report',
      entityId: id,
      details: { kind: r!.kind, period: r!.period, overdue: r!.dueAt !== null && new Date() >= new Date(r!.dueAt) },
    });
  });

/** The sections and sheet header of a stored report, with phones shown as `view` allows. */
export async function renderable(db: Db, r: q.ReportRow, view: FieldView, timeZone = 'Asia/Shanghai') {
  const dealer = await loadDealer(db, r.dealerId);
  const data = maskReportData(await withCapa(db, r, r.data), view);
  const form = REPORT_FORMS[r.kind as ReportKind];
  const meta: ReportSheetMeta = {
    dealerName: dealer.name,
    ...form,
    period: r.period,
    status: r.status === 'submitted' ? '已提交' : '草稿',
    annotations: r.annotations,
    generatedAt: localDate(new Date(r.generatedAt), dealer.timeZone ?? timeZone),
  };
  return { sections: reportSections(r.kind as ReportKind, data), meta, rows: personalRowCount(data), form };
}

export async function exportReport(db: Db, actor: Actor, id: string, query: ExportQuery) {
  const { dealerId, r } = await loadReport(db, actor, id);
  const view = await phoneView(db, actor, dealerId, true);
  const x = await renderable(db, r, view);
  await guardPersonalExport(db, actor, {
    dealerId,
    entityType: 'report',
    entityId: id,
    rows: x.rows,
    phones: view,
    reason: query.reason,
  });
  const buffer = await reportWorkbook(x.sections, x.meta);
  return { buffer, fileName: `${x.form.code}-${x.form.title}-${r.period}.xlsx` };
}

export async function printReport(db: Db, actor: Actor, id: string): Promise<string> {
  const { dealerId, r } = await loadReport(db, actor, id);
  const x = await renderable(db, r, await phoneView(db, actor, dealerId, false));
  return reportHtml(x.sections, x.meta);
}
