/**
 * A CSV tokenizer tuned for DMS exports: a line without a quote character (nearly every line of a real
 * export) is split with String#split; a line with quotes goes through a small RFC 4180 state machine
 * (quoted delimiters, "" escapes, line breaks inside quotes). Quotes inside an unquoted field are kept as
 * text (csv-parse's relax_quotes). Records end at \n or \r\n; files that use a bare \r are read by
 * csv-parse instead (see csv-reader.ts). Empty cells are null; an empty line is a record of one null cell.
 */
export type CsvRecord = (string | null)[];

export class CsvSyntaxError extends Error {}

const QUOTE = 34;
const CR = 13;
const LF = 10;

function splitLine(line: string, delimiter: string): CsvRecord {
  const end = line.length > 0 && line.charCodeAt(line.length - 1) === CR ? line.length - 1 : line.length;
  const text = end === line.length ? line : line.slice(0, end);
  if (text === '') return [null];
  const cells: CsvRecord = text.split(delimiter);
  for (let i = 0; i < cells.length; i++) if (cells[i] === '') cells[i] = null;
  return cells;
}

/** A quoted field starting at `start` (on the quote): its value and the index after the closing quote. */
function quotedField(text: string, start: number, final: boolean): { value: string; next: number } | null {
  let value = '';
  let from = start + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q === -1) {
      if (!final) return null;
      throw new CsvSyntaxError('a quoted field is not closed before the end of the file');
    }
    value += text.slice(from, q);
    if (q + 1 < text.length && text.charCodeAt(q + 1) === QUOTE) {
      value += '"';
      from = q + 2;
    } else if (q + 1 === text.length && !final) return null;
    else return { value, next: q + 1 };
  }
}

/** The record starting at `start`, which holds a quote somewhere; null when more text is needed. */
function quotedRecord(
  text: string,
  start: number,
  delimiter: string,
  final: boolean,
): { record: CsvRecord; next: number } | null {
  const record: CsvRecord = [];
  let i = start;
  for (;;) {
    let value = '';
    if (text.charCodeAt(i) === QUOTE) {
      const q = quotedField(text, i, final);
      if (!q) return null;
      value = q.value;
      i = q.next;
    }
    // Up to the next delimiter or line end (text after a closing quote is kept, as relax_quotes does).
    let j = i;
    while (j < text.length && text[j] !== delimiter && text.charCodeAt(j) !== LF) j++;
    if (j === text.length && !final) return null;
    let tail = text.slice(i, j);
    const atLineEnd = j === text.length || text.charCodeAt(j) === LF;
    if (atLineEnd && tail.length > 0 && tail.charCodeAt(tail.length - 1) === CR) tail = tail.slice(0, -1);
    value += tail;
    record.push(value === '' ? null : value);
    if (atLineEnd) return { record, next: j + 1 };
    i = j + 1;
  }
}

export class CsvTokenizer {
  private carry = '';
  private started = false;

  constructor(
    private readonly delimiter: string,
    private readonly maxRecordChars: number,
  ) {}

  /** Feeds decoded text; returns the records completed by it. */
  push(chunk: string): CsvRecord[] {
    let text = this.carry + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const out: CsvRecord[] = [];
    const pos = this.records(text, false, out);
    this.carry = pos === 0 ? text : text.slice(pos);
    if (this.carry.length > this.maxRecordChars)
      throw new CsvSyntaxError(`a record is longer than ${this.maxRecordChars} characters`);
    return out;
  }

  /** The last record (a file need not end with a line break). */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.carry !== '') this.records(this.carry, true, out);
    this.carry = '';
    return out;
  }

  private records(text: string, final: boolean, out: CsvRecord[]): number {
    let pos = 0;
    while (pos < text.length) {
      let nl = text.indexOf('\n', pos);
      if (nl === -1) {
        if (!final) break;
        nl = text.length;
      }
      const line = text.slice(pos, nl);
      if (line.indexOf('"') === -1) {
        out.push(splitLine(line, this.delimiter));
        pos = nl + 1;
        continue;
      }
      const r = quotedRecord(text, pos, this.delimiter, final);
      if (!r) break;
      out.push(r.record);
      pos = r.next;
    }
    return Math.min(pos, text.length);
  }
}
