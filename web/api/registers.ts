import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { RegisterPage, type RegisterKind } from '../../core/contracts/registers';
import { api } from './client';

/** Registers (SPEC §3.13): the filtered list and the URL of its paper-form Excel export. */
export interface RegisterFilter {
  from?: string;
  to?: string;
  agent?: string;
  staff?: string;
  satisfaction?: 'satisfied' | 'dissatisfied' | 'none';
  q?: string;
  limit?: number;
  offset?: number;
}

export const useRegister = (kind: RegisterKind, filter: RegisterFilter) =>
  useQuery({
    queryKey: ['registers', kind, filter],
    queryFn: () => api.get(`/registers/${kind}`, { query: { ...filter }, schema: RegisterPage }),
    placeholderData: keepPreviousData,
  });

/** The export link (a plain GET with the session cookie; the browser downloads the file). */
export function registerExportUrl(kind: RegisterKind, filter: RegisterFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter))
    if (v !== undefined && v !== '' && k !== 'limit' && k !== 'offset') params.set(k, String(v));
  const qs = params.toString();
  return `/api/registers/${kind}/export.xlsx${qs ? `?${qs}` : ''}`;
}
