import { z } from 'zod';
import { IMPORT_KINDS } from '../rules/dms-fields';

export const ImportKind = z.enum(IMPORT_KINDS);
export const ImportStatus = z.enum([
  'uploaded',
  'queued',
  'running',
  'completed',
  'failed',
  'interrupted',
  'cancelled',
]);
export const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const Mapping = z.record(z.string().max(200), z.string().max(64).nullable());

export const ImportRun = z.object({
  id: z.uuid(),
  dealerId: z.uuid(),
  kind: ImportKind,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx', 'xls']),
  encoding: z.string().nullable(),
  bytes: z.number(),
  status: ImportStatus,
  headers: z.array(z.string()),
  mapping: Mapping,
  totalRows: z.number().nullable(),
  processedRows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportRun = z.infer<typeof ImportRun>;

export const FieldInfo = z.object({ field: z.string(), type: z.string(), required: z.boolean() });

export const UploadResult = z.object({
  run: ImportRun,
  preview: z.object({ headers: z.array(z.string()), rows: z.array(z.array(CellValue)) }),
  suggestedMapping: Mapping,
  mappingSource: z.enum(['saved', 'presets']),
  fields: z.array(FieldInfo),
});

export const StartImportRequest = z.object({ mapping: Mapping, saveMapping: z.boolean().default(true) }).strict();
export const ImportRunList = z.object({ items: z.array(ImportRun) });
