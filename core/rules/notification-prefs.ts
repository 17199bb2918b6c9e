/**
 * Which channels a notification goes out on for one user (ISSUE 6 "in-app inbox, e-mail … and a WeCom
 * group-robot webhook, each per user/role preference"). Most specific wins:
 *   the user's row for the event › the user's '*' row › the user's roles' rows for the event (any role that
 *   turns a channel on turns it on) › the roles' '*' rows › the system default (inbox only).
 */
export type Channels = { inbox: boolean; email: boolean; wecom: boolean };
export type PreferenceRow = Channels & { userId: string | null; role: string | null; event: string };

export const DEFAULT_CHANNELS: Channels = { inbox: true, email: false, wecom: false };
export const ANY_EVENT = '*';

function anyOf(rows: readonly PreferenceRow[]): Channels {
  return {
    inbox: rows.some((r) => r.inbox),
    email: rows.some((r) => r.email),
    wecom: rows.some((r) => r.wecom),
  };
}

export function resolveChannels(
  rows: readonly PreferenceRow[],
  user: { id: string; roles: readonly string[] },
  event: string,
): Channels {
  const mine = rows.filter((r) => r.userId === user.id);
  const own = mine.find((r) => r.event === event) ?? mine.find((r) => r.event === ANY_EVENT);
  if (own) return { inbox: own.inbox, email: own.email, wecom: own.wecom };
  const roleRows = rows.filter((r) => r.role !== null && user.roles.includes(r.role));
  const forEvent = roleRows.filter((r) => r.event === event);
  if (forEvent.length) return anyOf(forEvent);
  const forAny = roleRows.filter((r) => r.event === ANY_EVENT);
  return forAny.length ? anyOf(forAny) : DEFAULT_CHANNELS;
}
