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
  'customers:read',
  'customers:consent',
  'customers:privacy',
  'customers:flags',
  'imports:run',
  'corrections:create',
  'corrections:resolve',
  'corrections:confirm',
  'questionnaires:read',
  'questionnaires:manage',
  'questionnaires:approve',
  'questionnaires:configure',
  'responses:create',
  'responses:annotate',
  'callbacks:work',
  'callbacks:lead',
  'callbacks:configure',
  'callbacks:fix-contact',
  'faq:read',
  'faq:manage',
  'calendar:manage',
  'notifications:manage',
  'complaints:read',
  'complaints:create',
  'complaints:handle',
  'complaints:check',
  'penalties:propose',
  'penalties:approve',
  'penalties:configure',
  'appeals:file',
  'appeals:rule',
  'hotline:log',
  'forum:monitor',
  'registers:read',
  'cases:create',
  'cases:read',
  'cases:handle',
  'cases:escalated',
  'cases:configure',
  'kpis:read',
  'kpis:benchmark',
  'kpis:configure',
  'reports:read',
  'reports:annotate',
  'reports:configure',
  'capa:manage',
  'capa:approve',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERY_DEALER_ROLE: readonly Permission[] = [
  'dashboard:view',
  'org:read',
  'staff:read',
  'customers:read',
  'corrections:create',
];
/** Department managers fix customer data within 24 h (WF-14). */
const RESOLVE: readonly Permission[] = ['corrections:resolve'];
/** Customer-facing staff record consent given on the phone, at the counter or on paper. */
const CONSENT: readonly Permission[] = ['customers:consent'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  cs_agent: [...EVERY_DEALER_ROLE, ...CONSENT],
  cs_lead: [...EVERY_DEALER_ROLE, ...CONSENT, 'imports:run', 'corrections:confirm'],
  cs_supervisor: [
    ...EVERY_DEALER_ROLE,
    'audit:read',
    ...CONSENT,
    'imports:run',
    'customers:flags',
    'corrections:confirm',
  ],
  service_advisor: [...EVERY_DEALER_ROLE, ...CONSENT],
  sales_consultant: [...EVERY_DEALER_ROLE, ...CONSENT],
  aftersales_director: [...EVERY_DEALER_ROLE, ...RESOLVE],
  sales_director: [...EVERY_DEALER_ROLE, ...RESOLVE],
  quality: EVERY_DEALER_ROLE,
  gm: [...EVERY_DEALER_ROLE, 'users:read', 'audit:read', 'customers:flags', ...RESOLVE],
  dealer_admin: [
    ...EVERY_DEALER_ROLE,
    'staff:manage',
    'users:read',
    'users:manage',
    'audit:read',
    ...CONSENT,
    'customers:privacy',
    'imports:run',
    ...RESOLVE,
  ],
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

/**
 * Questionnaires and survey responses (SPEC §3.7–§3.8, §8.5). `questionnaires:approve` marks the roles that
 * may ever sign off; each dealer narrows it with its approver roles (preset: the GM).
 */
const QUESTIONNAIRE_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  cs_agent: ['questionnaires:read', 'responses:create'],
  cs_lead: ['questionnaires:read', 'questionnaires:manage', 'responses:create'],
  cs_supervisor: ['questionnaires:read', 'questionnaires:manage', 'responses:create', 'responses:annotate'],
  aftersales_director: ['questionnaires:read', 'questionnaires:approve'],
  sales_director: ['questionnaires:read', 'questionnaires:approve'],
  quality: ['questionnaires:read'],
  gm: ['questionnaires:read', 'questionnaires:approve'],
  dealer_admin: ['questionnaires:read', 'questionnaires:manage', 'questionnaires:configure'],
  group_analyst: ['questionnaires:read'],
  system_admin: ['questionnaires:read', 'questionnaires:manage'],
};
for (const [role, extra] of Object.entries(QUESTIONNAIRE_PERMISSIONS) as [Role, readonly Permission[]][])
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], ...extra];

/** FAQ knowledge base (SPEC §3.11): every dealer role reads it; CS management and the quality department edit it. */
const FAQ_MANAGERS: readonly Role[] = ['cs_supervisor', 'cs_lead', 'dealer_admin', 'aftersales_director', 'quality'];
for (const role of ROLES.filter((r) => !SPANNING_ROLES.includes(r)))
  ROLE_PERMISSIONS[role] = [
    ...ROLE_PERMISSIONS[role],
    'faq:read',
    ...(FAQ_MANAGERS.includes(role) ? ['faq:manage' as const] : []),
  ];

/** Working calendar, WeCom group robots and role notification defaults (issue 6): the dealer admin. */
ROLE_PERMISSIONS.dealer_admin = [...ROLE_PERMISSIONS.dealer_admin, 'calendar:manage', 'notifications:manage'];

/**
 * Callbacks (SPEC §3.5–§3.6, §4.6): agents work the queue; leads and supervisors see all of it and
 * reassign; the dealer admin and supervisor version the rules; SAs, sales consultants and their directors
 * fix wrong contact data handed to them.
 */
const CALLBACK_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  cs_agent: ['callbacks:work'],
  cs_lead: ['callbacks:work', 'callbacks:lead'],
  cs_supervisor: ['callbacks:work', 'callbacks:lead', 'callbacks:configure'],
  dealer_admin: ['callbacks:configure'],
  service_advisor: ['callbacks:fix-contact'],
  sales_consultant: ['callbacks:fix-contact'],
  aftersales_director: ['callbacks:fix-contact'],
  sales_director: ['callbacks:fix-contact'],
};
for (const [role, extra] of Object.entries(CALLBACK_PERMISSIONS) as [Role, readonly Permission[]][])
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], ...extra];

/**
 * Complaints, penalties, appeals (SPEC WF-8–WF-10, §5.7): CS registers and checks complaints, logs the hotline
 * and watches forums; department heads handle their department's complaints and approve penalties (directors
 * and the GM); the GM rules on appeals; every staff member with an account sees their own penalties and may
 * appeal them (`appeals:file`).
 */
const COMPLAINT_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  cs_agent: ['complaints:read', 'complaints:create', 'hotline:log', 'forum:monitor'],
  cs_lead: ['complaints:read', 'complaints:create', 'complaints:check', 'hotline:log', 'forum:monitor'],
  cs_supervisor: [
    'complaints:read',
    'complaints:create',
    'complaints:check',
    'complaints:handle',
    'penalties:propose',
    'hotline:log',
    'forum:monitor',
  ],
  aftersales_director: ['complaints:read', 'complaints:handle', 'penalties:propose', 'penalties:approve'],
  sales_director: ['complaints:read', 'complaints:handle', 'penalties:propose', 'penalties:approve'],
  quality: ['complaints:read', 'complaints:handle', 'forum:monitor'],
  gm: ['complaints:read', 'complaints:handle', 'penalties:propose', 'penalties:approve', 'appeals:rule'],
  dealer_admin: ['complaints:read', 'penalties:configure'],
};
for (const role of ROLES.filter((r) => !SPANNING_ROLES.includes(r)))
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], ...(COMPLAINT_PERMISSIONS[role] ?? []), 'appeals:file'];

/** Registers (登记表, SPEC §3.13): the CS roles, the directors, the GM and the quality department read them. */
const REGISTER_READERS: readonly Role[] = [
  'cs_agent',
  'cs_lead',
  'cs_supervisor',
  'aftersales_director',
  'sales_director',
  'gm',
  'quality',
];
for (const role of REGISTER_READERS) ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], 'registers:read'];

/**
 * Dissatisfaction cases, the closed loop (SPEC §2.3, §3.9, §4.7): CS roles open them and do the second callback;
 * directors, department managers (quality), SAs and sales consultants answer those routed to them; the CS
 * supervisor and the GM oversee every case of the dealer and receive escalations; the supervisor and the dealer
 * admin version the routing rules.
 */
const CASE_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  cs_agent: ['cases:read', 'cases:create'],
  cs_lead: ['cases:read', 'cases:create', 'cases:escalated'],
  cs_supervisor: ['cases:read', 'cases:create', 'cases:escalated', 'cases:configure'],
  service_advisor: ['cases:read', 'cases:handle'],
  sales_consultant: ['cases:read', 'cases:handle'],
  aftersales_director: ['cases:read', 'cases:handle'],
  sales_director: ['cases:read', 'cases:handle'],
  quality: ['cases:read', 'cases:handle'],
  gm: ['cases:read', 'cases:handle', 'cases:escalated'],
  dealer_admin: ['cases:read', 'cases:configure'],
};
for (const [role, extra] of Object.entries(CASE_PERMISSIONS) as [Role, readonly Permission[]][])
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], ...extra];

/**
 * KPIs and dashboards (issue 7, SPEC §5): the directors, the GM, CS supervisor and lead and the quality department
 * read their dealer's dashboards; the group analyst reads every dealer of their scope and the benchmark; the GM sees
 * their own dealer against the regional and national averages (SPEC §5.5). The CS supervisor (the marketing & CS
 * department manager of SPEC §5.2) and the dealer admin set the dealer's versioned KPI thresholds (CONFIG).
 */
const KPI_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  cs_lead: ['kpis:read'],
  cs_supervisor: ['kpis:read', 'kpis:configure'],
  aftersales_director: ['kpis:read'],
  sales_director: ['kpis:read'],
  quality: ['kpis:read'],
  gm: ['kpis:read', 'kpis:benchmark'],
  group_analyst: ['kpis:read', 'kpis:benchmark'],
  system_admin: ['kpis:benchmark'],
  dealer_admin: ['kpis:configure'],
};
for (const [role, extra] of Object.entries(KPI_PERMISSIONS) as [Role, readonly Permission[]][])
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], ...extra];

/**
 * Reports and CAPA (issue 7 part 2, SPEC §4.15–§4.16, §6): the CS roles, directors, GM and quality read the reports;
 * the CS team lead and supervisor annotate and submit them; the dealer admin sets recipients and report settings;
 * CS management, department heads and the GM draft and follow CAPA; the GM approves and checks it (P-DPCA).
 */
const REPORT_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  cs_agent: ['reports:read'],
  cs_lead: ['reports:read', 'reports:annotate', 'capa:manage'],
  cs_supervisor: ['reports:read', 'reports:annotate', 'capa:manage'],
  aftersales_director: ['reports:read', 'capa:manage'],
  sales_director: ['reports:read', 'capa:manage'],
  quality: ['reports:read', 'capa:manage'],
  gm: ['reports:read', 'capa:manage', 'capa:approve'],
  dealer_admin: ['reports:read', 'reports:configure'],
};
for (const [role, extra] of Object.entries(REPORT_PERMISSIONS) as [Role, readonly Permission[]][])
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], ...extra];

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
