import { z } from 'zod';
import { CorrectionQuery } from '../../../core/contracts/corrections';
import { CustomerSearchQuery } from '../../../core/contracts/customers';
import { maskPhoneValue } from '../../../core/rules/customer-privacy';
import type { ListExportDef } from '../exports/list-export';
import { labels } from '../exports/list-xlsx';
import { listCorrections } from './corrections.service';
import { listInterference, searchCustomers } from './customers.service';

/**
 * Customer-information corrections (客户信息修正) and survey-interference flags (回访干扰预警) as Excel (issue 7):
 * the rows of their JSON lists, values masked as the lists show them, through the export guard.
 */

type Correction = Awaited<ReturnType<typeof listCorrections>>['items'][number];
type Flag = Awaited<ReturnType<typeof listInterference>>['items'][number];
type Found = Awaited<ReturnType<typeof searchCustomers>>['items'][number];
export const FlagQuery = z.object({}).strict();

export const CORRECTIONS_EXPORT: ListExportDef<typeof CorrectionQuery, Correction> = {
  path: '/api/corrections',
  access: 'corrections:create',
  query: CorrectionQuery,
  entity: 'corrections',
  title: { zh: '客户信息修正', en: 'Customer information corrections' },
  personal: true,
  filterLabels: { status: { zh: '状态', en: 'status' } },
  rows: async (db, actor, query) => (await listCorrections(db, actor, query.status)).items,
  columns: [
    { header: { zh: '发起时间', en: 'Raised' }, width: 17, type: 'datetime', value: (r) => r.raisedAt },
    { header: { zh: '客户', en: 'Customer' }, width: 12, value: (r) => r.customerName },
    {
      header: { zh: '字段', en: 'Field' },
      width: 10,
      value: (r) => r.field,
      labels: labels(
        {
          name: '姓名',
          mobile: '手机',
          landline: '座机',
          address: '地址',
          postcode: '邮编',
          email: '邮箱',
          gender: '性别',
          birthDate: '出生日期',
          employer: '工作单位',
        },
        {
          name: 'Name',
          mobile: 'Mobile',
          landline: 'Landline',
          address: 'Address',
          postcode: 'Postcode',
          email: 'E-mail',
          gender: 'Gender',
          birthDate: 'Birth date',
          employer: 'Employer',
        },
      ),
    },
    { header: { zh: '当前值', en: 'Current value' }, width: 18, value: (r) => r.currentValue },
    { header: { zh: '正确的值', en: 'Correct value' }, width: 18, value: (r) => r.proposedValue },
    { header: { zh: '发现途径', en: 'Found how' }, width: 18, value: (r) => r.foundHow },
    {
      header: { zh: '责任部门', en: 'Department' },
      width: 12,
      value: (r) => r.department,
      labels: labels(
        { after_sales: '售后服务部', sales: '销售部', customer_service: '客服部' },
        { after_sales: 'After-sales', sales: 'Sales', customer_service: 'Customer service' },
      ),
    },
    {
      header: { zh: '状态', en: 'Status' },
      width: 12,
      value: (r) => r.status,
      labels: labels(
        { open: '待修正', corrected: '已修正待确认', confirmed: '已确认', rejected: '已退回' },
        { open: 'To correct', corrected: 'Corrected, to confirm', confirmed: 'Confirmed', rejected: 'Sent back' },
      ),
    },
    { header: { zh: '修正期限', en: 'Due' }, width: 17, type: 'datetime', value: (r) => r.dueAt },
    { header: { zh: '超时', en: 'Overdue' }, width: 7, type: 'bool', value: (r) => r.overdue },
    { header: { zh: '发起人', en: 'Raised by' }, width: 10, value: (r) => r.raisedBy },
    { header: { zh: '修正时间', en: 'Corrected' }, width: 17, type: 'datetime', value: (r) => r.correctedAt },
    { header: { zh: '处理说明', en: 'Note' }, width: 24, value: (r) => r.resolutionNote },
    { header: { zh: '确认时间', en: 'Confirmed' }, width: 17, type: 'datetime', value: (r) => r.confirmedAt },
  ],
};

export const FLAGS_EXPORT: ListExportDef<typeof FlagQuery, Flag> = {
  path: '/api/customer-flags',
  access: 'customers:flags',
  query: FlagQuery,
  entity: 'customer-flags',
  title: { zh: '回访干扰预警', en: 'Survey-interference flags' },
  personal: true,
  rows: async (db, actor) => (await listInterference(db, actor)).items,
  columns: [
    {
      header: { zh: '预警类型', en: 'Kind' },
      width: 12,
      value: (r) => r.kind,
      labels: labels(
        { shared_phone: '共用号码', staff_phone: '员工号码' },
        { shared_phone: 'Shared number', staff_phone: 'Staff number' },
      ),
    },
    { header: { zh: '号码', en: 'Phone' }, width: 15, value: (r) => r.phone, group: 'contact' },
    { header: { zh: '客户数', en: 'Customers' }, width: 8, type: 'number', value: (r) => r.customerCount },
    { header: { zh: '员工', en: 'Staff' }, width: 10, value: (r) => r.staffName },
    {
      header: { zh: '涉及客户', en: 'Customers named' },
      width: 48,
      value: (r) => r.customers.map((c) => c.name).join('、'),
    },
  ],
};

/** At most this many matches in the search export: the search's own maximum page. */
const SEARCH_EXPORT_MAX = 100;

/**
 * 客户查询 results as Excel (issue 7): the best matches of `GET /api/customers` for the same search text (up to the
 * search's maximum of 100), phones masked even for a role that sees them in full on screen, through the export
 * guard.
 */
export const SEARCH_EXPORT: ListExportDef<typeof CustomerSearchQuery, Found> = {
  path: '/api/customers',
  access: 'customers:read',
  query: CustomerSearchQuery,
  entity: 'customer-search',
  title: { zh: '客户查询结果', en: 'Customer search' },
  personal: true,
  filterLabels: { q: { zh: '查询', en: 'search' } },
  // The search has no offset: one read of its largest page.
  rows: async (db, actor, query, page) =>
    page.offset > 0 ? [] : (await searchCustomers(db, actor, query.q, SEARCH_EXPORT_MAX)).items,
  columns: [
    { header: { zh: '客户', en: 'Customer' }, width: 16, value: (r) => r.name },
    {
      header: { zh: '类型', en: 'Kind' },
      width: 8,
      value: (r) => r.kind,
      labels: labels({ private: '个人', organisation: '单位' }, { private: 'Private', organisation: 'Organisation' }),
    },
    {
      header: { zh: '电话', en: 'Phone' },
      width: 14,
      group: 'contact',
      value: (r) => (r.phone === null || r.phone.includes('*') ? r.phone : maskPhoneValue(r.phone)),
    },
    {
      header: { zh: '车牌', en: 'Plates' },
      width: 14,
      value: (r) => r.vehicles.flatMap((v) => (v.plate ? [v.plate] : [])).join('、'),
    },
    {
      header: { zh: 'VIN', en: 'VIN' },
      width: 20,
      value: (r) => r.vehicles.flatMap((v) => (v.vin ? [v.vin] : [])).join('、'),
    },
    {
      header: { zh: '车型', en: 'Models' },
      width: 14,
      value: (r) => [...new Set(r.vehicles.flatMap((v) => (v.model ? [v.model] : [])))].join('、'),
    },
    { header: { zh: '回访干扰预警', en: 'Interference flag' }, width: 10, type: 'bool', value: (r) => r.flagged },
  ],
};
