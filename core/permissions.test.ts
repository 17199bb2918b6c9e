import { describe, expect, it } from 'vitest';
import {
  grantableRoles,
  hasPermission,
  PERMISSIONS,
  permissionsOf,
  ROLE_PERMISSIONS,
  ROLES,
  SPANNING_ROLES,
} from './permissions';

describe('role → permission matrix (SPEC §2.2–§2.3)', () => {
  it('gives every role a dashboard and only known permissions', () => {
    for (const role of ROLES) {
      expect(hasPermission([role], 'dashboard:view')).toBe(true);
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    }
  });

  it('keeps user administration away from the agents and advisors', () => {
    for (const role of ['cs_agent', 'cs_lead', 'service_advisor', 'sales_consultant', 'quality'] as const) {
      expect(hasPermission([role], 'users:manage')).toBe(false);
      expect(hasPermission([role], 'audit:read')).toBe(false);
    }
    expect(hasPermission(['dealer_admin'], 'users:manage')).toBe(true);
    expect(hasPermission(['gm'], 'users:read')).toBe(true);
    expect(hasPermission(['gm'], 'users:manage')).toBe(false);
  });

  it('lets only a system admin verify the audit chain and manage the organisation', () => {
    const holders = (p: (typeof PERMISSIONS)[number]) => ROLES.filter((r) => hasPermission([r], p));
    expect(holders('audit:verify')).toEqual(['system_admin']);
    expect(holders('org:manage')).toEqual(['system_admin']);
  });

  it('unions the permissions of several roles', () => {
    const p = permissionsOf(['cs_agent', 'dealer_admin']);
    expect(p.has('users:manage')).toBe(true);
    expect(p.has('staff:read')).toBe(true);
  });

  it('lets a dealer admin grant dealer roles but not the spanning ones', () => {
    const granted = grantableRoles(['dealer_admin']);
    for (const r of SPANNING_ROLES) expect(granted).not.toContain(r);
    expect(granted).toContain('gm');
    expect(grantableRoles(['system_admin'])).toEqual([...ROLES]);
    expect(grantableRoles(['cs_agent'])).toEqual([]);
  });
});
