import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditList, AuditQuery, AuditVerifyResult } from '../../../core/contracts/audit';
import { NoBody } from '../../../core/contracts/common';
import type { Actor } from '../../http/actor';
import { listExportRoute } from '../exports/list-export';
import { AUDIT_EXPORT } from './audit.exports';
import { listAudit, verifyAudit } from './audit.use-cases';

export function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log of my dealers (system admins: everything)',
        querystring: AuditQuery,
        response: { 200: AuditList },
      },
      config: { access: 'audit:read' },
    },
    async (req) => listAudit(db, actorOf(req), req.query),
  );
  listExportRoute(app, AUDIT_EXPORT);

  r.post(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Recompute every hash chain and name the first broken link',
        body: NoBody,
        response: { 200: AuditVerifyResult },
      },
      config: { access: 'audit:verify' },
    },
    async (req) => verifyAudit(db, actorOf(req)),
  );
}
