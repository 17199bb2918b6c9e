import type { Widen } from '../../i18n/messages';
import type { hotlineZhCN } from './i18n.zh-CN';

/** Hotline log texts (en). */
export const hotlineEn: Widen<typeof hotlineZhCN> = {
  title: 'Hotline log',
  quickEntry: 'Quick entry during the call',
  line: 'Line',
  callerName: 'Caller',
  callerPhone: 'Phone',
  purpose: 'Purpose',
  category: 'Category',
  content: 'Content',
  promise: 'Promised reply time',
  promiseHint: 'A promised reply time must be kept',
  afterHours: 'After hours (forwarded to mobile)',
  save: 'Log call',
  saved: 'Logged',
  startedAt: 'Call time',
  repliedAt: 'Replied',
  kept: 'Promise kept',
  keptYes: 'Kept',
  keptNo: 'Broken',
  overdue: 'Promise overdue',
  overdueOnly: 'Overdue replies only',
  reply: 'Caller answered',
  replyNote: 'Reply',
  toComplaint: 'Make complaint slip',
  complaintCreated: 'Complaint slip created',
  operator: 'Operator',
  categories: { enquiry: 'Enquiry', difficult: 'Difficult problem', grumble: 'Grumble', complaint: 'Complaint' },
  quick: { in1h: 'Within 1 hour', in4h: 'Within 4 hours', tomorrow: 'Tomorrow 10:00' },
};
