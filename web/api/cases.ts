import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  CaseCounts,
  CaseDetail,
  CaseList,
  DailyReport,
  RoutePreview,
  UnhandledResponses,
  type CaseListQuery,
  type OpenCaseRequest,
  type RoutePreviewQuery,
} from '../../core/contracts/cases';
import { api } from './client';

/** Dissatisfaction cases (the closed loop, SPEC §4.7) API hooks. */
export type CaseDetailData = z.infer<typeof CaseDetail>;
export type CaseRowData = z.infer<typeof CaseList>['items'][number];
export type UnhandledItem = z.infer<typeof UnhandledResponses>['items'][number];
export type CaseFilter = CaseListQuery['filter'];

const key = ['cases'] as const;
const enc = (v: string) => encodeURIComponent(v);

export const useCases = (filter: CaseFilter, paging: { limit: number; offset: number }) =>
  useQuery({
    queryKey: [...key, 'list', filter, paging],
    queryFn: () => api.get('/cases', { query: { filter, ...paging }, schema: CaseList }),
    placeholderData: keepPreviousData,
  });

export const useCase = (id: string) =>
  useQuery({ queryKey: [...key, 'one', id], queryFn: () => api.get(`/cases/${enc(id)}`, { schema: CaseDetail }) });

/** The dashboard widget; refreshed every minute so a step turning red shows without a reload. */
export const useCaseSummary = (enabled: boolean) =>
  useQuery({
    queryKey: [...key, 'summary'],
    queryFn: () => api.get('/cases/summary', { schema: CaseCounts }),
    enabled,
    refetchInterval: 60_000,
  });

export const useUnhandled = (enabled: boolean) =>
  useQuery({
    queryKey: [...key, 'unhandled'],
    queryFn: () => api.get('/cases/unhandled', { schema: UnhandledResponses }),
    enabled,
  });

export const useRoutePreview = (q: RoutePreviewQuery | null) =>
  useQuery({
    queryKey: [...key, 'preview', q],
    queryFn: () => api.get('/cases/route-preview', { query: { ...q }, schema: RoutePreview }),
    enabled: q !== null,
  });

function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}

export const useOpenCase = () =>
  useInvalidating((body: OpenCaseRequest) => api.post('/cases', body, { schema: CaseDetail }));

export type StepInput =
  | { action: 'forward' | 'return'; body: { note?: string } }
  | { action: 'reply'; body: { result: string } }
  | { action: 'second-callback'; body: { satisfied: boolean; note: string } };

export const useCaseStep = (id: string) =>
  useInvalidating((input: StepInput) =>
    api.post(`/cases/${enc(id)}/${input.action}`, input.body, { schema: CaseDetail }),
  );

export const useDailyReport = (date: string | undefined) =>
  useQuery({
    queryKey: [...key, 'daily-report', date],
    queryFn: () => api.get('/daily-report', { query: { date }, schema: DailyReport }),
  });
export type DailyReportItemData = z.infer<typeof DailyReport>['items'][number];
