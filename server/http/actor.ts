import type { Permission, Role } from '../../core/permissions';

/** Who is making a request: resolved once per request from the session cookie. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  scope: { kind: 'dealer' | 'region' | 'group'; id: string };
  /** Every dealer the user's scope covers. */
  dealerIds: string[];
  dealers: { id: string; code: string; name: string; regionId: string; regionName: string; timeZone: string }[];
  scopeName: string;
  /** The dealer the user works in now (always one of dealerIds, or null when the scope has none). */
  currentDealerId: string | null;
  mustChangePassword: boolean;
  locale: 'zh-CN' | 'en';
  sessionTokenHash: string;
  csrfToken: string;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  ip: string;
}

export interface RequestMeta {
  ip: string;
  userAgent: string | undefined;
}
