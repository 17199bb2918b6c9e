import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  FaqArticleDetail,
  FaqFacets,
  FaqImportResult,
  FaqSearchResult,
  FaqUse,
  FaqUseList,
  type FaqArticleInput,
} from '../../core/contracts/faq';
import { api } from './client';

/** FAQ knowledge base API hooks (SPEC §3.11). */
export type FaqHit = z.infer<typeof FaqSearchResult>['items'][number];
export type FaqDetail = z.infer<typeof FaqArticleDetail>;
export type FaqFacetsData = z.infer<typeof FaqFacets>;
export type FaqUseData = z.infer<typeof FaqUse>;
export type FaqInput = z.input<typeof FaqArticleInput>;

export interface FaqSearchParams {
  q?: string;
  category?: string;
  tag?: string;
  status?: 'active' | 'archived' | 'all';
  limit?: number;
  offset?: number;
}

const key = ['faq'] as const;
const id = (value: string) => encodeURIComponent(value);

export function useFaqSearch(params: FaqSearchParams) {
  const query = { ...params, q: params.q?.trim() || undefined };
  return useQuery({
    queryKey: [...key, 'search', query],
    queryFn: () => api.get('/faq', { query: { ...query }, schema: FaqSearchResult }),
    placeholderData: keepPreviousData,
  });
}

export const useFaqFacets = () =>
  useQuery({ queryKey: [...key, 'facets'], queryFn: () => api.get('/faq/categories', { schema: FaqFacets }) });

export const useFaqArticle = (articleId: string | null) =>
  useQuery({
    queryKey: [...key, 'one', articleId],
    queryFn: () => api.get(`/faq/${id(articleId ?? '')}`, { schema: FaqArticleDetail }),
    enabled: Boolean(articleId),
  });

function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}

export const useCreateFaq = () =>
  useInvalidating((input: FaqInput) => api.post('/faq', input, { schema: FaqArticleDetail }));

export const useUpdateFaq = () =>
  useInvalidating(({ articleId, input }: { articleId: string; input: FaqInput & { revision: number } }) =>
    api.put(`/faq/${id(articleId)}`, input, { schema: FaqArticleDetail }),
  );

export const useArchiveFaq = () =>
  useInvalidating(({ articleId, archived }: { articleId: string; archived: boolean }) =>
    api.post(`/faq/${id(articleId)}/${archived ? 'archive' : 'restore'}`, {}, { schema: FaqArticleDetail }),
  );

export const useImportFaq = () =>
  useInvalidating((file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.post('/faq/import', form, { schema: FaqImportResult });
  });

/** Records "answered from the FAQ" (resolution path a) on a survey response and/or a callback task. */
export const useRecordFaqUse = () =>
  useInvalidating(
    ({ articleId, ...body }: { articleId: string; responseId?: string; taskId?: string; note?: string }) =>
      api.post(`/faq/${id(articleId)}/uses`, body, { schema: FaqUse }),
  );

export const useFaqUses = (filter: { responseId?: string; taskId?: string }) =>
  useQuery({
    queryKey: [...key, 'uses', filter],
    queryFn: () => api.get('/faq/uses', { query: filter, schema: FaqUseList }),
    enabled: Boolean(filter.responseId || filter.taskId),
  });
