import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { PenaltyRulesView, type PutPenaltyRulesRequest } from '../../../core/contracts/complaints';
import { api } from '../../api/client';

/** POST /api/penalty-rules: a new dated version; the view (usePenaltyRules) is replaced by the answer. */
export type PenaltyRulesBody = z.input<typeof PutPenaltyRulesRequest>;

export function usePostPenaltyRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PenaltyRulesBody) => api.post('/penalty-rules', body, { schema: PenaltyRulesView }),
    onSuccess: (data) => {
      qc.setQueryData(['complaints', 'rules'], data);
      void qc.invalidateQueries({ queryKey: ['complaints'] });
    },
  });
}
