import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { zhCN } from '../i18n/zh-CN';

type KnownCode = keyof typeof zhCN.errors;

function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(zhCN.errors, code) && code !== 'unknown';
}

function retryAfterSeconds(details: unknown): number | string {
  if (typeof details === 'object' && details !== null && 'retryAfterSeconds' in details) {
    const value = details.retryAfterSeconds;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, Math.ceil(value));
  }
  return '?';
}

/** The message a user sees for an error: the translated code when known, else the server's message. */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.code === 'LOGIN_THROTTLED')
    return t('errors.LOGIN_THROTTLED', { seconds: retryAfterSeconds(error.details) });
  if (isKnownCode(error.code)) return t(`errors.${error.code}`);
  return error.message || t('errors.unknown');
}

export interface FieldError<F extends string> {
  name: F;
  errors: string[];
}

interface Issue {
  field: string;
  message: string;
}

/** `body.roles.0` → `roles`; `['roles', 0]` → `roles`. */
function fieldOf(path: unknown): string {
  if (typeof path === 'string') return path.replace(/^(body|query|params)\./, '').split('.')[0] ?? '';
  if (Array.isArray(path) && typeof path[0] === 'string') return path[0];
  return '';
}

function toIssue(raw: unknown, fallback: string): Issue | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const message = 'message' in raw && typeof raw.message === 'string' ? raw.message : fallback;
  if ('path' in raw) return { field: fieldOf(raw.path), message };
  if ('field' in raw && typeof raw.field === 'string') return { field: raw.field, message };
  return null;
}

/**
 * The issues of a VALIDATION_FAILED error, from any of the shapes the server uses:
 * `[{ path: 'body.username', message }]`, `{ issues: [...] }` or `{ field: 'currentPassword' }`.
 */
export function validationIssues(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  const details = error.details;
  const list: unknown[] = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null && 'issues' in details && Array.isArray(details.issues)
      ? (details.issues as unknown[])
      : [details];
  return list.map((raw) => toIssue(raw, error.message)).filter((i): i is Issue => i !== null && i.field !== '');
}

/** Field errors for a form's own fields (the server's message, shown at the field). */
export function fieldErrorsFrom<F extends string>(error: unknown, fields: readonly F[]): FieldError<F>[] {
  const out: FieldError<F>[] = [];
  for (const issue of validationIssues(error)) {
    const name = fields.find((field) => field === issue.field);
    if (name !== undefined) out.push({ name, errors: [issue.message] });
  }
  return out;
}
