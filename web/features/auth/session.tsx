import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { Me } from '../../../core/contracts/auth';
import type { Permission } from '../../../core/permissions';
import { changeLanguage, currentLanguage, getStoredLanguage } from '../../i18n';

const SessionContext = createContext<Me | null>(null);

/** The signed-in user; only inside the authenticated part of the app. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() outside SessionProvider');
  return me;
}

export function can(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

export function useCan(permission: Permission): boolean {
  return can(useSession(), permission);
}

/** The current dealer's IANA time zone: times are shown in it (undefined: the browser's). */
export function useDealerTimeZone(): string | undefined {
  const me = useSession();
  return me.dealers.find((d) => d.id === me.currentDealerId)?.timeZone;
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  // Without an explicit choice on this browser, follow the language saved on the user's account.
  useEffect(() => {
    if (getStoredLanguage() === null && me.user.locale !== currentLanguage()) {
      void changeLanguage(me.user.locale, false);
    }
  }, [me.user.locale]);
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}
