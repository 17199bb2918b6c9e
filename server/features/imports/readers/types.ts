/** Shared types, limits and the one error type of the import file readers. */

export type FileFormat = 'csv' | 'xlsx' | 'xls';
export type CsvEncoding = 'utf-8' | 'gb18030';

/**
 * One cell as the import pipeline sees it. Excel dates become 'YYYY-MM-DD' (or 'YYYY-MM-DD HH:mm:ss' when a time
 * part is present); numbers stay numbers; formulas give their cached result; rich text gives its plain text.
 */
export type Cell = string | number | boolean | null;

export interface SniffResult {
  format: FileFormat;
  encoding: CsvEncoding | null;
  bytes: number;
}

export type FileSpec = Pick<SniffResult, 'format' | 'encoding'>;

/** A row as read from the file: its 1-based row number in the file and its cells. */
export interface RawRow {
  rowNo: number;
  cells: Cell[];
}

export interface ReadLimits {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Most data rows (the header excluded). */
  maxRows: number;
  /** Most bytes an .xlsx may expand to (sum of its zip entries' uncompressed sizes). */
  maxUncompressedBytes: number;
  /** Old-generation heap of the worker thread that parses Excel files, in MB. */
  maxWorkerMemoryMb: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 200 * 1024 * 1024,
  maxRows: 2_000_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxWorkerMemoryMb: 512,
};

export function resolveLimits(limits?: Partial<ReadLimits>): ReadLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(out) as (keyof ReadLimits)[]) {
    const v = limits?.[key];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[key] = v;
  }
  return out;
}

export type ImportFileErrorCode =
  | 'FILE_TOO_LARGE'
  | 'TOO_MANY_ROWS'
  | 'UNSUPPORTED_FORMAT'
  | 'EXTENSION_MISMATCH'
  | 'ZIP_BOMB'
  | 'UNREADABLE_FILE'
  | 'EMPTY_FILE'
  | 'NO_HEADER';

/** The file as a whole cannot be imported; `message` says why in English, `details` carries the numbers. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;
