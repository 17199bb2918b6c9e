import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../core/contracts/common';
import { CreateStaffRequest, Dealer, DealerList, Staff, StaffList, StaffQuery } from '../../../core/contracts/org';
import type { Actor } from '../../http/actor';
import { listExportRoute } from '../exports/list-export';
import { STAFF_EXPORT } from './org.exports';
import * as org from './org.service';

export function orgRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.get(
    '/api/dealers',
    {
      schema: { tags: ['org'], summary: 'Dealers in my scope', response: { 200: DealerList } },
      config: { access: 'org:read' },
    },
    async (req) => org.listDealers(db, actorOf(req)),
  );

  r.get(
    '/api/dealers/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'One dealer (404 outside my scope)',
        params: IdParams,
        response: { 200: Dealer },
      },
      config: { access: 'org:read' },
    },
    async (req) => org.getDealer(db, actorOf(req), req.params.id),
  );

  r.get(
    '/api/staff',
    {
      schema: {
        tags: ['org'],
        summary: 'Staff of the dealer I work in',
        querystring: StaffQuery,
        response: { 200: StaffList },
      },
      config: { access: 'staff:read' },
    },
    async (req) => org.listStaff(db, actorOf(req), req.query),
  );
  listExportRoute(app, STAFF_EXPORT);

  r.get(
    '/api/staff/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'One staff member (404 outside my dealers)',
        params: IdParams,
        response: { 200: Staff },
      },
      config: { access: 'staff:read' },
    },
    async (req) => org.getStaff(db, actorOf(req), req.params.id),
  );

  r.post(
    '/api/staff',
    {
      schema: {
        tags: ['org'],
        summary: 'Add a staff member to the dealer I work in',
        body: CreateStaffRequest,
        response: { 201: Staff },
      },
      config: { access: 'staff:manage' },
    },
    async (req, reply) => reply.status(201).send(await org.createStaff(db, actorOf(req), req.body)),
  );
}
