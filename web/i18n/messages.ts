import type { zhCN } from './zh-CN';

/** The same tree as T with every string widened: a translation must have exactly these keys. */
export type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof zhCN>;

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
export const LANG_STORAGE_KEY = 'manyi.lang';
