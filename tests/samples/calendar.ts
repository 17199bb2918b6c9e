import type { Role } from '../../core/permissions';

/** Route samples for the working calendar (issue 6). */
type Sample = (f: unknown, role: Role) => { url: string; body?: unknown; ok: number };

export const CALENDAR_SAMPLES: Record<string, Sample> = {
  'GET /api/calendar/overrides': () => ({ url: '/api/calendar/overrides', ok: 200 }),
  'PUT /api/calendar/overrides': () => ({
    url: '/api/calendar/overrides',
    body: { overrides: [{ date: '2026-12-31', working: false, note: '年终盘点' }], hours: null },
    ok: 200,
  }),
  'GET /api/calendar/preview': () => ({ url: '/api/calendar/preview?from=2024-09-27&workingDays=2', ok: 200 }),
};
