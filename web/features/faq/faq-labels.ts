import type { TFunction } from 'i18next';
import { FAQ_SOURCES } from '../../../core/contracts/faq';

/** The source document's name in the user's language (its code when it is not one of the SPEC's two). */
export function sourceName(t: TFunction, code: string): string {
  if (code === FAQ_SOURCES[0].code) return t('faq.sourceNames.crm');
  if (code === FAQ_SOURCES[1].code) return t('faq.sourceNames.tech');
  return code;
}

export const sourceOptions = (t: TFunction) =>
  FAQ_SOURCES.map((s) => ({ value: s.code, label: sourceName(t, s.code) }));

/** The first characters of an answer on one line, for result lists. */
export function excerpt(answer: string, max = 90): string {
  const line = answer.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
