import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { CsvTokenizer } from './csv-tokenizer';
import { type CsvEncoding, ImportFileError, type RawRow } from './types';

const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Longest accepted field/record, in characters: a 200 MB "line" is not a CSV row. */
const MAX_RECORD_CHARS = 1_000_000;

/** The delimiter that occurs most often (outside quotes) in the first non-empty line; ',' on a tie or none. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let seen = false;
  for (const ch of text.replace(/^\uFEFF/, '')) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seen) break;
    } else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    if (ch.trim() !== '') seen = true;
  }
  let best: string = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

async function readHeadText(filePath: string, encoding: CsvEncoding): Promise<string> {
  const fh = await fs.promises.open(filePath, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return iconv.decode(buf.subarray(0, bytesRead), encoding);
  } finally {
    await fh.close();
  }
}

/** Resolves when `s` has data to read, has ended, or fails (listeners removed either way). */
function readable(s: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const off = () => {
      s.off('readable', ok);
      s.off('end', ok);
      s.off('error', fail);
    };
    const ok = () => (off(), resolve());
    const fail = (e: Error) => (off(), reject(e));
    s.on('readable', ok);
    s.on('end', ok);
    s.on('error', fail);
  });
}

/** Pulls the parsed records in batches: one await per batch instead of one per row. */
async function* recordBatches(parser: Readable, size: number): AsyncGenerator<string[][]> {
  for (;;) {
    const batch: string[][] = [];
    let rec: string[] | null;
    while (batch.length < size && (rec = parser.read() as string[] | null) !== null) batch.push(rec);
    if (batch.length > 0) yield batch;
    else if (parser.readableEnded || parser.destroyed) return;
    else await readable(parser);
  }
}

/** Old Mac exports end lines with a bare \r: csv-parse detects that; the fast tokenizer reads \n and \r\n. */
const bareCrLines = (head: string) => head.includes('\r') && !head.includes('\n');

/** The fast path: decoded text through CsvTokenizer, a batch of records per read chunk. */
async function* tokenizedRecords(
  filePath: string,
  encoding: CsvEncoding,
  delimiter: string,
): AsyncGenerator<(string | null)[][]> {
  const file = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 });
  const decoded = (
    encoding === 'utf-8' ? file.setEncoding('utf8') : file.pipe(iconv.decodeStream('gb18030'))
  ) as AsyncIterable<string>;
  const tokenizer = new CsvTokenizer(delimiter, MAX_RECORD_CHARS);
  try {
    for await (const text of decoded) {
      const records = tokenizer.push(text);
      if (records.length > 0) yield records;
    }
    const last = tokenizer.end();
    if (last.length > 0) yield last;
  } finally {
    file.destroy();
  }
}

/** The csv-parse path (bare-\r files). */
async function* parsedRecords(
  filePath: string,
  encoding: CsvEncoding,
  delimiter: string,
): AsyncGenerator<(string | null)[][]> {
  const file = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 });
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
  });
  const decoded = encoding === 'utf-8' ? file : file.pipe(iconv.decodeStream('gb18030'));
  file.on('error', (e) => parser.destroy(e));
  decoded.pipe(parser);
  try {
    for await (const records of recordBatches(parser, 1000))
      yield records.map((record) => record.map((v) => (v === '' ? null : v)));
  } finally {
    file.destroy();
    parser.destroy();
  }
}

/**
 * Streams the records of a CSV file, in batches, as raw rows numbered like Excel numbers them (one per record,
 * empty lines included, a quoted multi-line field staying in one row). Empty fields become null.
 */
export async function* readCsvRows(
  filePath: string,
  encoding: CsvEncoding,
  signal?: AbortSignal,
): AsyncGenerator<RawRow[]> {
  const head = await readHeadText(filePath, encoding);
  const delimiter = detectDelimiter(head);
  const source = bareCrLines(head) ? parsedRecords : tokenizedRecords;
  let rowNo = 0;
  try {
    for await (const records of source(filePath, encoding, delimiter)) {
      signal?.throwIfAborted();
      const rows: RawRow[] = new Array<RawRow>(records.length);
      for (let i = 0; i < records.length; i++) rows[i] = { rowNo: ++rowNo, cells: records[i] ?? [] };
      yield rows;
    }
  } catch (e) {
    if (signal?.aborted || e instanceof ImportFileError) throw e;
    const msg = `The CSV file could not be read near row ${rowNo + 1}: ${(e as Error).message}`;
    throw new ImportFileError('UNREADABLE_FILE', msg, { rowNo: rowNo + 1 });
  }
}
