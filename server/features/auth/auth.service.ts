import { permissionsOf, type Role } from '../../../core/permissions';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../http/actor';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { getScopeDealers } from '../org/scope-cache';
import * as q from './auth.queries';
import { hashPassword, verifyPassword } from './passwords';
import {
  actorCacheGeneration,
  cachedActor,
  forgetSession,
  forgetUserSessions,
  rememberActor,
  type CachedActor,
} from './session-cache';
import { hashToken, newToken } from './tokens';

export type Scope = { kind: 'dealer' | 'region' | 'group'; id: string };

export function scopeOf(u: { dealerId: string | null; regionId: string | null; groupId: string | null }): Scope {
  if (u.dealerId) return { kind: 'dealer', id: u.dealerId };
  if (u.regionId) return { kind: 'region', id: u.regionId };
  return { kind: 'group', id: u.groupId ?? '' };
}

const throttleKey = (username: string, ip: string) => `${username.toLowerCase()}|${ip}`;

/**
 * Login throttling per (username, client IP): after N failures within the lock window that pair is
 * refused until the lock ends. Keyed by IP too, so nobody can lock a colleague out from elsewhere, and
 * every lock expires by itself.
 */
async function checkThrottle(db: Db, key: string, now: Date) {
  const t = await q.findThrottle(db, key);
  if (t?.lockedUntil && t.lockedUntil > now) {
    const retryAfterSeconds = Math.ceil((t.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('LOGIN_THROTTLED', 'Too many failed logins; try again later', { retryAfterSeconds });
  }
  return t;
}

export async function login(db: Db, cfg: Config, input: { username: string; password: string }, meta: RequestMeta) {
  const now = new Date();
  const key = throttleKey(input.username, meta.ip);
  const throttle = await checkThrottle(db, key, now);
  const user = await q.findUserByUsername(db, input.username);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!ok || !user || user.disabledAt) {
    const inWindow = throttle && now.getTime() - throttle.windowStartedAt.getTime() < cfg.loginLockMs;
    const failures = (inWindow ? throttle.failures : 0) + 1;
    const locked = failures >= cfg.loginMaxFailures;
    await db.transaction().execute(async (tx) => {
      await q.saveThrottle(tx, {
        key,
        failures: locked ? 0 : failures,
        windowStartedAt: inWindow ? throttle.windowStartedAt : now,
        lockedUntil: locked ? new Date(now.getTime() + cfg.loginLockMs) : null,
      });
      await appendAudit(tx, {
        dealerId: user?.dealerId ?? null,
        actorUserId: user?.id ?? null,
        actorUsername: input.username.slice(0, 64),
        action: 'auth.login',
        outcome: 'failure',
        ip: meta.ip,
        details: { reason: !user ? 'unknown_user' : user.disabledAt ? 'disabled' : 'wrong_password', locked },
      });
    });
    throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password');
  }
  return createSession(db, cfg, user, meta, key);
}

async function createSession(
  db: Db,
  cfg: Config,
  user: { id: string; username: string; dealerId: string | null; regionId: string | null; groupId: string | null },
  meta: RequestMeta,
  throttleKeyToClear: string,
) {
  const token = newToken();
  const now = new Date();
  const { dealers } = await getScopeDealers(db, scopeOf(user));
  await db.transaction().execute(async (tx) => {
    await q.insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken: newToken(),
      currentDealerId: user.dealerId ?? dealers[0]?.id ?? null,
      expiresAt: new Date(now.getTime() + cfg.sessionAbsoluteMs),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await q.recordLogin(tx, user.id, now);
    await q.clearThrottle(tx, throttleKeyToClear);
    await appendAudit(tx, {
      dealerId: user.dealerId,
      actorUserId: user.id,
      actorUsername: user.username,
      action: 'auth.login',
      ip: meta.ip,
    });
  });
  return token;
}

/**
 * Resolves a session token to an Actor, or throws UNAUTHENTICATED / SESSION_EXPIRED. A session read in
 * the last ACTOR_TTL_MS is answered from memory (session-cache.ts); the idle and absolute timeouts are
 * checked on every request either way. last_seen_at is written at most once a minute per session, so the
 * idle timeout holds to within a minute.
 */
export async function resolveSession(
  db: Db,
  cfg: Config,
  token: string | undefined,
  ip: string,
  opts: { remember?: boolean } = {},
): Promise<Actor> {
  if (!token || token.length > 200) throw new AppError('UNAUTHENTICATED', 'Please log in');
  const tokenHash = hashToken(token);
  const now = new Date();
  const hit = cachedActor(tokenHash, now.getTime());
  if (hit && hit.absoluteExpiresAt > now && hit.lastSeenAt.getTime() + cfg.sessionIdleMs > now.getTime()) {
    return withRequest(hit, cfg, now, ip);
  }
  const readGeneration = actorCacheGeneration();
  const session = await q.findSessionWithUser(db, tokenHash);
  if (!session) throw new AppError('UNAUTHENTICATED', 'Please log in');
  const s = { ...session, ...session.userSnapshot };
  const idleExpiresAt = new Date(s.lastSeenAt.getTime() + cfg.sessionIdleMs);
  // Sessions of a disabled user are deleted with the change (trigger users_sync_sessions).
  if (s.expiresAt <= now || idleExpiresAt <= now) {
    forgetSession(tokenHash);
    await q.deleteSession(db, tokenHash);
    throw new AppError('SESSION_EXPIRED', 'Your session has ended; please log in again');
  }
  let lastSeenAt = s.lastSeenAt;
  if (now.getTime() - s.lastSeenAt.getTime() > 60_000) {
    await q.touchSession(db, tokenHash, now);
    lastSeenAt = now;
  }
  const roles = s.roles as Role[];
  const scope = scopeOf(s);
  const { dealers, scopeName } = await getScopeDealers(db, scope);
  const dealerIds = dealers.map((d) => d.id);
  const currentDealerId =
    s.currentDealerId && dealerIds.includes(s.currentDealerId) ? s.currentDealerId : (dealerIds[0] ?? null);
  const actor: CachedActor = {
    userId: s.userId,
    username: s.username,
    displayName: s.displayName,
    roles,
    permissions: permissionsOf(roles),
    scope,
    dealerIds,
    dealers,
    scopeName,
    currentDealerId,
    mustChangePassword: s.mustChangePassword,
    locale: s.locale === 'en' ? 'en' : 'zh-CN',
    sessionTokenHash: tokenHash,
    csrfToken: s.csrfToken,
    absoluteExpiresAt: s.expiresAt,
    lastSeenAt,
  };
  if (opts.remember !== false) rememberActor(tokenHash, actor, readGeneration, now.getTime());
  return withRequest(actor, cfg, now, ip);
}

function withRequest({ lastSeenAt, ...actor }: CachedActor, cfg: Config, now: Date, ip: string): Actor {
  const idle = Math.max(lastSeenAt.getTime() + cfg.sessionIdleMs, now.getTime() + cfg.sessionIdleMs - 60_000);
  return { ...actor, idleExpiresAt: new Date(idle), ip };
}

export async function logout(db: Db, actor: Actor) {
  await db.transaction().execute(async (tx) => {
    await q.deleteSession(tx, actor.sessionTokenHash);
    await appendAudit(tx, {
      dealerId: actor.currentDealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'auth.logout',
      ip: actor.ip,
    });
  });
  forgetSession(actor.sessionTokenHash);
}

export async function changePassword(db: Db, actor: Actor, input: { currentPassword: string; newPassword: string }) {
  const user = await q.findUserById(db, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 'The current password is wrong', { field: 'currentPassword' });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION_FAILED', 'The new password must differ from the current one', {
      field: 'newPassword',
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await q.updatePassword(tx, actor.userId, passwordHash, false);
    await q.deleteUserSessions(tx, actor.userId, actor.sessionTokenHash);
    await appendAudit(tx, {
      dealerId: actor.currentDealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'auth.password-change',
      entityType: 'user',
      entityId: actor.userId,
      ip: actor.ip,
    });
  });
  forgetUserSessions(actor.userId);
}

export async function switchDealer(db: Db, actor: Actor, dealerId: string) {
  if (!actor.dealerIds.includes(dealerId)) throw new AppError('NOT_FOUND', 'Dealer not found');
  await q.setSessionDealer(db, actor.sessionTokenHash, dealerId);
  forgetSession(actor.sessionTokenHash);
  return { ...actor, currentDealerId: dealerId };
}

export async function setLocale(db: Db, actor: Actor, locale: 'zh-CN' | 'en') {
  await q.updateLocale(db, actor.userId, locale);
  forgetUserSessions(actor.userId);
  return { ...actor, locale };
}

export function buildMe(actor: Actor) {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      locale: actor.locale,
      mustChangePassword: actor.mustChangePassword,
    },
    roles: actor.roles,
    permissions: [...actor.permissions].sort(),
    scope: { ...actor.scope, name: actor.scopeName },
    dealers: actor.dealers,
    currentDealerId: actor.currentDealerId,
    csrfToken: actor.csrfToken,
    session: {
      idleExpiresAt: actor.idleExpiresAt.toISOString(),
      absoluteExpiresAt: actor.absoluteExpiresAt.toISOString(),
    },
  };
}

export async function purgeExpiredSessions(db: Db, cfg: Config) {
  const now = new Date();
  await q.deleteExpiredSessions(db, now, new Date(now.getTime() - cfg.sessionIdleMs));
}
