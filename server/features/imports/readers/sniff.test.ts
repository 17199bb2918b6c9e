import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportFileError, readRows, sniffFile } from './index';
import {
  RO_HEADERS,
  RO_ROWS,
  tmpDir,
  writeBigXlsx,
  writeCsv,
  writeSampleXls,
  writeSampleXlsx,
  writeZipBomb,
  zip,
} from './test-fixtures';

const dir = tmpDir();
const at = (name: string) => path.join(dir, name);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function rejection(p: Promise<unknown>): Promise<ImportFileError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportFileError);
  return e as ImportFileError;
}

describe('sniffFile: hostile and broken files', () => {
  it('refuses an unknown extension', async () => {
    const file = writeCsv(at('data.txt'), [RO_HEADERS]);
    const e = await rejection(sniffFile(file, 'data.txt'));
    expect(e.code).toBe('UNSUPPORTED_FORMAT');
    expect(e.message).toContain('.txt');
  });

  it('refuses an empty file and a CSV of blank space', async () => {
    fs.writeFileSync(at('empty.csv'), '');
    expect((await rejection(sniffFile(at('empty.csv'), 'empty.csv'))).code).toBe('EMPTY_FILE');
    fs.writeFileSync(at('blank.csv'), '\uFEFF \r\n\r\n');
    expect((await rejection(sniffFile(at('blank.csv'), 'blank.csv'))).code).toBe('EMPTY_FILE');
  });

  it('refuses a file over maxBytes, saying the size and the limit', async () => {
    const file = writeCsv(at('big.csv'), [RO_HEADERS, ...RO_ROWS]);
    const e = await rejection(sniffFile(file, 'big.csv', { maxBytes: 100 }));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.message).toMatch(/limit of 100 bytes/);
  });

  it('refuses a CSV named .xlsx, an .xlsx named .xls and an .xls named .xlsx (EXTENSION_MISMATCH)', async () => {
    const csv = writeCsv(at('fake.xlsx'), [RO_HEADERS, ...RO_ROWS]);
    const e1 = await rejection(sniffFile(csv, '工单.xlsx'));
    expect(e1.code).toBe('EXTENSION_MISMATCH');
    expect(e1.message).toContain('plain text (CSV)');
    const xlsx = await writeSampleXlsx(at('real.xlsx'));
    expect((await rejection(sniffFile(xlsx, '工单.xls'))).code).toBe('EXTENSION_MISMATCH');
    expect((await rejection(sniffFile(xlsx, '工单.csv'))).code).toBe('EXTENSION_MISMATCH');
    const xls = writeSampleXls(at('real.xls'));
    const e2 = await rejection(sniffFile(xls, '工单.xlsx'));
    expect(e2.code).toBe('EXTENSION_MISMATCH');
    expect(e2.message).toContain('OLE2');
  });

  it('refuses an HTML table saved as .xls', async () => {
    fs.writeFileSync(at('web.xls'), '<html><body><table><tr><td>=1+1</td></tr></table></body></html>');
    const e = await rejection(sniffFile(at('web.xls'), 'web.xls'));
    expect(e.code).toBe('EXTENSION_MISMATCH');
    expect(e.message).toContain('HTML');
  });

  it('refuses binary junk under any name', async () => {
    const junk = Buffer.alloc(4096, 0);
    for (let i = 0; i < junk.length; i += 7) junk[i] = (i * 31) & 0xff;
    for (const name of ['junk.csv', 'junk.xlsx', 'junk.xls']) {
      fs.writeFileSync(at(name), junk);
      const e = await rejection(sniffFile(at(name), name));
      expect(e.code, name).toBe('UNREADABLE_FILE');
      expect(e.message, name).toContain('binary data');
    }
  });

  it('refuses a zip that is not a workbook, and a truncated zip', async () => {
    const xlsx = await writeSampleXlsx(at('whole.xlsx'));
    const bytes = fs.readFileSync(xlsx);
    fs.writeFileSync(at('cut.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await rejection(sniffFile(at('cut.xlsx'), 'cut.xlsx'))).code).toBe('UNREADABLE_FILE');
    const doc = { name: 'word/document.xml', data: zlib.deflateRawSync('<w/>'), size: 4 };
    fs.writeFileSync(at('doc.xlsx'), zip([doc]));
    const e = await rejection(sniffFile(at('doc.xlsx'), 'doc.xlsx'));
    expect(e.code).toBe('UNSUPPORTED_FORMAT');
    expect(e.message).toContain('not an Excel workbook');
  });

  it('refuses a zip bomb (200 MB of zeros in one entry) before unpacking anything', async () => {
    const file = await writeZipBomb(at('bomb.xlsx'), 200);
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
    const e = await rejection(sniffFile(file, 'bomb.xlsx'));
    expect(e.code).toBe('ZIP_BOMB');
    expect(e.message).toMatch(/xl\/worksheets\/sheet1\.xml" expands \d+-fold/);
    // the same bomb with undecompressable data is still refused as a bomb: nothing was inflated
    const junk = await writeZipBomb(at('bomb-junk.xlsx'), 200, true);
    expect((await rejection(sniffFile(junk, 'bomb-junk.xlsx'))).code).toBe('ZIP_BOMB');
  });

  it('refuses an .xlsx whose entries add up to more than maxUncompressedBytes', async () => {
    const file = await writeSampleXlsx(at('limit.xlsx'));
    const e = await rejection(sniffFile(file, 'limit.xlsx', { maxUncompressedBytes: 2000 }));
    expect(e.code).toBe('ZIP_BOMB');
    expect(e.message).toMatch(/more than 2.0 KB/);
  });

  it('stops with TOO_MANY_ROWS past maxRows, for a CSV and for an .xlsx', async () => {
    const lines = [RO_HEADERS, ...Array.from({ length: 20 }, (_, i) => [`RO${i}`, '2024-05-01'])];
    const csv = writeCsv(at('rows.csv'), lines);
    const read = async (file: string, name: string) => {
      let n = 0;
      for await (const _ of readRows(file, await sniffFile(file, name), { limits: { maxRows: 10 } })) n++;
      return n;
    };
    const e = await rejection(read(csv, 'rows.csv'));
    expect(e.code).toBe('TOO_MANY_ROWS');
    expect(e.message).toContain('more than 10 data rows');
    const xlsx = await writeBigXlsx(at('rows.xlsx'), 50);
    expect((await rejection(read(xlsx, 'rows.xlsx'))).code).toBe('TOO_MANY_ROWS');
  });
});
