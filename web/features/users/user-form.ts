import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import type { DealerSummary } from '../../../core/contracts/auth';
import type { Dealer } from '../../../core/contracts/org';
import { SPANNING_ROLES, type Role } from '../../../core/permissions';

/** Mirrors the Username schema: 2–32 characters, lower-case letter first, then [a-z0-9_.-]. */
export function usernameRules(t: TFunction): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('users.usernameRequired') },
    { min: 2, max: 32, message: t('users.usernameInvalid') },
    { pattern: /^[a-z][a-z0-9_.-]*$/, message: t('users.usernameInvalid') },
  ];
}

/** Mirrors ShortText(64). */
export function displayNameRules(t: TFunction): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('users.displayNameRequired') },
    { max: 64, message: t('users.displayNameTooLong') },
  ];
}

/** Language names are shown in their own language, whatever the UI language. */
export const LOCALE_OPTIONS = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
];

export function rolesRules(t: TFunction): FormRule[] {
  return [{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }];
}

export function roleOptions(t: TFunction, grantable: readonly Role[], current: readonly Role[] = []) {
  const all = [...grantable, ...current.filter((r) => !grantable.includes(r))];
  return all.map((role) => ({ value: role, label: t(`roles.${role}`), disabled: !grantable.includes(role) }));
}

export function hasSpanningRole(roles: readonly Role[] | undefined): boolean {
  return (roles ?? []).some((r) => SPANNING_ROLES.includes(r));
}

/** A user's home: `dealer:<id>`, or for spanning roles `region:<id>` / `group:<id>`. */
export type ScopeValue = `${'dealer' | 'region' | 'group'}:${string}`;

export interface ScopeOption {
  value: ScopeValue;
  label: string;
}

/** Dealers the admin may use, and (for spanning roles) the regions and groups they belong to. */
export function scopeOptions(
  t: TFunction,
  mine: readonly DealerSummary[],
  inScope: readonly Dealer[],
  spanning: boolean,
): ScopeOption[] {
  const out: ScopeOption[] = mine.map((d) => ({ value: `dealer:${d.id}`, label: `${d.code} · ${d.name}` }));
  if (!spanning) return out;
  const seen = new Set<string>();
  for (const d of inScope) {
    const region: ScopeValue = `region:${d.regionId}`;
    const group: ScopeValue = `group:${d.groupId}`;
    if (!seen.has(region)) out.push({ value: region, label: `${t('dashboard.scopeKinds.region')} · ${d.regionName}` });
    if (!seen.has(group)) out.push({ value: group, label: `${t('dashboard.scopeKinds.group')} · ${d.groupName}` });
    seen.add(region).add(group);
  }
  return out;
}

export function scopeToRequest(scope: ScopeValue | undefined): {
  dealerId?: string;
  regionId?: string;
  groupId?: string;
} {
  if (!scope) return {};
  const at = scope.indexOf(':');
  const kind = scope.slice(0, at);
  const id = scope.slice(at + 1);
  if (kind === 'region') return { regionId: id };
  if (kind === 'group') return { groupId: id };
  return { dealerId: id };
}
