import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { LANG_STORAGE_KEY, type Language } from './messages';
import { zhCN } from './zh-CN';

function isLanguage(value: unknown): value is Language {
  return value === 'zh-CN' || value === 'en';
}

/** The language the user chose explicitly on this browser, if any. */
export function getStoredLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

function applyToDocument(lang: Language): void {
  document.documentElement.lang = lang;
}

/** Switch the UI language; `persist` records it as the user's explicit choice. */
export async function changeLanguage(lang: Language, persist: boolean): Promise<void> {
  if (persist) {
    try {
      window.localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // private mode or storage disabled: the choice lasts for this page only
    }
  }
  applyToDocument(lang);
  await i18n.changeLanguage(lang);
}

const initial: Language = getStoredLanguage() ?? 'zh-CN';

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
applyToDocument(initial);

export { i18n };
