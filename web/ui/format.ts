import type { Language } from '../i18n/messages';

/** A timestamp in the user's language, in the given IANA time zone (the dealer's) when known. */
export function formatDateTime(iso: string | null, lang: Language, timeZone?: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(lang, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
      timeZone,
    }).format(date);
  } catch {
    return date.toLocaleString(lang);
  }
}
