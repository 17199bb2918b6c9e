import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { CreateStaffRequest, DealerList, Staff, StaffList, type Department } from '../../core/contracts/org';
import { api } from './client';

export type CreateStaffInput = z.input<typeof CreateStaffRequest>;

export function useDealers(enabled = true) {
  return useQuery({
    queryKey: ['dealers'],
    queryFn: () => api.get('/dealers', { schema: DealerList }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export interface StaffFilter {
  department?: Department;
  q?: string;
  limit: number;
  offset: number;
}

const staffKey = ['staff'] as const;

export function useStaff(filter: StaffFilter) {
  return useQuery({
    queryKey: [...staffKey, filter],
    queryFn: () => api.get('/staff', { query: { ...filter }, schema: StaffList }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateStaffInput) => api.post('/staff', input, { schema: Staff }),
    onSuccess: () => qc.invalidateQueries({ queryKey: staffKey }),
  });
}
