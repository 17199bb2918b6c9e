import type { QueryClient } from '@tanstack/react-query';
import { setAuthEventHandler, setCsrfToken } from '../../api/client';
import { meKey } from '../../api/auth';

let expired = false;

/** True after a session ended under the user (so the login page can say so), until cleared. */
export function sessionExpired(): boolean {
  return expired;
}

export function clearSessionExpired(): void {
  expired = false;
}

/**
 * A 401 from any call ends the session in the UI (the guard then redirects to /login with the
 * target path); a 403 PASSWORD_CHANGE_REQUIRED reloads the session so the forced screen shows.
 */
export function installAuthEvents(queryClient: QueryClient): void {
  setAuthEventHandler((event) => {
    if (event.kind === 'unauthorized') {
      if (queryClient.getQueryData(meKey)) expired = true;
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      queryClient.setQueryData(meKey, null);
    } else {
      void queryClient.invalidateQueries({ queryKey: meKey });
    }
  });
}
