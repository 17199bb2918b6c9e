/** One error type with stable codes; the status comes from the one map below. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  // an export of personal data above the dealer's row count needs a reason (server/features/reports/export-guard.ts)
  EXPORT_REASON_REQUIRED: 422,
  // mobile survey links (server/features/survey-links): forged, answered, expired or replaced
  SURVEY_LINK_INVALID: 404,
  SURVEY_LINK_USED: 410,
  SURVEY_LINK_EXPIRED: 410,
  SURVEY_LINK_REVOKED: 410,
  USERNAME_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  IMPORT_FILE_REJECTED: 422,
  INVALID_MAPPING: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOGIN_THROTTLED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (permission: string) =>
  new AppError('FORBIDDEN', `You do not have the permission ${permission}`, { permission });
