import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../../../core/permissions';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { permissionsFor } from '../customers/field-permissions';
import { requireDealer } from '../org/org.service';
import { guardPersonalExport } from '../reports/export-guard';
import { listWorkbook, pick, type ListColumn, type Text } from './list-xlsx';

/**
 * One way for a list to offer `…/export.xlsx` (issue 7): the route takes the list's own query schema (plus
 * `reason`), reads the rows through the same service function as the JSON list — so the same filter, the same
 * dealer, the same access and the same masking — drops the columns the customer-information permission table
 * hides from the role, passes lists naming people through the export guard (a reason above the dealer's row
 * count, every export audited), and answers the file.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** At most this many rows in one file; a wider export asks to narrow the filter. */
export const LIST_EXPORT_LIMIT = 20_000;
/** Page size when a paged list is read in full. */
const PAGE = 500;

export const ExportReason = z.string().trim().min(2).max(500).optional();

export interface ListExportDef<S extends z.ZodObject, R> {
  /** The JSON list's path; the export is `${path}/export.xlsx`. */
  path: string;
  access: Permission;
  /** The JSON list's query schema: the export takes the same filter. */
  query: S;
  /** Audit entity type and file name. */
  entity: string;
  title: Text;
  columns: ListColumn<R>[];
  /** The rows name customers or staff: the export guard applies (reason above the row count, audited). */
  personal: boolean;
  /**
   * The rows of the JSON list for this filter. A paged list receives `limit`/`offset` and is read page by page
   * (`total` tells when to stop); an unpaged list ignores them.
   */
  rows: (db: Db, actor: Actor, query: z.infer<S>, page: { limit: number; offset: number }) => Promise<R[]>;
  /** Human names of the filter fields for the title block (the key itself otherwise). */
  filterLabels?: Record<string, Text>;
}

async function readAll<S extends z.ZodObject, R>(
  def: ListExportDef<S, R>,
  db: Db,
  actor: Actor,
  query: z.infer<S>,
): Promise<R[]> {
  const paged = 'limit' in def.query.shape;
  const out: R[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await def.rows(db, actor, paged ? { ...query, limit: PAGE, offset } : query, { limit: PAGE, offset });
    out.push(...page);
    if (out.length > LIST_EXPORT_LIMIT)
      throw new AppError(
        'BAD_REQUEST',
        `This export has more than ${LIST_EXPORT_LIMIT} rows; narrow the filter and export again`,
        { limit: LIST_EXPORT_LIMIT },
      );
    // An unpaged list answers everything at once.
    if (!paged || page.length < PAGE) return out;
  }
}

function describeFilter(
  query: Record<string, unknown>,
  labels: Record<string, Text> | undefined,
  lang: 'zh-CN' | 'en',
) {
  return Object.entries(query)
    .filter(([k, v]) => v !== undefined && v !== '' && !['limit', 'offset', 'reason', 'dealerId'].includes(k))
    .map(([k, v]) => `${labels?.[k] ? pick(labels[k], lang) : k}=${String(v)}`)
    .join('；');
}

const fileName = (s: string) => s.replace(/[\\/?*[\]:"<>|]/g, '-');

/** The export of one list, computed for a request (used by the route; tests may call it directly). */
export async function exportList<S extends z.ZodObject, R>(
  def: ListExportDef<S, R>,
  db: Db,
  actor: Actor,
  query: z.infer<S> & { reason?: string | undefined },
) {
  const { reason, ...filter } = query;
  // The rows are read (and the dealer checked against the actor's scope) before anything names the dealer.
  const rows = await readAll(def, db, actor, filter as z.infer<S>);
  // A list about another dealer of the actor's scope (a group analyst's drill or ranking: `dealerId` in the
  // filter) is titled, timed, guarded and audited as that dealer's; every other list as the current dealer's.
  const about = (filter as { dealerId?: unknown }).dealerId;
  const dealerId = typeof about === 'string' && actor.dealerIds.includes(about) ? about : requireDealer(actor);
  const dealer = actor.dealers.find((d) => d.id === dealerId);
  const timeZone = dealer?.timeZone ?? 'Asia/Shanghai';
  const perms = await permissionsFor(db, dealerId, actor.roles);
  const columns = def.columns.filter((c) => !c.group || perms[c.group].view !== 'none');
  if (def.personal)
    await guardPersonalExport(db, actor, {
      dealerId,
      entityType: def.entity,
      entityId: dealerId,
      rows: rows.length,
      // The lists show phones masked (or not at all); a full number never leaves through a list export.
      phones: perms.contact.view === 'none' ? 'none' : 'masked',
      reason,
    });
  const lang = actor.locale;
  const title = pick(def.title, lang);
  const dealerName = dealer?.name ?? '';
  const exportedAt = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(),
  );
  const buffer = await listWorkbook(columns, rows, {
    title,
    dealerName,
    filter: describeFilter(filter, def.filterLabels, lang),
    exportedAt,
    exportedBy: actor.displayName,
    timeZone,
    lang,
  });
  return { buffer, fileName: fileName(`${title}-${dealerName}-${exportedAt.slice(0, 10)}.xlsx`) };
}

/** Registers `GET ${def.path}/export.xlsx` with the list's filter, access and masking. */
export function listExportRoute<S extends z.ZodObject, R>(app: FastifyInstance, def: ListExportDef<S, R>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  r.get(
    `${def.path}/export.xlsx`,
    {
      schema: {
        tags: ['exports'],
        summary: `${def.title.en} as Excel (the list's filter); a large export of personal data needs a reason`,
        querystring: def.query.extend({ reason: ExportReason }),
      },
      config: { access: def.access },
    },
    async (req: FastifyRequest, reply) => {
      const { buffer, fileName: name } = await exportList(
        def,
        db,
        req.actor as Actor,
        req.query as z.infer<S> & { reason?: string },
      );
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="${def.entity}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(buffer);
    },
  );
}
