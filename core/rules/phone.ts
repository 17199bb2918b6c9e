/**
 * Mainland-China telephone numbers, SPEC §3.1 "telephone, including landline (座机) and mobile (手机)"; issue 3:
 * "mainland mobile and landline numbers". Normal forms: mobile '13812345678'; landline '0571-88888888', with an
 * extension kept as '0571-88888888-123'. Area codes: 010 and 02x have 3 digits, every other code 4 (0xxx);
 * the local number has 7 or 8 digits.
 */
export type PhoneResult = { ok: true; kind: 'mobile' | 'landline'; value: string } | { ok: false; reason: string };

const MOBILE_RE = /^1[3-9]\d{9}$/;
const NON_ASCII_RE = /[^\x20-\x7e]/;
/** International prefix: +86, 0086, (+86), +86-; a bare 86 is handled on the digits. */
const INTL_RE = /^(?:\+\s*86|0086|\(\+?86\))[\s-]*/;
/** Extension after an explicit marker: 转 123, 分机123, ext. 123, x123, #123. */
const EXT_MARK_RE = /^(.*?\d)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
const ALLOWED_RE = /^[\d\s\-()]+$/;
const SEPARATORS_RE = /[\s\-()]+/;

const fail = (reason: string): PhoneResult => ({ ok: false, reason });

/** Splits full-width digits, brackets and dashes into ASCII (only when the input has any). */
function toAscii(s: string): string {
  if (!NON_ASCII_RE.test(s)) return s;
  return s
    .normalize('NFKC')
    .replace(/[—–－]/g, '-')
    .replace(/[\u3000\u00a0]/g, ' ');
}

/** Area-code length for a digit string starting with 0, or 0 when it is not a mainland area code. */
function areaCodeLength(d: string): number {
  if (d.charCodeAt(1) === 50 /* 02x */ || d.startsWith('010')) return 3;
  const second = d.charCodeAt(1);
  return second >= 51 && second <= 57 ? 4 : 0; // 03xx–09xx
}

/** '0571' + '88888888' when the digits form area code + 7–8 digit local number; otherwise null. */
function splitLandline(d: string): [string, string] | null {
  const area = areaCodeLength(d);
  const localLength = d.length - area;
  if (area === 0 || localLength < 7 || localLength > 8) return null;
  return [d.slice(0, area), d.slice(area)];
}

function landlineProblem(d: string): string {
  const area = areaCodeLength(d);
  if (area === 0) return `landline area code ${d.slice(0, 3)} is not a mainland area code`;
  return `landline number must have 7 or 8 digits after the area code ${d.slice(0, area)}, found ${d.length - area}`;
}

function mobileProblem(d: string): string {
  if (d.length !== 11) return `mobile number must have 11 digits, found ${d.length}`;
  return 'mobile number must start with 13–19';
}

function landline(groups: string[], intl: boolean, ext: string | null): PhoneResult {
  let digits = groups.join('');
  if (intl && digits[0] !== '0') digits = '0' + digits;
  const last = groups[groups.length - 1] ?? '';
  if (ext === null && groups.length >= 2 && last.length <= 6) {
    const main = splitLandline(digits.slice(0, digits.length - last.length));
    if (main) return { ok: true, kind: 'landline', value: `${main[0]}-${main[1]}-${last}` };
  }
  const parts = splitLandline(digits);
  if (!parts) return fail(landlineProblem(digits));
  const value = ext === null ? `${parts[0]}-${parts[1]}` : `${parts[0]}-${parts[1]}-${ext}`;
  return { ok: true, kind: 'landline', value };
}

function classify(s: string): PhoneResult {
  let rest = s;
  let ext: string | null = null;
  const marked = EXT_MARK_RE.exec(rest);
  if (marked) [rest, ext] = [marked[1] ?? '', marked[2] ?? null];
  const intl = INTL_RE.exec(rest);
  if (intl) rest = rest.slice(intl[0].length);
  if (!ALLOWED_RE.test(rest)) return fail('phone number may only contain digits, spaces, dashes and brackets');
  const groups = rest.split(SEPARATORS_RE).filter((g) => g !== '');
  let digits = groups.join('');
  if (!intl && digits.length === 13 && digits.startsWith('861')) digits = digits.slice(2);
  if (digits[0] === '1') {
    if (ext !== null) return fail('mobile number cannot have an extension');
    return MOBILE_RE.test(digits) ? { ok: true, kind: 'mobile', value: digits } : fail(mobileProblem(digits));
  }
  if (digits[0] === '0' || intl) return landline(groups, intl !== null, ext);
  if (digits.length === 7 || digits.length === 8) return fail('landline number needs an area code, e.g. 0571-88888888');
  return fail('not a mainland mobile or landline number');
}

/**
 * Mainland mobile (11 digits, 1[3-9]…; +86 / 0086 / 86 prefixes, spaces and dashes accepted) → '13812345678';
 * landline with area code (010-12345678, 0571 8888 8888, (021)12345678, extension '-123' / '转123') →
 * '0571-88888888' or '0571-88888888-123'. Idempotent: a normalised number normalises to itself.
 */
export function normalisePhone(raw: string): PhoneResult {
  const s = raw.trim();
  if (MOBILE_RE.test(s)) return { ok: true, kind: 'mobile', value: s };
  if (s === '') return fail('phone number is empty');
  return classify(toAscii(s));
}
