import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { REGISTER_KINDS, RegisterExportQuery, RegisterPage, RegisterQuery } from '../../../core/contracts/registers';
import type { Actor } from '../../http/actor';
import * as registers from './registers.service';

const tags = ['registers'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Registers (SPEC §3.13) as lists and as paper-form Excel files, one pair of routes per register:
 * /api/registers/aftersales-onsite (AYT-JL-客服-02), /api/registers/sales-callback (AYT-JL-客服-09),
 * /api/registers/aftersales-phone (回访登记表).
 */
export function registersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  for (const kind of REGISTER_KINDS) {
    r.get(
      `/api/registers/${kind}`,
      {
        schema: {
          tags,
          summary: `Register ${kind}: filtered, paged`,
          querystring: RegisterQuery,
          response: { 200: RegisterPage },
        },
        config: { access: 'registers:read' },
      },
      async (req) => registers.listRegister(db, actorOf(req), kind, req.query),
    );
    r.get(
      `/api/registers/${kind}/export.xlsx`,
      {
        schema: {
          tags,
          summary: `Register ${kind} as the printable paper form (Excel); a large export needs a reason`,
          querystring: RegisterExportQuery,
        },
        config: { access: 'registers:read' },
      },
      async (req, reply) => {
        const { buffer, fileName } = await registers.exportRegister(db, actorOf(req), kind, req.query);
        return reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename="${kind}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          )
          .send(buffer);
      },
    );
  }
}
