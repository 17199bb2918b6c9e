import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CalendarPreview,
  CalendarPreviewQuery,
  CalendarSettings,
  PutCalendarRequest,
} from '../../../core/contracts/calendar';
import type { Actor } from '../../http/actor';
import * as calendar from './calendar.service';

const tags = ['calendar'];

export function calendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.get(
    '/api/calendar/overrides',
    {
      schema: {
        tags,
        summary: 'Working calendar of my dealer: overrides of the statutory calendar and deadline hours',
        response: { 200: CalendarSettings },
      },
      config: { access: 'org:read' },
    },
    async (req) => calendar.getCalendarSettings(db, actorOf(req)),
  );

  r.put(
    '/api/calendar/overrides',
    {
      schema: {
        tags,
        summary: 'Replace the dealer overrides (extra working days / days off) and the deadline hours',
        body: PutCalendarRequest,
        response: { 200: CalendarSettings },
      },
      config: { access: 'calendar:manage' },
    },
    async (req) => calendar.putCalendarSettings(db, actorOf(req), req.body),
  );

  r.get(
    '/api/calendar/preview',
    {
      schema: {
        tags,
        summary: 'Which day is N working days after a date, and why each day in between counts or not',
        querystring: CalendarPreviewQuery,
        response: { 200: CalendarPreview },
      },
      config: { access: 'org:read' },
    },
    async (req) => calendar.previewCalendar(db, actorOf(req), req.query),
  );
}
