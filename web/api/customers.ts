import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { Ok } from '../../core/contracts/common';
import {
  ConsentRequest,
  Customer360,
  CustomerSearchResult,
  FieldPermissionTable,
  InterferenceList,
  RevealResult,
  UpdateFieldPermissions,
} from '../../core/contracts/customers';
import { api } from './client';

export type Customer360Data = z.infer<typeof Customer360>;
export type CustomerSummaryData = z.infer<typeof CustomerSearchResult>['items'][number];
export type ConsentInput = z.input<typeof ConsentRequest>;
export type FieldPermissionTableData = z.infer<typeof FieldPermissionTable>;
export type FieldPermissionEntry = FieldPermissionTableData['items'][number];
export type FieldPermissionUpdate = z.input<typeof UpdateFieldPermissions>['items'][number];
export type InterferenceFlagData = z.infer<typeof InterferenceList>['items'][number];
export type RevealInput = { field: 'phone'; phoneId: string } | { field: 'idCard' };

const customersKey = ['customers'] as const;
const id = (value: string) => encodeURIComponent(value);

export function useCustomerSearch(q: string, limit = 50) {
  const query = q.trim();
  return useQuery({
    queryKey: [...customersKey, 'search', query, limit],
    queryFn: () => api.get('/customers', { query: { q: query, limit }, schema: CustomerSearchResult }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(customerId: string) {
  return useQuery({
    queryKey: [...customersKey, 'one', customerId],
    queryFn: () => api.get(`/customers/${id(customerId)}`, { schema: Customer360 }),
  });
}

/** Shows one full value; the server audits the reveal. Not cached: every click is an explicit act. */
export function useReveal(customerId: string) {
  return useMutation({
    mutationFn: (input: RevealInput) =>
      api.post(`/customers/${id(customerId)}/reveal`, input, { schema: RevealResult }),
  });
}

export function useRecordConsent(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ConsentInput) =>
      api.post(`/customers/${id(customerId)}/consent`, input, { schema: Customer360 }),
    onSuccess: (data) => qc.setQueryData([...customersKey, 'one', customerId], data),
  });
}

export function useCustomerFlags() {
  return useQuery({
    queryKey: [...customersKey, 'flags'],
    queryFn: () => api.get('/customer-flags', { schema: InterferenceList }),
  });
}

const permissionsKey = ['customer-permissions'] as const;

export function useCustomerPermissions() {
  return useQuery({
    queryKey: permissionsKey,
    queryFn: () => api.get('/customer-permissions', { schema: FieldPermissionTable }),
  });
}

export function useSaveCustomerPermissions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: FieldPermissionUpdate[]) => api.put('/customer-permissions', { items }, { schema: Ok }),
    onSuccess: () => qc.invalidateQueries({ queryKey: permissionsKey }),
  });
}
