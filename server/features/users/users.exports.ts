import { Paging } from '../../../core/contracts/common';
import type { User } from '../../../core/contracts/users';
import type { ListExportDef } from '../exports/list-export';
import { labels, pick } from '../exports/list-xlsx';
import { listUsers } from './users.service';

const ROLE_LABELS = labels(
  {
    cs_agent: '客服专员',
    cs_lead: '客服组长',
    cs_supervisor: '客服主管',
    service_advisor: '服务顾问',
    sales_consultant: '销售顾问',
    aftersales_director: '售后服务总监',
    sales_director: '销售总监',
    quality: '质量管理部',
    gm: '总经理',
    dealer_admin: '经销商管理员',
    group_analyst: '集团分析员',
    system_admin: '系统管理员',
  },
  {
    cs_agent: 'CS agent',
    cs_lead: 'CS team lead',
    cs_supervisor: 'CS supervisor',
    service_advisor: 'Service advisor',
    sales_consultant: 'Sales consultant',
    aftersales_director: 'After-sales director',
    sales_director: 'Sales director',
    quality: 'Quality dept.',
    gm: 'General manager',
    dealer_admin: 'Dealer admin',
    group_analyst: 'Group analyst',
    system_admin: 'System admin',
  },
);

type UserRow = User & { rolesText: string; dealer: string | null };

/**
 * 用户管理 as Excel (issue 7): the accounts of `GET /api/users` the actor administers, read page by page, roles in
 * the user's language; it names people, so the export guard applies. Passwords never leave (the list has none).
 */
export const USERS_EXPORT: ListExportDef<typeof Paging, UserRow> = {
  path: '/api/users',
  access: 'users:read',
  query: Paging,
  entity: 'users',
  title: { zh: '用户账号', en: 'User accounts' },
  personal: true,
  rows: async (db, actor, query) => {
    const dealers = new Map(actor.dealers.map((d) => [d.id, d.name]));
    return (await listUsers(db, actor, query.limit, query.offset)).items.map((u) => ({
      ...u,
      rolesText: u.roles.map((r) => (ROLE_LABELS[r] ? pick(ROLE_LABELS[r], actor.locale) : r)).join('、'),
      dealer: u.dealerId ? (dealers.get(u.dealerId) ?? null) : null,
    }));
  },
  columns: [
    { header: { zh: '用户名', en: 'Username' }, width: 16, value: (r) => r.username },
    { header: { zh: '姓名', en: 'Name' }, width: 12, value: (r) => r.displayName },
    { header: { zh: '角色', en: 'Roles' }, width: 24, value: (r) => r.rolesText },
    { header: { zh: '经销商', en: 'Dealer' }, width: 18, value: (r) => r.dealer },
    { header: { zh: '语言', en: 'Language' }, width: 8, value: (r) => r.locale },
    { header: { zh: '已停用', en: 'Disabled' }, width: 8, type: 'bool', value: (r) => r.disabled },
    {
      header: { zh: '须改密码', en: 'Must change password' },
      width: 9,
      type: 'bool',
      value: (r) => r.mustChangePassword,
    },
    { header: { zh: '创建时间', en: 'Created' }, width: 17, type: 'datetime', value: (r) => r.createdAt },
    { header: { zh: '最近登录', en: 'Last login' }, width: 17, type: 'datetime', value: (r) => r.lastLoginAt },
  ],
};
