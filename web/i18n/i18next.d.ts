import 'i18next';
import type { Messages } from './messages';

/** Typed keys: t('nav.users') is checked against the zh-CN resource tree. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
