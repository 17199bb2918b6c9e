/**
 * Row validation for DMS imports (SPEC §3.1–§3.4 fields; issue 3 "Validation per row: required fields, dates,
 * amounts, mainland mobile and landline numbers, VIN …, plates"): a mapped record → canonical values (dates
 * 'YYYY-MM-DD', amounts in integer fen, normalised phones/VINs/plates) or every reason the row is rejected.
 * Runs on million-row files: regexes compiled at load; internal parsers return the value itself and allocate an
 * `Invalid` only for a bad cell. */
import { IMPORT_FIELDS, IMPORT_KINDS, type FieldSpec, type FieldType, type ImportKind } from './dms-fields';
import { normalisePhone } from './phone';
import { validatePlate } from './plate';
import { validateVin } from './vin';

export type CellValue = string | number | boolean | null;
type Value = string | number | boolean | null;
type Row = Record<string, CellValue>;
type Out = Record<string, Value>;
type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
export type RowResult = { ok: true; value: Out } | { ok: false; reasons: string[] };

class Invalid {
  constructor(readonly reason: string) {}
}
const wrap = <T>(v: T | Invalid): Parsed<T> =>
  v instanceof Invalid ? { ok: false, reason: v.reason } : { ok: true, value: v };
const cellText = (raw: CellValue): string => (typeof raw === 'string' ? raw.trim() : String(raw));

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_RE =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const COMPACT_DATE_RE = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL_RE = /^\d{5}(?:\.\d+)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_1899_12_30_TO_1970 = 25569;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function ymd(y: number, m: number, d: number, text: string | null): string | Invalid {
  if (y < 1900 || y > 2100) return new Invalid(`year ${y} is outside 1900–2100`);
  if (m < 1 || m > 12) return new Invalid(`month ${m} does not exist`);
  const max = m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 31);
  if (d < 1 || d > max) return new Invalid(`${y}-${pad2(m)}-${pad2(d)} does not exist`);
  return text ?? `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Excel's day count: 1 = 1900-01-01, and Excel believes 1900-02-29 (serial 60) existed. */
function fromExcelSerial(serial: number): string | Invalid {
  const day = Math.floor(serial);
  if (day < 1) return new Invalid(`Excel date serial ${serial} is before 1900`);
  if (day === 60) return new Invalid('Excel date serial 60 is 1900-02-29, a day that does not exist');
  const date = new Date(((day < 60 ? day + 1 : day) - DAYS_1899_12_30_TO_1970) * 86_400_000);
  return ymd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), null);
}

function dateValue(raw: CellValue): string | Invalid {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return new Invalid('is not a date');
    if (raw >= 19000101 && raw <= 21001231 && Number.isInteger(raw)) return dateValue(String(raw));
    return fromExcelSerial(raw);
  }
  if (typeof raw !== 'string') return new Invalid('is not a date');
  const s = raw.trim();
  const iso = ISO_DATE_RE.exec(s);
  if (iso) return ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]), s);
  const m = DATE_RE.exec(s) ?? COMPACT_DATE_RE.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), null);
  if (SERIAL_RE.test(s)) return fromExcelSerial(Number(s));
  return new Invalid(`"${s}" is not a year-month-day date such as 2024-01-05`);
}

/** 2024-01-05, 2024/1/5, 2024.1.5, 20240105, 2024年1月5日, with an optional time or ISO timestamp (the date
 *  as written, no time-zone shift); Excel serials (45296 → 2024-01-05). Years 1900–2100. → 'YYYY-MM-DD'. */
export function parseDate(raw: CellValue): Parsed<string> {
  return wrap(dateValue(raw));
}

const PLAIN_NUMBER_RE = /^(-)?(\d+)(?:\.(\d*))?$/;
const GROUPED_RE = /^-?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const CURRENCY_RE = /[¥￥\s]|元|rmb|cny/gi;
const NOT_NUMERIC_RE = /[^\d.,-]/;
const COMMA_RE = /,/g;

function numberText(s: string, what: string): RegExpExecArray | Invalid {
  const plain = PLAIN_NUMBER_RE.exec(s);
  if (plain) return plain;
  if (s.includes(',') && !GROUPED_RE.test(s)) return new Invalid(`"${s}" has misplaced thousands separators`);
  return PLAIN_NUMBER_RE.exec(s.replace(COMMA_RE, '')) ?? new Invalid(`"${s}" is not ${what}`);
}

function amountValue(raw: CellValue, allowNegative: boolean): number | Invalid {
  let fen: number;
  if (typeof raw === 'number') {
    fen = Math.round(raw * 100);
    if (!(Math.abs(raw * 100 - fen) <= 1e-4)) return new Invalid(`${raw} is not an amount with at most 2 decimals`);
  } else {
    const t = cellText(raw);
    const m = numberText(NOT_NUMERIC_RE.test(t) ? t.replace(CURRENCY_RE, '') : t, 'an amount in yuan');
    if (m instanceof Invalid) return m;
    const decimals = m[3] ?? '';
    if (decimals.length > 2) return new Invalid(`${m[0]} has more than 2 decimal places`);
    fen = Number(m[2]) * 100 + (decimals === '' ? 0 : Number(decimals.length === 1 ? decimals + '0' : decimals));
    if (m[1] && fen !== 0) fen = -fen;
  }
  if (!Number.isSafeInteger(fen)) return new Invalid('amount is too large');
  return fen < 0 && !allowNegative ? new Invalid('amount must not be negative') : fen;
}

/** Yuan '1,234.50', '¥1234.5', '1234元' or an Excel number → integer fen; more than 2 decimals is rejected;
 *  negative only with allowNegative. */
export function parseAmountFen(raw: CellValue, opts?: { allowNegative?: boolean }): Parsed<number> {
  return wrap(amountValue(raw, opts?.allowNegative === true));
}

function integerValue(raw: CellValue, allowNegative: boolean): number | Invalid {
  let n: number;
  if (typeof raw === 'number') {
    n = raw;
    if (!Number.isInteger(n)) return new Invalid(`${raw} is not a whole number`);
  } else {
    const m = numberText(cellText(raw), 'a whole number');
    if (m instanceof Invalid) return m;
    if ((m[3] ?? '').replace(/0/g, '') !== '') return new Invalid(`${m[0]} is not a whole number`);
    n = m[1] && m[2] !== '0' ? -Number(m[2]) : Number(m[2]);
  }
  if (!Number.isSafeInteger(n)) return new Invalid('number is too large');
  return n < 0 && !allowNegative ? new Invalid('must not be negative') : n;
}

/** Whole numbers: 12345, '12,345', '12345.0' (Excel); negative only with allowNegative. */
export function parseInteger(raw: CellValue, opts?: { allowNegative?: boolean }): Parsed<number> {
  return wrap(integerValue(raw, opts?.allowNegative === true));
}

const BOOLEANS = new Map<string, boolean>([
  ...['是', 'y', 'yes', '1', 'true', '√', '✓', '✔'].map((k): [string, boolean] => [k, true]),
  ...['否', 'n', 'no', '0', 'false', '×', '✗', '✘'].map((k): [string, boolean] => [k, false]),
]);

function booleanValue(raw: CellValue): boolean | Invalid {
  if (typeof raw === 'boolean') return raw;
  const s = cellText(raw);
  return BOOLEANS.get(s) ?? BOOLEANS.get(s.toLowerCase()) ?? new Invalid(`"${s}" is not yes/no (是/否, Y/N, 1/0, √/×)`);
}

/** 是/否, Y/N, yes/no, 1/0, true/false, √/× (case-insensitive) → boolean. */
export function parseBoolean(raw: CellValue): Parsed<boolean> {
  return wrap(booleanValue(raw));
}

const ID18_RE = /^[1-9]\d{5}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/;
const ID15_RE = /^[1-9]\d{5}(\d{2})(\d{2})(\d{2})\d{3}$/;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const SPACES_RE = /\s+/g;
const ID_AS_NUMBER = 'ID number was stored as a number and lost its last digits; format the column as text';
export type IdCardResult = { ok: true; value: string; legacy: boolean } | { ok: false; reason: string };

function idCheckChar(id: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '';
}

function idCardValue(raw: CellValue): string | Invalid {
  if (typeof raw === 'number' && raw > Number.MAX_SAFE_INTEGER) return new Invalid(ID_AS_NUMBER);
  const s = cellText(raw).replace(SPACES_RE, '').toUpperCase();
  const m18 = ID18_RE.exec(s);
  const m = m18 ?? ID15_RE.exec(s);
  if (!m) return new Invalid('ID number must have 18 characters (17 digits + a digit or X) or 15 digits');
  const year = m18 ? Number(m[1]) : 1900 + Number(m[1]);
  const birth = ymd(year, Number(m[2]), Number(m[3]), null);
  if (birth instanceof Invalid) return new Invalid(`ID number has an impossible birth date (${birth.reason})`);
  const expected = m18 ? idCheckChar(s) : '';
  return s[17] === expected || !m18 ? s : new Invalid(`ID number check digit should be ${expected}, found ${s[17]}`);
}

/** PRC resident ID: 18 characters with the GB 11643 check digit (mod 11, X) and a real birth date; a 15-digit
 *  first-generation ID is accepted as-is with `legacy: true` (it has no check digit). */
export function validateIdCard(raw: CellValue): IdCardResult {
  const v = idCardValue(raw);
  return v instanceof Invalid ? { ok: false, reason: v.reason } : { ok: true, value: v, legacy: v.length === 15 };
}

const WHITESPACE_RE = /\s+/g;
const BLANK_RE = /^\s*$/;
const EMAIL_RE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

function textValue(raw: CellValue, maxLength: number | undefined): string | Invalid {
  const s = typeof raw === 'string' ? raw : String(raw);
  let collapse = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff) collapse = true;
    else if (c < 32 || (c >= 127 && c < 160)) return new Invalid(`contains a control character at position ${i + 1}`);
    else if (c === 32 && (i === 0 || i === s.length - 1 || s.charCodeAt(i - 1) === 32)) collapse = true;
  }
  const t = collapse ? s.replace(WHITESPACE_RE, ' ').trim() : s;
  const tooLong = maxLength !== undefined && t.length > maxLength;
  return tooLong ? new Invalid(`is ${t.length} characters long, at most ${maxLength} allowed`) : t;
}

type Parser = (raw: CellValue) => Value | Invalid;

function enumParser(values: Record<string, string[]>): Parser {
  const spellings = new Map<string, string>();
  for (const [canonical, list] of Object.entries(values).reverse()) {
    for (const k of [canonical, ...list]) spellings.set(k.toLowerCase(), canonical); // reversed: the first wins
  }
  const known = Object.keys(values).join(', ');
  return (raw) => {
    const s = cellText(raw);
    return spellings.get(s) ?? spellings.get(s.toLowerCase()) ?? new Invalid(`"${s}" is not one of ${known}`);
  };
}

const byCell =
  (validate: (s: string) => Parsed<string>): Parser =>
  (raw) => {
    const r = validate(cellText(raw));
    return r.ok ? r.value : new Invalid(r.reason);
  };
const emailValue = (raw: CellValue): string | Invalid => {
  const s = cellText(raw);
  return s.length <= 254 && EMAIL_RE.test(s) ? s : new Invalid(`"${s}" is not an e-mail address`);
};
const PARSERS: Record<FieldType, (spec: FieldSpec) => Parser> = {
  text: (spec) => (raw) => textValue(raw, spec.maxLength),
  date: () => dateValue,
  amount: () => (raw) => amountValue(raw, false),
  integer: () => (raw) => integerValue(raw, false),
  boolean: () => booleanValue,
  phone: () => byCell(normalisePhone),
  vin: () => byCell(validateVin),
  plate: () => byCell(validatePlate),
  id_card: () => idCardValue,
  email: () => emailValue,
  enum: (spec) => enumParser(spec.values ?? {}),
};

type Compiled = { field: string; required: boolean; parse: Parser };
const compile = (s: FieldSpec): Compiled => ({ field: s.field, required: !!s.required, parse: PARSERS[s.type](s) });
const COMPILED = new Map(IMPORT_KINDS.map((k) => [k, IMPORT_FIELDS[k].map(compile)]));
/** Per kind, every field → null, built by JSON.parse so V8 gives it a fast (non-dictionary) shape to clone per row. */
const emptyRow = (k: ImportKind) => JSON.parse(`{${IMPORT_FIELDS[k].map((f) => `"${f.field}":null`).join()}}`) as Out;
const EMPTY_ROWS = new Map(IMPORT_KINDS.map((k) => [k, emptyRow(k)]));

/** Empty, or only whitespace; the first character settles it for nearly every real cell. */
function isBlank(v: CellValue | undefined): boolean {
  if (typeof v !== 'string') return v === null || v === undefined;
  const c = v.charCodeAt(0);
  return v.length === 0 || (!((c > 32 && c < 127) || (c > 0x3000 && c !== 0xfeff)) && BLANK_RE.test(v));
}
const isLandline = (v: Value | undefined): boolean => typeof v === 'string' && v.includes('-');

/** A landline in the mobile column moves to the empty landline column (surveys go to mobiles), and a mobile in
 *  the landline column to the empty mobile column; a landline that cannot move is rejected. */
function placePhones(record: Row, out: Out, reasons: string[]): void {
  const { mobile, landline } = out;
  if (isLandline(mobile)) {
    if (landline === null && isBlank(record.landline)) [out.landline, out.mobile] = [mobile ?? null, null];
    else reasons.push(`mobile: ${String(mobile)} is a landline number, not a mobile`);
  } else if (mobile === null && isBlank(record.mobile) && typeof landline === 'string' && !isLandline(landline)) {
    [out.mobile, out.landline] = [landline, null];
  }
}

/** Rules across fields (issue 3 brief): a repair order needs a VIN or a plate (a sale requires the VIN); a
 *  customer needs a name or a phone; a sale is delivered on or after it is sold. */
function crossFieldRules(kind: ImportKind, r: Row, out: Out, reasons: string[]): void {
  const noVehicle = kind === 'repair-orders' && isBlank(r.vin) && isBlank(r.plate);
  if (noVehicle) reasons.push('vin/plate: a VIN or a plate is required');
  const noCustomer = isBlank(r.customerName) && isBlank(r.mobile) && isBlank(r.landline);
  if (noCustomer && kind !== 'customers')
    reasons.push('customerName/mobile: a customer needs a name or a phone number');
  placePhones(r, out, reasons);
  const sold = out.saleDate;
  const delivered = out.deliveryDate;
  if (typeof sold === 'string' && typeof delivered === 'string' && delivered < sold) {
    reasons.push(`deliveryDate: ${delivered} is before the sale date ${sold}`);
  }
}

/** Validates one mapped record (field → raw cell) of an import kind: blank cells → null, required fields present,
 *  each value parsed by its field type, every problem collected as '<field>: <reason>'. Unknown keys are ignored;
 *  the result has every field of the kind (null when absent). */
export function validateRow(kind: ImportKind, record: Record<string, CellValue>): RowResult {
  const out: Out = { ...EMPTY_ROWS.get(kind) };
  const reasons: string[] = [];
  for (const f of COMPILED.get(kind) ?? []) {
    const raw = record[f.field];
    if (raw === undefined || isBlank(raw)) {
      if (f.required) reasons.push(`${f.field}: required, but empty`);
      continue;
    }
    const v = f.parse(raw);
    if (v instanceof Invalid) reasons.push(`${f.field}: ${v.reason}`);
    else out[f.field] = v;
  }
  crossFieldRules(kind, record, out, reasons);
  return reasons.length === 0 ? { ok: true, value: out } : { ok: false, reasons };
}
