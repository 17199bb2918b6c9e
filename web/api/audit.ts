import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AuditList, type AuditEntry } from '../../core/contracts/audit';
import { api } from './client';

export type AuditOutcome = AuditEntry['outcome'];

export interface AuditFilter {
  action?: string;
  outcome?: AuditOutcome;
  limit: number;
  offset: number;
}

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => api.get('/audit', { query: { ...filter }, schema: AuditList }),
    placeholderData: keepPreviousData,
  });
}
