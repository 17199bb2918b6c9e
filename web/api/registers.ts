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

/** The export link (the same filter; `reason` when the export is large enough to need one). */
export function registerExportUrl(kind: RegisterKind, filter: RegisterFilter, reason?: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter))
    if (v !== undefined && v !== '' && k !== 'limit' && k !== 'offset') params.set(k, String(v));
  if (reason) params.set('reason', reason);
  const qs = params.toString();
  return `/api/registers/${kind}/export.xlsx${qs ? `?${qs}` : ''}`;
}

/**
 * Downloads the export through fetch, so a 422 EXPORT_REASON_REQUIRED (a large export of personal data) can ask for
 * the reason instead of saving an error page. 'reason': ask and call again with it.
 */
export async function downloadRegister(kind: RegisterKind, filter: RegisterFilter, reason?: string) {
  const res = await fetch(registerExportUrl(kind, filter, reason), { credentials: 'same-origin' });
  if (res.status === 422) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (body?.error?.code === 'EXPORT_REASON_REQUIRED') return 'reason' as const;
    throw new Error(body?.error?.message ?? `export failed: ${res.status}`);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `export failed: ${res.status}`);
  }
  const name = decodeURIComponent(
    /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `${kind}.xlsx`,
  );
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
  return 'ok' as const;
}
