import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Me, type Locale } from '../../core/contracts/auth';
import { Ok } from '../../core/contracts/common';
import { api, ApiError, setCsrfToken } from './client';
import { resetDataQueries } from './query-client';

export const meKey = ['me'] as const;

function remember(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

/** The current session, or null when nobody is signed in. */
async function fetchMe(): Promise<Me | null> {
  try {
    return remember(await api.get('/auth/me', { schema: Me, silentAuth: true }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export interface LoginInput {
  username: string;
  password: string;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: LoginInput) =>
      remember(await api.post('/auth/login', input, { schema: Me, silentAuth: true })),
    onSuccess: (me) => {
      resetDataQueries();
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/auth/logout', {}, { schema: z.object({ ok: z.boolean() }), silentAuth: true }),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post('/auth/password', input, { schema: Ok }),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKey }),
  });
}

export function useSwitchDealer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (dealerId: string) => remember(await api.post('/auth/dealer', { dealerId }, { schema: Me })),
    onSuccess: (me) => {
      resetDataQueries();
      qc.setQueryData(meKey, me);
    },
  });
}

/** Tell the server the user's language; a failure is harmless (the browser keeps the choice). */
export async function saveLocale(locale: Locale): Promise<void> {
  try {
    await api.put('/auth/locale', { locale }, { silentAuth: true });
  } catch {
    // ignored on purpose
  }
}
