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
 * Turns raw rows into header + data rows: fully empty rows are skipped, trailing empty cells dropped, the header
 * is yielded first (isHeader true), and more than maxRows data rows stop the read with TOO_MANY_ROWS. An aborted
 * `signal` stops it between two rows.
 */
export async function* shapeRows(
  source: AsyncIterable<RawRow[]>,
  maxRows: number,
  signal?: AbortSignal,
): AsyncGenerator<ReadRow> {
  const lead: RawRow[] = [];
  let dataRows = 0;
  let headerDone = false;
  const emitData = (r: RawRow): ReadRow => {
    if (++dataRows > maxRows) {
      throw new ImportFileError('TOO_MANY_ROWS', `The file has more than ${maxRows} data rows (the limit)`, {
        limit: maxRows,
        atRow: r.rowNo,
      });
    }
    return { rowNo: r.rowNo, cells: r.cells, isHeader: false };
  };
  const flushLead = function* (): Generator<ReadRow> {
    const h = pickHeader(lead);
    const header = lead[h] as RawRow;
    headerDone = true;
    yield { rowNo: header.rowNo, cells: header.cells, isHeader: true };
    for (const r of lead.slice(h + 1)) yield emitData(r);
    lead.length = 0;
  };
  for await (const batch of source) {
    for (const raw of batch) {
      signal?.throwIfAborted();
      if (isEmptyRow(raw.cells)) continue;
      const row = { rowNo: raw.rowNo, cells: trimTrailing(raw.cells) };
      if (headerDone) {
        yield emitData(row);
        continue;
      }
      lead.push(row);
      if (filled(row.cells) >= 2 || lead.length >= TITLE_LOOKAHEAD) yield* flushLead();
    }
  }
  if (!headerDone && lead.length > 0) yield* flushLead();
  if (!headerDone) throw new ImportFileError('NO_HEADER', 'The file has no header row: every row is empty');
}
