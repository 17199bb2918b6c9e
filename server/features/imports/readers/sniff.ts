import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { checkZipDirectory } from './zip-check';
import {
  type CsvEncoding,
  type FileFormat,
  formatBytes,
  ImportFileError,
  type ReadLimits,
  resolveLimits,
  type SniffResult,
} from './types';

const HEAD_BYTES = 64 * 1024;
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EXTENSIONS: Record<string, FileFormat> = { '.csv': 'csv', '.xlsx': 'xlsx', '.xls': 'xls' };

type Content = 'zip' | 'ole2' | 'utf16' | 'binary' | 'html' | 'text';

/** What the first bytes say the file is, whatever its name. */
function classify(head: Buffer): Content {
  if (head.subarray(0, 4).equals(ZIP)) return 'zip';
  if (head.subarray(0, 8).equals(OLE2)) return 'ole2';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16';
  if (head.includes(0)) return 'binary';
  const start = head
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  return /^<(!doctype|html|\?xml|table|meta|head|body)/i.test(start) ? 'html' : 'text';
}

const DESCRIBE: Record<Content, string> = {
  zip: 'a zip archive (an .xlsx workbook)',
  ole2: 'an OLE2 container (a legacy .xls workbook, or a password-protected Excel file)',
  utf16: 'UTF-16 text',
  binary: 'binary data',
  html: 'an HTML/XML page (some systems save web tables with an .xls name)',
  text: 'plain text (CSV)',
};

/** Extension and content must agree. */
function checkContent(format: FileFormat, content: Content, head: Buffer): void {
  const expected: Record<FileFormat, Content> = { xlsx: 'zip', xls: 'ole2', csv: 'text' };
  if (content === expected[format]) return;
  const found = DESCRIBE[content];
  if (content === 'binary' || (content === 'utf16' && format === 'csv')) {
    const what =
      content === 'utf16' ? 'UTF-16 text; save it as UTF-8 or GBK CSV' : `binary data (starts with ${hex(head)})`;
    throw new ImportFileError(
      'UNREADABLE_FILE',
      `The .${format} file is not a valid ${format} file: it contains ${what}`,
    );
  }
  throw new ImportFileError(
    'EXTENSION_MISMATCH',
    `The file is named .${format} but its content is ${found}; save it again from Excel as .xlsx or .csv`,
    { extension: format, content },
  );
}

const hex = (b: Buffer) => [...b.subarray(0, 8)].map((x) => x.toString(16).padStart(2, '0')).join(' ');

async function readHead(filePath: string): Promise<Buffer> {
  const fh = await fs.promises.open(filePath, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Index where a possibly incomplete UTF-8 sequence starts at the end of `b` (b.length when none). */
function completeUpTo(b: Buffer): number {
  for (let i = b.length - 1; i >= Math.max(0, b.length - 3); i--) {
    const byte = b[i] ?? 0;
    if (byte < 0x80) return b.length;
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return b.length - i >= need ? b.length : i;
    }
  }
  return b.length;
}

/** Valid UTF-8 all the way through (with or without BOM) → 'utf-8'; otherwise GB18030 (GBK is a subset). */
export async function detectEncoding(filePath: string): Promise<CsvEncoding> {
  let carry = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1024 * 1024 })) {
    const buf = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const end = completeUpTo(buf);
    if (!isUtf8(buf.subarray(0, end))) return 'gb18030';
    carry = Buffer.from(buf.subarray(end));
  }
  return carry.length === 0 ? 'utf-8' : 'gb18030';
}

/**
 * Checks size, that extension and content agree, that an .xlsx cannot expand past the limit (zip central
 * directory only, nothing unpacked), and for a CSV detects the encoding.
 */
export async function sniffFile(
  filePath: string,
  originalName: string,
  limits?: Partial<ReadLimits>,
): Promise<SniffResult> {
  const lim = resolveLimits(limits);
  const ext = path.extname(originalName).toLowerCase();
  const format = EXTENSIONS[ext];
  if (!format) {
    const found = ext || 'no extension';
    throw new ImportFileError('UNSUPPORTED_FORMAT', `Only .xlsx, .xls and .csv files can be imported, not "${found}"`);
  }
  const { size: bytes } = await fs.promises.stat(filePath);
  if (bytes === 0) throw new ImportFileError('EMPTY_FILE', 'The file is empty (0 bytes)');
  if (bytes > lim.maxBytes) {
    const msg = `The file is ${formatBytes(bytes)}, larger than the limit of ${formatBytes(lim.maxBytes)}`;
    throw new ImportFileError('FILE_TOO_LARGE', msg, { bytes, limit: lim.maxBytes });
  }
  const head = await readHead(filePath);
  checkContent(format, classify(head), head);
  if (format === 'xlsx') await checkWorkbookZip(filePath, lim.maxUncompressedBytes);
  if (format !== 'csv') return { format, encoding: null, bytes };
  if (bytes <= HEAD_BYTES && /^[\s\uFEFF]*$/.test(head.toString('utf8'))) {
    throw new ImportFileError('EMPTY_FILE', 'The CSV file contains no data (only blank space)');
  }
  return { format, encoding: await detectEncoding(filePath), bytes };
}

async function checkWorkbookZip(filePath: string, maxUncompressedBytes: number): Promise<void> {
  const names = await checkZipDirectory(filePath, maxUncompressedBytes);
  if (!names.includes('xl/workbook.xml')) {
    const msg = 'The .xlsx file is a zip archive but not an Excel workbook (it has no xl/workbook.xml)';
    throw new ImportFileError('UNSUPPORTED_FORMAT', msg, { entries: names.slice(0, 20) });
  }
}
