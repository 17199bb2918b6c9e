/**
 * Vehicle identification number (车架号 / VIN), SPEC §3.2 "VIN / frame number (车架号)"; issue 3: "VIN (17 chars,
 * ISO 3779 check digit where it applies)". The check digit (position 9) follows ISO 3779 / GB 16735 — mandatory
 * for China (WMI starting with L) and North America (1–5); elsewhere (Europe, Japan…) position 9 is free, so
 * those VINs only get the format checks. Full-width characters (ＬＳＶ…) are folded to ASCII.
 */
export type VinResult = { ok: true; value: string } | { ok: false; reason: string };

const VIN_RE = /^[A-HJ-NPR-Z0-9]{17}$/;
const SPACES_RE = /[\s\u3000]+/g;
const FORBIDDEN_RE = /[IOQ]/;
const BAD_CHAR_RE = /[^A-Z0-9]/;
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** Transliteration (ISO 3779 / GB 16735): letter → value; I, O and Q are not allowed in a VIN. */
const TRANSLITERATION = 'A1B2C3D4E5F6G7H8J1K2L3M4N5P7R9S2T3U4V5W6X7Y8Z9';
const VALUES: Int8Array = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 10; i++) t[48 + i] = i;
  for (let i = 0; i < TRANSLITERATION.length; i += 2) {
    t[TRANSLITERATION.charCodeAt(i)] = TRANSLITERATION.charCodeAt(i + 1) - 48;
  }
  return t;
})();

/** The transliterated value of one VIN character (0–9), or -1 for a character a VIN cannot contain. */
export function vinCharValue(ch: string): number {
  const code = ch.charCodeAt(0);
  return code < 128 ? (VALUES[code] ?? -1) : -1;
}

/** The expected 9th character ('0'–'9' or 'X') of a 17-character upper-case VIN. Throws on malformed input. */
export function vinCheckDigit(vin17: string): string {
  if (vin17.length !== 17) throw new RangeError(`VIN must have 17 characters, got ${vin17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const code = vin17.charCodeAt(i);
    const v = code < 128 ? (VALUES[code] ?? -1) : -1;
    if (v < 0) throw new RangeError(`"${vin17[i] ?? ''}" cannot appear in a VIN`);
    sum += v * (WEIGHTS[i] ?? 0);
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String.fromCharCode(48 + r);
}

/** Whether the check digit is enforced for this VIN: China (L…) and North America (1–5). */
export function vinCheckDigitApplies(vin17: string): boolean {
  const c = vin17.charCodeAt(0);
  return c === 76 /* L */ || (c >= 49 && c <= 53); /* 1–5 */
}

function formatProblem(vin: string): string {
  if (vin.length === 0) return 'VIN is empty';
  if (vin.length !== 17) return `VIN must have 17 characters, found ${vin.length}`;
  const forbidden = FORBIDDEN_RE.exec(vin);
  if (forbidden) return `VIN must not contain I, O or Q (found "${forbidden[0]}" at position ${forbidden.index + 1})`;
  const bad = BAD_CHAR_RE.exec(vin);
  return `VIN may only contain letters and digits (found "${bad?.[0] ?? '?'}" at position ${(bad?.index ?? 0) + 1})`;
}

/** Upper-cases, strips spaces, checks the format and (where it applies) the check digit. */
export function validateVin(raw: string): VinResult {
  let vin = raw;
  if (!VIN_RE.test(vin)) {
    vin = raw.normalize('NFKC').replace(SPACES_RE, '').toUpperCase();
    if (!VIN_RE.test(vin)) return { ok: false, reason: formatProblem(vin) };
  }
  if (vinCheckDigitApplies(vin)) {
    const expected = vinCheckDigit(vin);
    const found = vin[8] ?? '';
    if (found !== expected) return { ok: false, reason: `check digit should be ${expected}, found ${found}` };
  }
  return { ok: true, value: vin };
}
