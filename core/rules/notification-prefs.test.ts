import { describe, expect, it } from 'vitest';
import { resolveChannels, type PreferenceRow } from './notification-prefs';

// ISSUE 6: "Notifications: in-app inbox, e-mail …, and a WeCom (企业微信) group-robot webhook, each per
// user/role preference".
const row = (p: Partial<PreferenceRow>): PreferenceRow => ({
  userId: null,
  role: null,
  event: '*',
  inbox: true,
  email: false,
  wecom: false,
  ...p,
});
const gm = { id: 'u-gm', roles: ['gm'] };
const lead = { id: 'u-lead', roles: ['cs_lead', 'cs_agent'] };
const ROWS = [
  row({ role: 'gm', event: '*', email: true }),
  row({ role: 'gm', event: 'case.escalated', email: true, wecom: true }),
  row({ role: 'cs_agent', event: 'case.overdue', inbox: true }),
  row({ role: 'cs_lead', event: 'case.overdue', email: true }),
  row({ userId: 'u-lead', event: 'callback.due', inbox: false }),
];

describe('resolveChannels', () => {
  it.each([
    ['no row at all: inbox only', { id: 'x', roles: ['quality'] }, 'case.overdue', [true, false, false]],
    ["the role's row for the event", gm, 'case.escalated', [true, true, true]],
    ["the role's '*' row for other events", gm, 'case.overdue', [true, true, false]],
    ['several roles: a channel is on if any role turns it on', lead, 'case.overdue', [true, true, false]],
    ["the user's own row beats the roles", lead, 'callback.due', [false, false, false]],
  ] as const)('%s', (_name, user, event, [inbox, email, wecom]) => {
    expect(resolveChannels(ROWS, user, event)).toEqual({ inbox, email, wecom });
  });
});
