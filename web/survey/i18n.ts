import { surveyEn } from './i18n.en';
import { surveyZhCN } from './i18n.zh-CN';

/**
 * The survey page's own tiny translator (the page must stay small: no i18next, no antd). Chinese unless the
 * link carries `?lang=en`.
 */
export type SurveyLang = 'zh-CN' | 'en';
export type SurveyTexts = typeof surveyZhCN;
export type ErrorKey = keyof SurveyTexts['errors'];

export function pickLang(search: string): SurveyLang {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'zh-CN';
}

export function textsOf(lang: SurveyLang): SurveyTexts {
  return lang === 'en' ? (surveyEn as SurveyTexts) : surveyZhCN;
}

/** Replaces `{{name}}` placeholders. */
export function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
}
