import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ConfirmCorrectionRequest,
  Correction,
  CorrectionList,
  CreateCorrectionRequest,
  ResolveCorrectionRequest,
} from '../../../core/contracts/corrections';
import { api } from '../../api/client';

export type CorrectionData = z.infer<typeof Correction>;
export type CorrectionFilter = 'open' | 'overdue' | 'corrected' | 'confirmed' | 'rejected' | 'all';
export type NewCorrection = z.input<typeof CreateCorrectionRequest>;

const key = ['corrections'] as const;

/** 客户信息修正表 of the current dealer, filtered by status ('overdue': open past the 24 hours). */
export function useCorrections(filter: CorrectionFilter) {
  return useQuery({
    queryKey: [...key, filter],
    queryFn: () =>
      api.get('/corrections', { query: filter === 'all' ? {} : { status: filter }, schema: CorrectionList }),
  });
}

function useCorrectionMutation<I>(call: (input: I) => Promise<CorrectionData>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

export const useFileCorrection = () =>
  useCorrectionMutation((input: NewCorrection) => api.post('/corrections', input, { schema: Correction }));

export const useResolveCorrection = () =>
  useCorrectionMutation(({ id, ...body }: { id: string } & z.input<typeof ResolveCorrectionRequest>) =>
    api.post(`/corrections/${encodeURIComponent(id)}/resolve`, body, { schema: Correction }),
  );

export const useConfirmCorrection = () =>
  useCorrectionMutation(({ id, ...body }: { id: string } & z.input<typeof ConfirmCorrectionRequest>) =>
    api.post(`/corrections/${encodeURIComponent(id)}/confirm`, body, { schema: Correction }),
  );
