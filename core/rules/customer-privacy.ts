import type { Role } from '../permissions';

/**
 * 客户信息权限管理表 (SPEC §3.18, 003 附件4 is missing, so CONFIG): per role and field group, how a
 * value is shown (none | masked | full), whether the role may reveal a masked value (an audited
 * action), edit it, and export it. These are Manyi's presets; each dealer's admin edits their own table.
 */
export const FIELD_GROUPS = ['contact', 'identity', 'personal', 'family'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];
export type FieldView = 'none' | 'masked' | 'full';

export interface FieldPermission {
  view: FieldView;
  canReveal: boolean;
  canEdit: boolean;
  canExport: boolean;
}

const P = (view: FieldView, canReveal = false, canEdit = false, canExport = false): FieldPermission => ({
  view,
  canReveal,
  canEdit,
  canExport,
});

const STAFF_CONTACT = P('masked', true);
export const DEFAULT_FIELD_PERMISSIONS: Record<Role, Record<FieldGroup, FieldPermission>> = {
  cs_agent: { contact: STAFF_CONTACT, identity: P('masked'), personal: P('masked'), family: P('none') },
  cs_lead: { contact: STAFF_CONTACT, identity: P('masked'), personal: P('masked'), family: P('none') },
  cs_supervisor: {
    contact: P('masked', true, true, true),
    identity: P('masked', true),
    personal: P('full', false, true),
    family: P('masked', true),
  },
  service_advisor: { contact: STAFF_CONTACT, identity: P('masked'), personal: P('masked'), family: P('none') },
  sales_consultant: { contact: STAFF_CONTACT, identity: P('masked'), personal: P('masked'), family: P('none') },
  aftersales_director: { contact: STAFF_CONTACT, identity: P('masked'), personal: P('masked'), family: P('none') },
  sales_director: { contact: STAFF_CONTACT, identity: P('masked'), personal: P('masked'), family: P('none') },
  quality: { contact: P('masked'), identity: P('none'), personal: P('none'), family: P('none') },
  gm: {
    contact: P('masked', true, false, true),
    identity: P('masked', true),
    personal: P('full'),
    family: P('masked', true),
  },
  dealer_admin: { contact: P('masked', true, true), identity: P('masked'), personal: P('masked'), family: P('none') },
  group_analyst: { contact: P('none'), identity: P('none'), personal: P('none'), family: P('none') },
  system_admin: { contact: P('masked'), identity: P('none'), personal: P('none'), family: P('none') },
};

const RANK: Record<FieldView, number> = { none: 0, masked: 1, full: 2 };

/** A user with several roles gets the most permissive entry of each flag. */
export function effectivePermission(entries: FieldPermission[]): FieldPermission {
  return entries.reduce<FieldPermission>(
    (acc, e) => ({
      view: RANK[e.view] > RANK[acc.view] ? e.view : acc.view,
      canReveal: acc.canReveal || e.canReveal,
      canEdit: acc.canEdit || e.canEdit,
      canExport: acc.canExport || e.canExport,
    }),
    P('none'),
  );
}

/** 13812345678 → 138****5678; 0571-88888888 → 0571-****8888; anything else keeps its last 4. */
export function maskPhoneValue(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const m = /^(0\d{2,3})-(\d+)(.*)$/.exec(phone);
  if (m) return `${m[1]}-****${(m[2] ?? '').slice(-4)}`;
  return `****${phone.slice(-4)}`;
}

/** Shows a value under a permission: full, masked by the given masker, or hidden. */
export function showValue(value: string | null, view: FieldView, mask: (v: string) => string): string | null {
  if (value === null) return null;
  if (view === 'full') return value;
  if (view === 'masked') return mask(value);
  return null;
}
