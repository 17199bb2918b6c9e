/**
 * Chinese licence plates (车牌号), SPEC §3.2 "licence-plate number (车牌号)"; issue 3: "plates (incl. 8-character
 * new-energy plates)". Shapes (GA 36):
 * - ordinary, 7 characters: province + authority letter + 5 letters/digits (京A12345, 粤BD1234); the last may be
 *   学 (learner), 警 (police), 挂 (trailer), 港 / 澳 (Hong Kong / Macao): 粤Z1234港;
 * - new-energy, 8 characters: province + letter + 6, either a small vehicle with the energy letter first
 *   (沪AD12345, 京AFA1234) or a large vehicle with it last (粤B12345F).
 * The serial never uses I or O (too easily read as 1 and 0).
 */
export type PlateResult = { ok: true; value: string } | { ok: false; reason: string };

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const P = `[${PROVINCES}]`;
const S = '[A-HJ-NP-Z0-9]';
/** Energy letters: D/F originally; A–K (without I) since the 2022 extension. */
const E = '[A-HJK]';
const ORDINARY_RE = new RegExp(`^${P}[A-Z](?:${S}{5}|${S}{4}[学警挂港澳])$`);
const NEW_ENERGY_RE = new RegExp(`^${P}[A-Z](?:${E}${S}\\d{4}|\\d{5}${E})$`);
/** Spaces, middle dots, dots and dashes people type between the authority letter and the serial. */
const NOISE_RE = /[\s\u3000·•・.\-_]+/g;
const NON_ASCII_LETTER_RE = /[Ａ-Ｚａ-ｚ０-９]/;
const PROVINCE_RE = new RegExp(`^${P}`);
const SERIAL_IO_RE = /[IO]/;
const AUTHORITY_RE = /^.[A-Z]/;

const isPlate = (s: string): boolean => ORDINARY_RE.test(s) || NEW_ENERGY_RE.test(s);

function problem(p: string): string {
  if (p.length === 0) return 'plate is empty';
  if (!PROVINCE_RE.test(p))
    return `plate must start with a province abbreviation such as 京 or 粤, found "${p[0] ?? ''}"`;
  if (!AUTHORITY_RE.test(p)) return 'plate must have a letter after the province abbreviation, e.g. 京A';
  if (p.length !== 7 && p.length !== 8)
    return `plate must have 7 characters (8 for new-energy plates), found ${p.length}`;
  if (SERIAL_IO_RE.test(p.slice(2))) return 'plate serial must not contain the letters I or O';
  if (p.length === 8)
    return 'new-energy plate must be 2 letters + D/F… + 5 characters (沪AD12345) or + 5 digits + D/F (粤B12345F)';
  return 'plate serial must be 5 letters or digits (the last may be 学, 警, 挂, 港 or 澳)';
}

/** Strips spaces and middle dots, upper-cases, and checks the plate's shape. */
export function validatePlate(raw: string): PlateResult {
  if (isPlate(raw)) return { ok: true, value: raw };
  let p = raw.replace(NOISE_RE, '');
  if (NON_ASCII_LETTER_RE.test(p)) p = p.normalize('NFKC');
  p = p.toUpperCase();
  return isPlate(p) ? { ok: true, value: p } : { ok: false, reason: problem(p) };
}
