import type { TFunction } from 'i18next';
import type { notificationsZhCN } from './i18n.zh-CN';

type EventKey = keyof typeof notificationsZhCN.events;

/** 'case.overdue' → 工单超时; '*' → every event; an unknown kind is shown as it is. */
export function eventLabel(t: TFunction, event: string): string {
  const key = (event === '*' ? 'any' : event.replace(/\./g, '_')) as EventKey;
  const text = t(`notifications.events.${key}`);
  return text === `notifications.events.${key}` ? event : text;
}
