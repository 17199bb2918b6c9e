import { permissionsOf } from '../../../core/permissions';
import type { Actor } from '../../http/actor';

/** The actor for imports started outside a web session (CLI, demo seeding): a dealer admin of one dealer. */
export function systemActor(
  dealer: { id: string; code: string; name: string; regionId: string },
  username = 'cli',
): Actor {
  const far = new Date(Date.now() + 86_400_000);
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username,
    displayName: `manyi ${username}`,
    roles: ['dealer_admin'],
    permissions: permissionsOf(['dealer_admin']),
    scope: { kind: 'dealer', id: dealer.id },
    dealerIds: [dealer.id],
    dealers: [{ ...dealer, regionName: '', timeZone: 'Asia/Shanghai' }],
    scopeName: dealer.name,
    currentDealerId: dealer.id,
    mustChangePassword: false,
    locale: 'en',
    sessionTokenHash: '',
    csrfToken: '',
    idleExpiresAt: far,
    absoluteExpiresAt: far,
    ip: username,
  };
}
