import { StaffQuery, type Staff } from '../../../core/contracts/org';
import type { ListExportDef } from '../exports/list-export';
import { labels } from '../exports/list-xlsx';
import { listStaff } from './org.service';

export const DEPARTMENT_LABELS = labels(
  {
    customer_service: '客服部',
    after_sales: '售后服务部',
    sales: '销售部',
    quality: '质量管理部',
    management: '管理层',
    other: '其他',
  },
  {
    customer_service: 'Customer service',
    after_sales: 'After-sales service',
    sales: 'Sales',
    quality: 'Quality management',
    management: 'Management',
    other: 'Other',
  },
);

/**
 * 员工名录 as Excel (issue 7): the staff of `GET /api/staff` with the same department/search filter, read page by
 * page, phones masked as the directory shows them; it names people, so the export guard applies.
 */
export const STAFF_EXPORT: ListExportDef<typeof StaffQuery, Staff> = {
  path: '/api/staff',
  access: 'staff:read',
  query: StaffQuery,
  entity: 'staff',
  title: { zh: '员工名录', en: 'Staff directory' },
  personal: true,
  filterLabels: { department: { zh: '部门', en: 'department' }, q: { zh: '搜索', en: 'search' } },
  rows: async (db, actor, query) => (await listStaff(db, actor, query)).items,
  columns: [
    { header: { zh: '姓名', en: 'Name' }, width: 12, value: (r) => r.name },
    { header: { zh: '部门', en: 'Department' }, width: 14, value: (r) => r.department, labels: DEPARTMENT_LABELS },
    { header: { zh: '岗位', en: 'Position' }, width: 14, value: (r) => r.position },
    { header: { zh: '电话', en: 'Phone' }, width: 14, value: (r) => r.phoneMasked },
    { header: { zh: '邮箱', en: 'Email' }, width: 24, value: (r) => r.email },
    { header: { zh: '有账号', en: 'Has account' }, width: 8, type: 'bool', value: (r) => r.userId !== null },
    { header: { zh: '在职', en: 'Active' }, width: 7, type: 'bool', value: (r) => r.active },
  ],
};
