import type { Answer, VersionContent } from '../../core/contracts/questionnaire-content';

/** The public survey API (no session, no CSRF token: the link's token is the only credential). */
export interface PublicSurveyData {
  dealerName: string;
  firstName: string | null;
  privacyNotice: string;
  expiresAt: string;
  versionId: string;
  content: VersionContent;
}

export class SurveyApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(code);
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/public/s/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
  } catch {
    throw new SurveyApiError('NETWORK', 0);
  }
  const json = (await res.json().catch(() => null)) as { error?: { code: string; details?: unknown } } | null;
  if (!res.ok) throw new SurveyApiError(json?.error?.code ?? `HTTP_${res.status}`, res.status, json?.error?.details);
  return json as T;
}

const enc = encodeURIComponent;

export const surveyApi = {
  open: (token: string) => call<PublicSurveyData>('GET', enc(token)),
  submit: (token: string, body: { acceptedNotice: true; answers: Answer[]; praise?: string; startedAt: string }) =>
    call<{ ok: true; dealerName: string }>('POST', enc(token), body),
  optOut: (token: string) => call<{ ok: true; dealerName: string }>('POST', `${enc(token)}/opt-out`),
};
