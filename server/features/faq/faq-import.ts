import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { FAQ_SOURCES, FaqArticleInput } from '../../../core/contracts/faq';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { ImportFileError, readRows, sniffFile, type Cell } from '../imports/readers/index';
import { requireDealer } from '../org/org.service';
import * as q from './faq.queries';
import { articleValues, localDate } from './faq.service';

/** An FAQ workbook is small: these limits refuse anything else before it is parsed. */
const LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 2000, maxUncompressedBytes: 50 * 1024 * 1024 };

type Field = 'question' | 'answer' | 'category' | 'tags' | 'sourceCode' | 'sourceVersion' | 'validFrom' | 'validTo';
/** Header names (lowercase, spaces removed) that map to each field. */
const HEADERS: Record<Field, string[]> = {
  question: ['问题', '常见问题', 'question'],
  answer: ['答案', '解答', '回答', 'answer'],
  category: ['分类', '类别', 'category'],
  tags: ['标签', '关键词', 'tags'],
  sourceCode: ['来源', '来源文件', '文件编号', 'source'],
  sourceVersion: ['版本', '年份', '版本/年份', 'version'],
  validFrom: ['生效日期', 'validfrom'],
  validTo: ['失效日期', 'validto'],
};

/** Which column holds each field, from the header row. */
export function mapHeaders(headers: string[]): Partial<Record<Field, number>> {
  const out: Partial<Record<Field, number>> = {};
  headers.forEach((h, i) => {
    const key = h.replace(/\s/g, '').toLowerCase();
    for (const [field, names] of Object.entries(HEADERS) as [Field, string[]][])
      if (names.includes(key) && out[field] === undefined) out[field] = i;
  });
  return out;
}

const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c).trim());
const isoDate = (c: Cell | undefined) => {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text(c));
  return m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : '';
};

/** One data row → the article input (validated), or the reason it was refused. */
export function rowToInput(cells: Cell[], cols: Partial<Record<Field, number>>, today: string) {
  const at = (f: Field) => (cols[f] === undefined ? undefined : cells[cols[f]]);
  const source = text(at('sourceCode'));
  const known = FAQ_SOURCES.find((s) => s.code === source || s.name.includes(source.replace(/[《》]/g, '')));
  const parsed = FaqArticleInput.safeParse({
    question: text(at('question')),
    answer: text(at('answer')),
    category: text(at('category')) || '其他',
    tags: text(at('tags'))
      .split(/[,，;；、\s]+/)
      .filter(Boolean),
    sourceCode: (source && known?.code) || source || FAQ_SOURCES[0].code,
    sourceVersion: text(at('sourceVersion')),
    validFrom: isoDate(at('validFrom')) || today,
    validTo: isoDate(at('validTo')) || null,
  });
  if (parsed.success) return { ok: true as const, input: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false as const, reason: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}

function rejectFile(e: unknown): never {
  if (e instanceof ImportFileError)
    throw new AppError('IMPORT_FILE_REJECTED', e.message, {
      reason: e.code,
      ...(e.details ? { info: e.details } : {}),
    });
  throw e;
}

/** Reads the workbook; a missing question or answer column refuses the whole file. */
async function readArticles(file: string, name: string, today: string) {
  const spec = await sniffFile(file, name, LIMITS).catch(rejectFile);
  const good: { row: number; input: FaqArticleInput }[] = [];
  const rejected: { row: number; reason: string }[] = [];
  let cols: Partial<Record<Field, number>> = {};
  try {
    for await (const row of readRows(file, spec, { limits: LIMITS })) {
      if (row.isHeader) {
        cols = mapHeaders(row.cells.map(text));
        if (cols.question === undefined || cols.answer === undefined)
          throw new AppError('IMPORT_FILE_REJECTED', 'The first row must name the columns 问题 and 答案', {
            reason: 'NO_HEADER',
          });
        continue;
      }
      const r = rowToInput(row.cells, cols, today);
      if (r.ok) good.push({ row: row.rowNo, input: r.input });
      else rejected.push({ row: row.rowNo, reason: r.reason });
    }
  } catch (e) {
    rejectFile(e);
  }
  return { good, rejected };
}

/** `POST /api/faq/import`: an .xlsx/.xls/.csv of articles, all valid rows added in one transaction. */
export async function importFaqUpload(db: Db, config: Config, actor: Actor, req: FastifyRequest) {
  if (!req.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the workbook as multipart/form-data in the field "file"');
  const dealerId = requireDealer(actor);
  const part = await req.file();
  if (!part) throw new AppError('VALIDATION_FAILED', 'No file in the upload', { field: 'file' });
  const ext = path.extname(part.filename).toLowerCase();
  if (!['.xlsx', '.xls', '.csv'].includes(ext)) {
    part.file.resume();
    throw new AppError('IMPORT_FILE_REJECTED', 'Upload an .xlsx, .xls or .csv file', { reason: 'UNSUPPORTED_FORMAT' });
  }
  fs.mkdirSync(config.uploadDir, { recursive: true, mode: 0o700 });
  const file = path.join(config.uploadDir, `faq-${randomUUID()}${ext}`);
  try {
    await pipeline(part.file as Readable, fs.createWriteStream(file, { mode: 0o600 }));
    if ((part.file as Readable & { truncated?: boolean }).truncated)
      throw new AppError('IMPORT_FILE_REJECTED', 'The file is too large', { reason: 'FILE_TOO_LARGE' });
    const tz = actor.dealers.find((d) => d.id === dealerId)?.timeZone ?? 'Asia/Shanghai';
    const { good, rejected } = await readArticles(file, part.filename, localDate(new Date(), tz));
    await db.transaction().execute(async (tx) => {
      for (const { input } of good) {
        const row = await q.insertArticle(tx, dealerId, actor.userId, articleValues(input));
        await q.insertRevision(tx, dealerId, row.id, 'import', { userId: actor.userId, name: actor.displayName });
      }
      await appendAudit(tx, {
        dealerId,
        actorUserId: actor.userId,
        actorUsername: actor.username,
        action: 'faq.import',
        entityType: 'faq_article',
        ip: actor.ip,
        details: { file: part.filename.slice(0, 200), created: good.length, rejected: rejected.length },
      });
    });
    return { created: good.length, rejected };
  } finally {
    await fs.promises.rm(file, { force: true });
  }
}
