import { ROLE_LABELS } from '../../../core/labels';
import { Paging } from '../../../core/contracts/common';
import type { User } from '../../../core/contracts/users';
import type { ListExportDef } from '../exports/list-export';
import { labels, pick } from '../exports/list-xlsx';
import { listUsers } from './users.service';

const ROLE_NAMES = labels(ROLE_LABELS.zh, ROLE_LABELS.en);

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
      rolesText: u.roles.map((r) => (ROLE_NAMES[r] ? pick(ROLE_NAMES[r], actor.locale) : r)).join('、'),
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
