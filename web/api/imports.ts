import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ImportRun, ImportRunList, UploadResult, type ImportKind, type Mapping } from '../../core/contracts/imports';
import { api } from './client';

export type UploadResultData = z.infer<typeof UploadResult>;
export type ImportKindValue = z.infer<typeof ImportKind>;
export type ImportMapping = z.infer<typeof Mapping>;
export type ImportStatusValue = ImportRun['status'];

const importsKey = ['imports'] as const;

/** A run still moving: its progress is polled every second. */
export function isActive(status: ImportStatusValue): boolean {
  return status === 'queued' || status === 'running';
}

/** The upload: `kind` first, then the file (the server reads the fields before the file part). */
export function useUploadImport() {
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKindValue; file: File }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file, file.name);
      return api.post('/imports', form, { schema: UploadResult });
    },
  });
}

export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, mapping, saveMapping }: { id: string; mapping: ImportMapping; saveMapping: boolean }) =>
      api.post(`/imports/${encodeURIComponent(id)}/start`, { mapping, saveMapping }, { schema: ImportRun }),
    onSuccess: (run) => {
      qc.setQueryData([...importsKey, run.id], run);
      void qc.invalidateQueries({ queryKey: [...importsKey, 'list'] });
    },
  });
}

export function useCancelImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/imports/${encodeURIComponent(id)}/cancel`, {}, { schema: ImportRun }),
    onSuccess: (run) => {
      qc.setQueryData([...importsKey, run.id], run);
      void qc.invalidateQueries({ queryKey: [...importsKey, 'list'] });
    },
  });
}

/**
 * One run, polled every second while it is queued or running. `poll: false` only reads what another
 * observer of the same run fetches (no second poller).
 */
export function useImportRun(id: string | null, poll = true) {
  return useQuery({
    queryKey: [...importsKey, id],
    queryFn: () => api.get(`/imports/${encodeURIComponent(id ?? '')}`, { schema: ImportRun }),
    enabled: id !== null && poll,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === undefined || isActive(status) ? 1000 : false;
    },
  });
}

export function useImportRuns() {
  return useQuery({
    queryKey: [...importsKey, 'list'],
    queryFn: () => api.get('/imports', { schema: ImportRunList }),
  });
}

export function invalidateImportRuns(qc: ReturnType<typeof useQueryClient>): void {
  void qc.invalidateQueries({ queryKey: [...importsKey, 'list'] });
}

/** Same-origin GET with the session cookie: a plain link downloads it. */
export function rejectsUrl(id: string): string {
  return `/api/imports/${encodeURIComponent(id)}/rejects.xlsx`;
}
