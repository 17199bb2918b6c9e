import type { Department } from '../../../core/contracts/org';
import type { Role } from '../../../core/permissions';

/** The demo organisation: one group, two regions, three dealers (SPEC §2.1 units, Chinese names). */
export const DEMO_GROUP = { code: 'HSG', name: '华晟汽车销售服务集团' };
export const DEMO_REGIONS = [
  { code: 'EAST', name: '华东大区' },
  { code: 'SOUTHWEST', name: '西南大区' },
];
export const DEMO_DEALERS = [
  {
    code: 'SH001',
    name: '上海华晟东风标致4S店',
    region: 'EAST',
    timeZone: 'Asia/Shanghai',
    open: '08:30',
    close: '18:00',
  },
  {
    code: 'HZ002',
    name: '杭州华晟之星汽车4S店',
    region: 'EAST',
    timeZone: 'Asia/Shanghai',
    open: '08:30',
    close: '17:30',
  },
  {
    code: 'CD003',
    name: '成都华晟川汽4S店',
    region: 'SOUTHWEST',
    timeZone: 'Asia/Shanghai',
    open: '09:00',
    close: '18:00',
  },
];

/** One demo user per role, username = role name; spanning roles belong to the group. */
export const DEMO_USERS: { username: string; displayName: string; roles: Role[]; dealer?: string }[] = [
  { username: 'cs_agent', displayName: '李晓梅', roles: ['cs_agent'], dealer: 'SH001' },
  { username: 'cs_lead', displayName: '王芳', roles: ['cs_lead'], dealer: 'SH001' },
  { username: 'cs_supervisor', displayName: '陈静', roles: ['cs_supervisor'], dealer: 'SH001' },
  { username: 'service_advisor', displayName: '张伟', roles: ['service_advisor'], dealer: 'SH001' },
  { username: 'sales_consultant', displayName: '刘洋', roles: ['sales_consultant'], dealer: 'SH001' },
  { username: 'aftersales_director', displayName: '赵建国', roles: ['aftersales_director'], dealer: 'SH001' },
  { username: 'sales_director', displayName: '孙志强', roles: ['sales_director'], dealer: 'SH001' },
  { username: 'quality', displayName: '周敏', roles: ['quality'], dealer: 'SH001' },
  { username: 'gm', displayName: '吴海涛', roles: ['gm'], dealer: 'SH001' },
  { username: 'dealer_admin', displayName: '郑丽', roles: ['dealer_admin'], dealer: 'SH001' },
  { username: 'group_analyst', displayName: '钱思远', roles: ['group_analyst'] },
  { username: 'system_admin', displayName: '系统管理员', roles: ['system_admin'] },
  { username: 'hz_admin', displayName: '冯婷', roles: ['dealer_admin'], dealer: 'HZ002' },
  { username: 'hz_agent', displayName: '何雪', roles: ['cs_agent'], dealer: 'HZ002' },
  { username: 'cd_admin', displayName: '罗军', roles: ['dealer_admin'], dealer: 'CD003' },
  { username: 'cd_agent', displayName: '唐丹', roles: ['cs_agent'], dealer: 'CD003' },
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '强',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '丽',
  '华',
  '建华',
  '海燕',
  '志刚',
  '晓东',
  '文博',
  '雨桐',
];

/** The staff record (department and position) that goes with each demo user's role. */
export const DEMO_STAFF_ROLE: Record<Role, { department: Department; position: string }> = {
  cs_agent: { department: 'customer_service', position: '客服专员' },
  cs_lead: { department: 'customer_service', position: '客服组长' },
  cs_supervisor: { department: 'customer_service', position: '客服主管' },
  service_advisor: { department: 'after_sales', position: '服务顾问' },
  sales_consultant: { department: 'sales', position: '销售顾问' },
  aftersales_director: { department: 'after_sales', position: '售后服务总监' },
  sales_director: { department: 'sales', position: '销售总监' },
  quality: { department: 'quality', position: '质量工程师' },
  gm: { department: 'management', position: '总经理' },
  dealer_admin: { department: 'management', position: '系统管理员' },
  group_analyst: { department: 'management', position: '集团分析员' },
  system_admin: { department: 'management', position: '系统管理员' },
};

/** Staff per dealer for the later capabilities: agents, advisors, consultants, managers. */
export const STAFF_PLAN: { department: Department; position: string; count: number }[] = [
  { department: 'customer_service', position: '客服专员', count: 4 },
  { department: 'customer_service', position: '客服组长', count: 1 },
  { department: 'customer_service', position: '客服主管', count: 1 },
  { department: 'after_sales', position: '服务顾问', count: 6 },
  { department: 'after_sales', position: '售后服务总监', count: 1 },
  { department: 'after_sales', position: '车间主管', count: 1 },
  { department: 'after_sales', position: '配件主管', count: 1 },
  { department: 'sales', position: '销售顾问', count: 6 },
  { department: 'sales', position: '销售经理', count: 1 },
  { department: 'sales', position: '销售总监', count: 1 },
  { department: 'quality', position: '质量工程师', count: 1 },
  { department: 'management', position: '总经理', count: 1 },
];

/** Deterministic Chinese name and mobile number for the n-th demo staff member. */
export function demoPerson(n: number): { name: string; phone: string } {
  const surname = SURNAMES[(n * 7) % SURNAMES.length] ?? '王';
  const given = GIVEN[(n * 11) % GIVEN.length] ?? '伟';
  const prefix = ['138', '139', '136', '186', '158', '177', '150', '135'][n % 8] ?? '138';
  const phone = `${prefix}${String(10_000_000 + ((n * 7_919_113) % 89_999_999)).slice(-8)}`;
  return { name: `${surname}${given}`, phone };
}
