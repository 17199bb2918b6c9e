import { AuditQuery, type AuditEntry } from '../../../core/contracts/audit';
import type { ListExportDef } from '../exports/list-export';
import { labels } from '../exports/list-xlsx';
import { listAudit } from './audit.use-cases';

type AuditRow = AuditEntry & { dealer: string | null };

/**
 * The audit log as Excel (issue 7): the entries of `GET /api/audit` for the same action/outcome filter, newest
 * first, read page by page (at most the export's row limit; a wider log asks to narrow the filter). It names
 * users and their addresses, so the export guard applies and the export itself is audited.
 */
export const AUDIT_EXPORT: ListExportDef<typeof AuditQuery, AuditRow> = {
  path: '/api/audit',
  access: 'audit:read',
  query: AuditQuery,
  entity: 'audit-log',
  title: { zh: '审计日志', en: 'Audit log' },
  personal: true,
  filterLabels: { action: { zh: '操作', en: 'action' }, outcome: { zh: '结果', en: 'outcome' } },
  rows: async (db, actor, query) => {
    const dealers = new Map(actor.dealers.map((d) => [d.id, `${d.code} ${d.name}`]));
    return (await listAudit(db, actor, query)).items.map((e) => ({ ...e, dealer: dealers.get(e.dealerId) ?? null }));
  },
  columns: [
    { header: { zh: '时间', en: 'Time' }, width: 17, type: 'datetime', value: (r) => r.at },
    { header: { zh: '经销商', en: 'Dealer' }, width: 18, value: (r) => r.dealer ?? r.dealerId },
    { header: { zh: '序号', en: 'Seq.' }, width: 8, type: 'number', value: (r) => r.seq },
    { header: { zh: '用户', en: 'User' }, width: 14, value: (r) => r.actorUsername },
    { header: { zh: '操作', en: 'Action' }, width: 24, value: (r) => r.action },
    { header: { zh: '对象类型', en: 'Entity type' }, width: 16, value: (r) => r.entityType },
    { header: { zh: '对象', en: 'Entity' }, width: 20, value: (r) => r.entityId },
    {
      header: { zh: '结果', en: 'Outcome' },
      width: 8,
      value: (r) => r.outcome,
      labels: labels(
        { success: '成功', failure: '失败', denied: '拒绝' },
        { success: 'Success', failure: 'Failure', denied: 'Denied' },
      ),
    },
    { header: { zh: 'IP', en: 'IP' }, width: 15, value: (r) => r.ip },
    { header: { zh: '详情', en: 'Details' }, width: 50, value: (r) => JSON.stringify(r.details) },
  ],
};
