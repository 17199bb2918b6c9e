import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  Capa,
  CapaList,
  type CapaAction,
  type CreateCapaRequest,
  ReportDetail,
  ReportList,
  ReportRecipients,
  ReportRecipientsList,
  ReportSettings,
  type ReportKind,
} from '../../core/contracts/reports';
import { api } from './client';

/** Reports and CAPA (issue 7 part 2): lists, the report page, annotate / submit, CAPA steps. */
const key = ['reports'] as const;

export const useReports = (kind?: ReportKind) =>
  useQuery({
    queryKey: [...key, 'list', kind],
    queryFn: () => api.get('/reports', { query: { kind, limit: 100 }, schema: ReportList }),
  });
export const useReport = (id: string) =>
  useQuery({ queryKey: [...key, 'one', id], queryFn: () => api.get(`/reports/${id}`, { schema: ReportDetail }) });
export const useCapaList = () =>
  useQuery({
    queryKey: [...key, 'capa'],
    queryFn: () => api.get('/capa', { query: { limit: 100 }, schema: CapaList }),
  });

export const useReportRecipients = () =>
  useQuery({
    queryKey: [...key, 'recipients'],
    queryFn: () => api.get('/report-recipients', { schema: ReportRecipientsList }),
  });
export const useReportSettings = () =>
  useQuery({ queryKey: [...key, 'settings'], queryFn: () => api.get('/report-settings', { schema: ReportSettings }) });

function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}
export const useGenerateReport = () =>
  useInvalidating((input: { kind: ReportKind; period: string }) =>
    api.post('/reports', input, { schema: ReportDetail }),
  );
export const useAnnotateReport = (id: string) =>
  useInvalidating((annotations: string) => api.patch(`/reports/${id}`, { annotations }, { schema: ReportDetail }));
export const useSubmitReport = (id: string) =>
  useInvalidating(() => api.post(`/reports/${id}/submit`, {}, { schema: ReportDetail }));
export const useSetReportRecipients = () =>
  useInvalidating(({ kind, ...body }: ReportRecipients) =>
    api.put(`/report-recipients/${kind}`, body, { schema: ReportRecipients }),
  );
export const useSetReportSettings = () =>
  useInvalidating((body: ReportSettings) => api.put('/report-settings', body, { schema: ReportSettings }));
export const useCreateCapa = () =>
  useInvalidating((input: z.input<typeof CreateCapaRequest>) => api.post('/capa', input, { schema: Capa }));
export const useCapaStep = () =>
  useInvalidating((input: { id: string; action: CapaAction; note?: string }) =>
    api.post(`/capa/${input.id}/transition`, { action: input.action, note: input.note ?? '' }, { schema: Capa }),
  );

export const reportPrintUrl = (id: string) => `/api/reports/${id}/print`;
export function reportExportUrl(id: string, reason?: string): string {
  return `/api/reports/${id}/export.xlsx${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`;
}
