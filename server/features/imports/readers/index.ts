/**
 * Readers for dealers' DMS exports (.xlsx, legacy .xls, .csv in UTF-8 or GBK/GB18030): check a file before
 * anything parses it (sniffFile), stream its rows (readRows), preview it, and write the rejected-rows workbook.
 */
import { isBlank } from './cells';
import { readCsvRows } from './csv-reader';
import { type ReadRow, shapeRowBatches, shapeRows } from './rows';
import { type Cell, type FileSpec, type RawRow, type ReadLimits, resolveLimits } from './types';
import { readInWorker } from './worker-client';

export { sniffFile, detectEncoding } from './sniff';
export { writeRejectsWorkbook, neutralizeText, type RejectedRow } from './rejects-writer';
export { DEFAULT_LIMITS, ImportFileError } from './types';
export type { Cell, CsvEncoding, FileFormat, ImportFileErrorCode, ReadLimits, SniffResult, FileSpec } from './types';
export type { ReadRow } from './rows';

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  signal?: AbortSignal;
}

function rawRows(
  filePath: string,
  sniff: FileSpec,
  limits: ReadLimits,
  signal?: AbortSignal,
): AsyncGenerator<RawRow[]> {
  if (sniff.format === 'csv') return readCsvRows(filePath, sniff.encoding ?? 'utf-8', signal);
  return readInWorker(filePath, sniff.format, limits, signal);
}

/**
 * Streams the rows of the first worksheet / the CSV: the header first (isHeader true), then the data rows with
 * their 1-based row number in the file. Fully empty rows are skipped; report-title rows above the header (rows
 * holding a single value, followed by a row with several) are skipped too. More than maxRows data rows throw
 * TOO_MANY_ROWS. Excel files are parsed in a memory-capped worker thread; `signal` aborts (and stops the worker).
 */
export function readRows(filePath: string, sniff: FileSpec, opts: ReadOptions = {}): AsyncGenerator<ReadRow> {
  const limits = resolveLimits(opts.limits);
  return shapeRows(rawRows(filePath, sniff, limits, opts.signal), limits.maxRows, opts.signal);
}

/** readRows in batches (one await per batch of rows, not per row): the import's hot path. */
export function readRowBatches(filePath: string, sniff: FileSpec, opts: ReadOptions = {}): AsyncGenerator<ReadRow[]> {
  const limits = resolveLimits(opts.limits);
  return shapeRowBatches(rawRows(filePath, sniff, limits, opts.signal), limits.maxRows, opts.signal);
}

/** Header text for the mapping UI: every header cell as a trimmed string ('' for a blank one). */
export const headerText = (c: Cell): string => (isBlank(c) ? '' : String(c).trim());

/** The header and the first n data rows (for the mapping UI); the read stops after them. */
export async function previewFile(
  filePath: string,
  sniff: FileSpec,
  n: number,
  opts: ReadOptions = {},
): Promise<{ headers: string[]; rows: Cell[][] }> {
  const headers: string[] = [];
  const rows: Cell[][] = [];
  for await (const row of readRows(filePath, sniff, opts)) {
    if (row.isHeader) headers.push(...row.cells.map(headerText));
    else if (rows.length < n) rows.push(row.cells);
    if (!row.isHeader && rows.length >= n) break;
  }
  return { headers, rows };
}
