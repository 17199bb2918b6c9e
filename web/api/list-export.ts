/**
 * The Excel export of a list (issue 7): `${path}/export.xlsx` with the list's own filter. Downloaded through fetch,
 * so a 422 EXPORT_REASON_REQUIRED (a large export of personal data) asks for the reason instead of saving an
 * error page. 'reason': ask and call again with it.
 */
export type ExportFilter = Record<string, string | number | boolean | undefined | null>;

export function listExportUrl(path: string, filter: ExportFilter, reason?: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter))
    if (v !== undefined && v !== null && v !== '' && k !== 'limit' && k !== 'offset') params.set(k, String(v));
  if (reason) params.set('reason', reason);
  const qs = params.toString();
  return `${path}/export.xlsx${qs ? `?${qs}` : ''}`;
}

async function errorOf(res: Response) {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  return body?.error;
}

export async function downloadListExport(path: string, filter: ExportFilter, reason?: string) {
  const res = await fetch(listExportUrl(path, filter, reason), { credentials: 'same-origin' });
  if (!res.ok) {
    const error = await errorOf(res);
    if (res.status === 422 && error?.code === 'EXPORT_REASON_REQUIRED') return 'reason' as const;
    throw new Error(error?.message ?? `export failed: ${res.status}`);
  }
  const name = decodeURIComponent(
    /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export.xlsx',
  );
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(a.href);
  return 'ok' as const;
}
