import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { Ok } from '../../core/contracts/common';
import { CreateUserRequest, UpdateUserRequest, User, UserList } from '../../core/contracts/users';
import { api } from './client';

export type CreateUserInput = z.input<typeof CreateUserRequest>;
export type UpdateUserInput = z.input<typeof UpdateUserRequest>;

export interface PageParams {
  limit: number;
  offset: number;
}

const usersKey = ['users'] as const;

export function useUsers(page: PageParams, enabled = true) {
  return useQuery({
    queryKey: [...usersKey, page],
    queryFn: () => api.get('/users', { query: { ...page }, schema: UserList }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post('/users', input, { schema: User }),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateUserInput }) =>
      api.patch(`/users/${encodeURIComponent(id)}`, patch, { schema: User }),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api.post(`/users/${encodeURIComponent(id)}/password`, { password }, { schema: Ok }),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}
