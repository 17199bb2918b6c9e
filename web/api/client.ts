import type { ZodType } from 'zod';
import { ErrorBody } from '../../core/contracts/common';

/** A failed API call: the stable code from the error body, or NETWORK / INVALID_RESPONSE / HTTP_<status>. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  constructor(code: string, message: string, status: number, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export type AuthEvent = { kind: 'unauthorized'; code: string } | { kind: 'password-change-required' };

let csrfToken: string | null = null;
let authEventHandler: ((event: AuthEvent) => void) | null = null;

/** The CSRF token comes from the login, me and dealer-switch responses; kept in memory only. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on a 401 (session gone) or a 403 PASSWORD_CHANGE_REQUIRED from any call that opts in. */
export function setAuthEventHandler(handler: ((event: AuthEvent) => void) | null): void {
  authEventHandler = handler;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<T> {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Validates and types the response body. */
  schema?: ZodType<T>;
  /** Do not raise auth events (the me probe and the login call handle 401 themselves). */
  silentAuth?: boolean;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(res: Response, body: unknown): ApiError {
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(code, message, res.status, details);
  }
  return new ApiError(`HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`, res.status);
}

function raiseAuthEvent(error: ApiError): void {
  if (!authEventHandler) return;
  // A wrong password (INVALID_CREDENTIALS) is an answer, not a lost session.
  if (error.status === 401 && error.code !== 'INVALID_CREDENTIALS') {
    authEventHandler({ kind: 'unauthorized', code: error.code });
  } else if (error.code === 'PASSWORD_CHANGE_REQUIRED') authEventHandler({ kind: 'password-change-required' });
}

export async function request<T>(method: string, path: string, options: RequestOptions<T> = {}): Promise<T> {
  const mutating = method !== 'GET' && method !== 'HEAD';
  // A FormData body (file upload) goes as is: the browser sets multipart/form-data with its boundary.
  const form = options.body instanceof FormData ? options.body : null;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (mutating) {
    if (!form) headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      // Fastify refuses an empty body with content-type JSON, so mutations always send one.
      body: mutating ? (form ?? JSON.stringify(options.body ?? {})) : undefined,
    });
  } catch (cause) {
    throw new ApiError('NETWORK', cause instanceof Error ? cause.message : 'network error', 0);
  }
  const body = await readJson(res);
  if (!res.ok) {
    const error = toApiError(res, body);
    if (!options.silentAuth) raiseAuthEvent(error);
    throw error;
  }
  if (!options.schema) return body as T;
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      'INVALID_RESPONSE',
      `unexpected response from ${method} ${path}`,
      res.status,
      parsed.error.issues,
    );
  }
  return parsed.data;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions<T>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions<T>) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions<T>) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions<T>) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions<T>) => request<T>('DELETE', path, options),
};
