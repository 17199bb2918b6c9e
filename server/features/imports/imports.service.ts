import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { ImportRun } from '../../../core/contracts/imports';
import { IMPORT_FIELDS, type ImportKind } from '../../../core/rules/dms-fields';
import { checkMapping, suggestMapping, type Mapping } from '../../../core/rules/dms-mapping';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { requireDealer } from '../org/org.service';
import { executeRun } from './import-runner';
import * as q from './imports.queries';
import { ImportFileError, previewFile, sniffFile } from './readers/index';

type RunRow = NonNullable<Awaited<ReturnType<typeof q.findRun>>>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
export function toRun(r: RunRow): ImportRun {
  return {
    id: r.id,
    dealerId: r.dealerId,
    kind: r.kind as ImportKind,
    fileName: r.fileName,
    format: r.format as ImportRun['format'],
    encoding: r.encoding,
    bytes: Number(r.bytes),
    status: r.status as ImportRun['status'],
    headers: r.headers as string[],
    mapping: r.mapping as Mapping,
    totalRows: r.totalRows,
    processedRows: r.processedRows,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
  };
}

/** A readers error becomes a clear 4xx: nothing was stored. */
function fileRejected(e: unknown): never {
  if (e instanceof ImportFileError)
    throw new AppError('IMPORT_FILE_REJECTED', e.message, {
      reason: e.code,
      ...(e.details ? { info: e.details } : {}),
    });
  throw e;
}

/** Stores an uploaded file under a generated name outside any served folder, checks it, previews it. */
export async function createUpload(
  db: Db,
  config: Config,
  actor: Actor,
  input: { kind: ImportKind; fileName: string; stream: Readable },
) {
  const dealerId = requireDealer(actor);
  const ext = path.extname(input.fileName).toLowerCase();
  if (!['.csv', '.xlsx', '.xls'].includes(ext))
    throw new AppError(
      'IMPORT_FILE_REJECTED',
      `Only .xlsx, .xls and .csv files can be imported, not "${ext || 'no extension'}"`,
      { reason: 'UNSUPPORTED_FORMAT' },
    );
  fs.mkdirSync(config.uploadDir, { recursive: true, mode: 0o700 });
  const storedName = `${randomUUID()}${ext}`;
  const file = path.join(config.uploadDir, storedName);
  try {
    await pipeline(input.stream, fs.createWriteStream(file, { mode: 0o600 }));
    if ((input.stream as Readable & { truncated?: boolean }).truncated)
      throw new ImportFileError(
        'FILE_TOO_LARGE',
        `The file is larger than the limit of ${Math.round(config.importMaxBytes / 1048576)} MB`,
      );
    const sniff = await sniffFile(file, input.fileName, { maxBytes: config.importMaxBytes }).catch(fileRejected);
    const preview = await previewFile(file, sniff, 10).catch(fileRejected);
    const saved = await q.findSavedMapping(db, dealerId, input.kind);
    const savedMapping = saved ? adaptMapping(input.kind, saved.mapping as Mapping, preview.headers) : null;
    const mapping = savedMapping ?? suggestMapping(input.kind, preview.headers);
    const row = await q.insertRun(db, {
      dealerId,
      kind: input.kind,
      fileName: input.fileName.slice(0, 200),
      storedName,
      format: sniff.format,
      encoding: sniff.encoding,
      bytes: sniff.bytes,
      headers: preview.headers,
      mapping,
      createdBy: actor.userId,
    });
    await appendAudit(db, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'import.upload',
      entityType: 'import_run',
      entityId: row.id,
      ip: actor.ip,
      details: { kind: input.kind, fileName: row.fileName, bytes: sniff.bytes },
    });
    const fields = IMPORT_FIELDS[input.kind].map((f) => ({
      field: f.field,
      type: f.type,
      required: f.required ?? false,
    }));
    return {
      run: toRun(row),
      preview,
      suggestedMapping: mapping,
      mappingSource: savedMapping ? ('saved' as const) : ('presets' as const),
      fields,
    };
  } catch (e) {
    fs.rmSync(file, { force: true });
    if (e instanceof ImportFileError) fileRejected(e);
    throw e;
  }
}

/** A saved mapping applies to the headers it names; other headers fall back to the presets. */
function adaptMapping(kind: ImportKind, saved: Mapping, headers: string[]): Mapping | null {
  const known = headers.filter((h) => h in saved);
  if (known.length < Math.ceil(headers.length / 2)) return null;
  const presets = suggestMapping(kind, headers);
  const out: Mapping = {};
  const used = new Set<string>();
  for (const h of headers) {
    const field = h in saved ? (saved[h] ?? null) : null;
    out[h] = field;
    if (field) used.add(field);
  }
  for (const h of headers) {
    const guess = presets[h];
    if (!(h in saved) && guess && !used.has(guess)) {
      out[h] = guess;
      used.add(guess);
    }
  }
  return out;
}

export async function getRun(db: Db, actor: Actor, id: string) {
  const row = await q.findRun(db, requireDealer(actor), id);
  if (!row) throw notFound('Import run');
  return row;
}

export async function listRuns(db: Db, actor: Actor) {
  return { items: (await q.findRuns(db, requireDealer(actor), 30)).map(toRun) };
}

const running = new Map<string, AbortController>();

/** Validates the mapping, queues the run and executes it in the background (or awaits it: CLI). */
export async function startRun(
  db: Db,
  config: Config,
  actor: Actor,
  id: string,
  input: { mapping: Mapping; saveMapping: boolean },
  opts: { wait?: boolean } = {},
) {
  const row = await getRun(db, actor, id);
  if (!['uploaded', 'failed', 'interrupted', 'cancelled', 'completed'].includes(row.status))
    throw new AppError('CONFLICT', `This import is already ${row.status}`);
  const headers = row.headers as string[];
  const unknown = Object.keys(input.mapping).filter((h) => !headers.includes(h));
  const problems = [
    ...checkMapping(row.kind as ImportKind, input.mapping),
    ...unknown.map((h) => `"${h}" is not a column of this file`),
  ];
  if (problems.length) throw new AppError('INVALID_MAPPING', problems.join('; '), { problems });
  const mapping = Object.fromEntries(headers.map((h) => [h, input.mapping[h] ?? null]));
  const queued = await q.markQueued(db, row.dealerId, id, mapping);
  if (input.saveMapping) await q.saveMapping(db, row.dealerId, row.kind, mapping, actor.userId);
  await appendAudit(db, {
    dealerId: row.dealerId,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action: 'import.start',
    entityType: 'import_run',
    entityId: id,
    ip: actor.ip,
    details: { kind: row.kind },
  });
  const controller = new AbortController();
  running.set(id, controller);
  const target = {
    dealerId: row.dealerId,
    runId: id,
    kind: row.kind as ImportKind,
    storedName: row.storedName,
    format: row.format as 'csv',
    encoding: row.encoding as 'utf-8' | null,
    headers,
    mapping,
    actorId: actor.userId,
    actorUsername: actor.username,
  };
  const job = executeRun(db, config, target, controller.signal)
    .catch(async (e: unknown) => {
      const message = controller.signal.aborted ? 'Cancelled' : e instanceof Error ? e.message : String(e);
      return q.finishRun(db, row.dealerId, id, controller.signal.aborted ? 'cancelled' : 'failed', message);
    })
    .finally(() => running.delete(id));
  if (opts.wait) return toRun(await job);
  return toRun(queued);
}

export async function cancelRun(db: Db, actor: Actor, id: string) {
  const row = await getRun(db, actor, id);
  const c = running.get(id);
  if (!c) throw new AppError('CONFLICT', `This import is ${row.status}, not running in this server`);
  c.abort();
  return toRun(row);
}
