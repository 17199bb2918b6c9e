import { isBlank, isEmptyRow, trimTrailing } from './cells';
import { type Cell, ImportFileError, type RawRow } from './types';

export interface ReadRow {
  rowNo: number;
  cells: Cell[];
  isHeader: boolean;
}

/** How many leading rows may be a report title ("维修工单明细 2024-05", "导出时间: …") above the header. */
const TITLE_LOOKAHEAD = 10;

const filled = (cells: Cell[]) => cells.filter((c) => !isBlank(c)).length;

/**
 * Picks the header among the first non-empty rows: the first one, unless it and the rows after it hold a single
 * value each (a report title) and a row with two or more values follows within TITLE_LOOKAHEAD rows.
 */
function pickHeader(lead: RawRow[]): number {
  const multi = lead.findIndex((r) => filled(r.cells) >= 2);
  return multi > 0 ? multi : 0;
}

/**
 * Turns raw rows into header + data rows, a batch per source batch: fully empty rows are skipped, trailing
 * empty cells dropped, the header is yielded first (isHeader true), and more than maxRows data rows stop the
 * read with TOO_MANY_ROWS. An aborted `signal` stops it between two batches.
 */
export async function* shapeRowBatches(
  source: AsyncIterable<RawRow[]>,
  maxRows: number,
  signal?: AbortSignal,
): AsyncGenerator<ReadRow[]> {
  const lead: RawRow[] = [];
  let dataRows = 0;
  let headerDone = false;
  const tooMany = (r: RawRow) =>
    new ImportFileError('TOO_MANY_ROWS', `The file has more than ${maxRows} data rows (the limit)`, {
      limit: maxRows,
      atRow: r.rowNo,
    });
  const flushLead = (out: ReadRow[]) => {
    const h = pickHeader(lead);
    const header = lead[h] as RawRow;
    headerDone = true;
    out.push({ rowNo: header.rowNo, cells: header.cells, isHeader: true });
    for (const r of lead.slice(h + 1)) out.push({ rowNo: r.rowNo, cells: r.cells, isHeader: false });
    dataRows += lead.length - h - 1;
    const last = lead[lead.length - 1];
    if (dataRows > maxRows && last) throw tooMany(last);
    lead.length = 0;
  };
  for await (const batch of source) {
    signal?.throwIfAborted();
    const out: ReadRow[] = [];
    for (const raw of batch) {
      if (isEmptyRow(raw.cells)) continue;
      const row = { rowNo: raw.rowNo, cells: trimTrailing(raw.cells), isHeader: false };
      if (headerDone) {
        if (++dataRows > maxRows) throw tooMany(row);
        out.push(row);
        continue;
      }
      lead.push(row);
      if (filled(row.cells) >= 2 || lead.length >= TITLE_LOOKAHEAD) flushLead(out);
    }
    if (out.length > 0) yield out;
  }
  if (!headerDone && lead.length > 0) {
    const out: ReadRow[] = [];
    flushLead(out);
    yield out;
  }
  if (!headerDone) throw new ImportFileError('NO_HEADER', 'The file has no header row: every row is empty');
}

/** shapeRowBatches, one row at a time; an aborted `signal` stops it before the next row. */
export async function* shapeRows(
  source: AsyncIterable<RawRow[]>,
  maxRows: number,
  signal?: AbortSignal,
): AsyncGenerator<ReadRow> {
  for await (const batch of shapeRowBatches(source, maxRows, signal))
    for (const row of batch) {
      signal?.throwIfAborted();
      yield row;
    }
}
