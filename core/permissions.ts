/**
 * Role → permission matrix: the single source of truth for who may do what (SPEC §2.2–§2.3).
 * Every API route declares one permission from PERMISSIONS; the web menu reads the same table.
 */
export const ROLES = [
  'cs_agent', // 客服专员
  'cs_lead', // 客服组长
  'cs_supervisor', // 客服主管
  'service_advisor', // 服务顾问
  'sales_consultant', // 销售顾问
  'aftersales_director', // 售后服务总监
  'sales_director', // 销售总监
  'quality', // 质量管理部
  'gm', // 总经理
  'dealer_admin',
  'group_analyst', // spans dealers
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose users may belong to a group or region instead of one dealer. */
export const SPANNING_ROLES: readonly Role[] = ['group_analyst', 'system_admin'];

export const PERMISSIONS = [
  'dashboard:view',
  'org:read',
  'org:manage',
  'staff:read',
  'staff:manage',
  'users:read',
  'users:manage',
  'audit:read',
  'audit:verify',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERY_DEALER_ROLE: readonly Permission[] = ['dashboard:view', 'org:read', 'staff:read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  cs_agent: EVERY_DEALER_ROLE,
  cs_lead: EVERY_DEALER_ROLE,
  cs_supervisor: [...EVERY_DEALER_ROLE, 'audit:read'],
  service_advisor: EVERY_DEALER_ROLE,
  sales_consultant: EVERY_DEALER_ROLE,
  aftersales_director: EVERY_DEALER_ROLE,
  sales_director: EVERY_DEALER_ROLE,
  quality: EVERY_DEALER_ROLE,
  gm: [...EVERY_DEALER_ROLE, 'users:read', 'audit:read'],
  dealer_admin: [...EVERY_DEALER_ROLE, 'staff:manage', 'users:read', 'users:manage', 'audit:read'],
  group_analyst: ['dashboard:view', 'org:read', 'staff:read'],
  system_admin: [
    'dashboard:view',
    'org:read',
    'org:manage',
    'staff:read',
    'staff:manage',
    'users:read',
    'users:manage',
    'audit:read',
    'audit:verify',
  ],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) out.add(p);
  return out;
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Which roles an administrator holding `adminRoles` may grant. Spanning roles need a system admin. */
export function grantableRoles(adminRoles: readonly Role[]): Role[] {
  if (adminRoles.includes('system_admin')) return [...ROLES];
  if (adminRoles.includes('dealer_admin')) return ROLES.filter((r) => !SPANNING_ROLES.includes(r));
  return [];
}
