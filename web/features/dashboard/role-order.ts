import type { Role } from '../../../core/permissions';

/** Which role's workbench a user with several roles sees first: the broadest responsibility wins. */
export const DASHBOARD_PRIORITY: readonly Role[] = [
  'system_admin',
  'group_analyst',
  'gm',
  'dealer_admin',
  'aftersales_director',
  'sales_director',
  'cs_supervisor',
  'quality',
  'cs_lead',
  'cs_agent',
  'service_advisor',
  'sales_consultant',
];

export function sortRolesForDashboard(roles: readonly Role[]): Role[] {
  return [...roles].sort((a, b) => DASHBOARD_PRIORITY.indexOf(a) - DASHBOARD_PRIORITY.indexOf(b));
}
