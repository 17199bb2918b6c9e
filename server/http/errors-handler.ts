import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from './errors';

function send(reply: FastifyReply, code: ErrorCode, status: number, message: string, details?: unknown) {
  return reply.status(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
};

/** The one error handler: every failure becomes { error: { code, message, details } }. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) return send(reply, err.code, err.status, err.message, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: `${err.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
        message: v.message ?? 'invalid',
      }));
      return send(reply, 'VALIDATION_FAILED', 400, `Invalid request ${err.validationContext ?? 'body'}`, details);
    }
    if (err.statusCode === 429) return send(reply, 'RATE_LIMITED', 429, 'Too many requests; slow down');
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return send(reply, mapped, err.statusCode ?? 400, err.message);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const byStatus: Partial<Record<number, ErrorCode>> = {
        403: 'FORBIDDEN',
        404: 'NOT_FOUND',
        405: 'METHOD_NOT_ALLOWED',
        413: 'PAYLOAD_TOO_LARGE',
        415: 'UNSUPPORTED_MEDIA_TYPE',
      };
      return send(reply, byStatus[err.statusCode] ?? 'BAD_REQUEST', err.statusCode, err.message);
    }
    const pgCode = (err as { code?: string }).code;
    if (pgCode === '23505') return send(reply, 'CONFLICT', 409, 'That record already exists');
    request.log.error({ err }, 'unhandled error');
    return send(reply, 'INTERNAL', 500, 'Something went wrong on our side; it has been logged');
  });
}
