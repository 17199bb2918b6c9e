import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorText } from '../../ui/api-error';
import { importsZhCN } from './i18n.zh-CN';

type Reason = Exclude<keyof typeof importsZhCN.reasons, 'unknown'>;

function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && value !== 'unknown' && Object.hasOwn(importsZhCN.reasons, value);
}

/** An upload refusal (422 IMPORT_FILE_REJECTED) by its reason; anything else as the usual error text. */
export function uploadErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'IMPORT_FILE_REJECTED') {
    const reason =
      typeof error.details === 'object' && error.details !== null ? Reflect.get(error.details, 'reason') : null;
    return isReason(reason) ? t(`imports.reasons.${reason}`) : t('imports.reasons.unknown');
  }
  return errorText(t, error);
}

/** The server's problems of a 400 INVALID_MAPPING (plain strings), or [] for any other error. */
export function mappingProblemsOf(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'INVALID_MAPPING') return [];
  const problems =
    typeof error.details === 'object' && error.details !== null ? Reflect.get(error.details, 'problems') : null;
  if (Array.isArray(problems)) return problems.filter((p): p is string => typeof p === 'string');
  return [error.message];
}
