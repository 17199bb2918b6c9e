import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, Ok } from '../../../core/contracts/common';
import {
  ConsentRequest,
  Customer360,
  CustomerSearchQuery,
  CustomerSearchResult,
  FieldPermissionTable,
  InterferenceList,
  RevealRequest,
  RevealResult,
  UpdateFieldPermissions,
} from '../../../core/contracts/customers';
import type { Actor } from '../../http/actor';
import * as customers from './customers.service';
import * as privacy from './privacy.service';
import { listExportRoute } from '../exports/list-export';
import { FLAGS_EXPORT, SEARCH_EXPORT } from './customers.exports';

const tags = ['customers'];

export function customersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.manyi;
  const db = database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;
  listExportRoute(app, FLAGS_EXPORT);
  listExportRoute(app, SEARCH_EXPORT);

  r.get(
    '/api/customers',
    {
      schema: {
        tags,
        summary: 'Search customers by name, phone, plate or VIN',
        querystring: CustomerSearchQuery,
        response: { 200: CustomerSearchResult },
      },
      config: { access: 'customers:read' },
    },
    async (req) => customers.searchCustomers(db, actorOf(req), req.query.q, req.query.limit),
  );

  r.get(
    '/api/customers/:id',
    {
      schema: {
        tags,
        summary: 'Customer 360: data (masked per the permission table), vehicles, transactions, timeline',
        params: IdParams,
        response: { 200: Customer360 },
      },
      config: { access: 'customers:read' },
    },
    async (req) => customers.getCustomer360(db, actorOf(req), req.params.id),
  );

  r.post(
    '/api/customers/:id/reveal',
    {
      schema: {
        tags,
        summary: 'Reveal a masked phone or ID number (audited)',
        params: IdParams,
        body: RevealRequest,
        response: { 200: RevealResult },
      },
      config: { access: 'customers:read' },
    },
    async (req) => customers.revealField(db, config, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/customers/:id/consent',
    {
      schema: {
        tags,
        summary: "Record the customer's service-callback / marketing consent with its evidence",
        params: IdParams,
        body: ConsentRequest,
        response: { 200: Customer360 },
      },
      config: { access: 'customers:consent' },
    },
    async (req) => customers.recordConsent(db, actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/customer-flags',
    {
      schema: {
        tags,
        summary: 'Survey-interference flags: phones shared by many customers or equal to a staff phone',
        response: { 200: InterferenceList },
      },
      config: { access: 'customers:flags' },
    },
    async (req) => customers.listInterference(db, actorOf(req)),
  );

  r.get(
    '/api/customer-permissions',
    {
      schema: {
        tags,
        summary: 'The customer-information permission table (客户信息权限管理表) of my dealer',
        response: { 200: FieldPermissionTable },
      },
      config: { access: 'customers:privacy' },
    },
    async (req) => privacy.getTable(db, actorOf(req)),
  );

  r.put(
    '/api/customer-permissions',
    {
      schema: {
        tags,
        summary: 'Change entries of the permission table (audited)',
        body: UpdateFieldPermissions,
        response: { 200: Ok },
      },
      config: { access: 'customers:privacy' },
    },
    async (req) => {
      await privacy.updateTable(db, actorOf(req), req.body.items);
      return { ok: true as const };
    },
  );
}
