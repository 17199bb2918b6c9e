/** Fixture files for the readers' tests, generated into a fresh temporary folder (never committed). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import XLSX from 'xlsx';

export const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'manyi-readers-'));

export const RO_HEADERS = ['维修工单号', '结算日期', '客户姓名', '手机', '车牌号', '金额'];
export const RO_ROWS = [
  ['RO2024050001', '2024-05-01', '张伟', '13812345678', '京A12345', '1280.50'],
  ['RO2024050002', '2024-05-02', '欧阳娜娜', '13987654321', '粤B D12345', '356'],
];

export function writeCsv(
  file: string,
  lines: string[][],
  opts: { encoding?: 'utf-8' | 'gbk'; bom?: boolean; sep?: string } = {},
) {
  const text = lines.map((l) => l.join(opts.sep ?? ',')).join('\r\n') + '\r\n';
  const body = opts.encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
  fs.writeFileSync(file, opts.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  return file;
}

/** An .xlsx with a title row, a date, a date-time, a number, a formula with a cached result and rich text. */
export async function writeSampleXlsx(file: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(['维修工单明细 2024年5月']);
  ws.addRow([]);
  ws.addRow(['维修工单号', '结算日期', '金额', '合计', '备注', '进厂时间']);
  ws.addRow([
    'RO001',
    new Date(Date.UTC(2024, 4, 1)),
    1280.5,
    { formula: 'C4*2', result: 2561 },
    { richText: [{ text: '客户' }, { text: '很满意', font: { bold: true } }] },
    new Date(Date.UTC(2024, 4, 1, 9, 30, 15)),
  ]);
  ws.getCell('B4').numFmt = 'yyyy-mm-dd';
  ws.getCell('F4').numFmt = 'yyyy-mm-dd hh:mm:ss';
  ws.addRow([]);
  ws.addRow(['RO002', new Date(Date.UTC(2023, 11, 31)), 0, { formula: 'C6*2', result: 0 }, '普通', null]);
  ws.getCell('B6').numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(file);
  return file;
}

/** A streamed .xlsx of `rows` data rows; unique strings in the shared-strings table when `shared` is set. */
export async function writeBigXlsx(file: string, rows: number, shared = false) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: shared });
  const ws = wb.addWorksheet('data');
  ws.addRow(['维修工单号', '客户姓名', '备注', '金额']).commit();
  for (let i = 1; i <= rows; i++) {
    ws.addRow([`RO${i}`, `客户${i}号`, `备注说明文字第${i}条，用于占用内存的较长文本`, i]).commit();
  }
  ws.commit();
  await wb.commit();
  return file;
}

export function writeSampleXls(file: string) {
  const ws = XLSX.utils.aoa_to_sheet([
    ['维修工单号', '结算日期', '客户姓名', '金额'],
    ['RO9001', new Date(Date.UTC(2024, 0, 15)), '李娜', 99.5],
    ['RO9002', new Date(Date.UTC(2024, 0, 16, 14, 5)), '王芳', 100],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '工单');
  fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
  return file;
}

export interface ZipPart {
  name: string;
  data: Buffer; // deflated
  size: number; // uncompressed
}

/** A minimal zip writer (deflate, no data descriptors); the CRC is not checked by a directory-only reader. */
export function zip(parts: ZipPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(p.data.length, 18);
    h.writeUInt32LE(p.size, 22);
    h.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(p.data.length, 20);
    c.writeUInt32LE(p.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    local.push(h, name, p.data);
    central.push(c, name);
    offset += 30 + name.length + p.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

/**
 * A real zip bomb: an "xlsx" whose sheet is `mb` MB of zeros deflated (about 1000:1), deflated chunk by chunk.
 * With `corrupt`, the deflated bytes are overwritten with junk: only a reader that never inflates still sees a bomb.
 */
export async function writeZipBomb(file: string, mb: number, corrupt = false) {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mb; i++) if (!deflate.write(zeros)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  const small = (s: string) => ({ name: s, data: zlib.deflateRawSync('<x/>'), size: 4 });
  const data = Buffer.concat(out);
  if (corrupt) data.fill(0xab);
  const sheet = { name: 'xl/worksheets/sheet1.xml', data, size: mb * 1024 * 1024 };
  fs.writeFileSync(file, zip([small('[Content_Types].xml'), small('xl/workbook.xml'), sheet]));
  return file;
}
