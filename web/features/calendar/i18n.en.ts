import type { Widen } from '../../i18n/messages';
import type { calendarZhCN } from './i18n.zh-CN';

/** Working-calendar texts (English); mounted as `calendar` in web/i18n/en.ts. */
export const calendarEn: Widen<typeof calendarZhCN> = {
  title: 'Working calendar',
  intro:
    "Deadlines count working days: statutory holidays off, make-up days (调休) on, plus this dealer's own exceptions.",
  timeZone: 'Time zone',
  hours: 'Working hours for deadlines',
  hoursFromDealer: "The dealer's business hours",
  hoursOwn: 'Own hours',
  statutory: 'Statutory holiday and make-up day data covers {{first}}–{{last}}.',
  beyond: 'The {{year}} holiday schedule is not included yet: add it as exceptions once published, or upgrade.',
  overrides: 'Exceptions',
  date: 'Date',
  working: 'Working',
  off: 'Day off',
  note: 'Note',
  add: 'Add exception',
  remove: 'Remove',
  readOnly: 'Only the dealer admin can change the working calendar.',
  preview: 'Deadline preview',
  from: 'From',
  workingDays: 'Working days',
  result: 'The {{n}}. working day after {{from}} is {{result}}',
  kinds: { override: 'Exception', holiday: 'Holiday', makeup: 'Make-up day', weekend: 'Weekend', weekday: 'Weekday' },
};
