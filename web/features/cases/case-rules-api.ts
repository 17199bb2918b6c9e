import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CaseDetail,
  CaseRulesOverview,
  type PutCaseRulesRequest,
  type ReassignRequest,
} from '../../../core/contracts/cases';
import { api } from '../../api/client';

/** Closed-loop rules (GET/PUT /api/case-rules) and the C39 hand-over of a second callback. */
const rulesKey = ['case-rules'] as const;

export const useCaseRules = () =>
  useQuery({ queryKey: rulesKey, queryFn: () => api.get('/case-rules', { schema: CaseRulesOverview }) });

export function usePutCaseRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PutCaseRulesRequest) => api.put('/case-rules', body, { schema: CaseRulesOverview }),
    onSuccess: (data) => qc.setQueryData(rulesKey, data),
  });
}

export function useReassignCallback(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReassignRequest) =>
      api.post(`/cases/${encodeURIComponent(id)}/reassign-callback`, body, { schema: CaseDetail }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cases'] }),
  });
}
