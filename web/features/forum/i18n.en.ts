import type { Widen } from '../../i18n/messages';
import type { forumZhCN } from './i18n.zh-CN';

/** Forum monitoring texts (en). */
export const forumEn: Widen<typeof forumZhCN> = {
  title: 'Forum monitoring',
  create: 'Record a post',
  site: 'Platform',
  url: 'Link',
  postTitle: 'Title',
  excerpt: 'Summary (issue or suggestion)',
  foundAt: 'Found',
  sentiment: 'Sentiment',
  importance: 'Importance',
  status: 'Status',
  forwardedTo: 'Forwarded to',
  forward: 'Forward',
  handled: 'Handled',
  ignore: 'Ignore',
  toComplaint: 'Make complaint slip',
  complaintCreated: 'Complaint slip created',
  sentiments: { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' },
  importances: { low: 'Low', normal: 'Normal', high: 'High' },
  statuses: { new: 'New', forwarded: 'Forwarded', handled: 'Handled', ignored: 'Ignored' },
};
