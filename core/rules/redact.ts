/**
 * Personal-data redaction for logs and the audit trail (SPEC §8.3, PIPL): no password, full phone or
 * ID number ever leaves in a log line.
 */
const SECRET_KEY = /pass(word)?|secret|token|cookie|authorization|hash/i;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const ID_CARD = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  return phone.replace(MOBILE, '$1****$2');
}

/** Masks every mobile and ID-card number inside free text. */
export function maskText(text: string): string {
  return text.replace(ID_CARD, '$1********$2').replace(MOBILE, '$1****$2');
}

export type Redactable = string | number | boolean | null | Redactable[] | { [k: string]: Redactable };

export function redact(value: unknown, depth = 0): Redactable {
  if (depth > 6) return '[deep]';
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return maskText(value.length > 500 ? `${value.slice(0, 500)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, Redactable> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1);
    }
    return out;
  }
  return String(value);
}
