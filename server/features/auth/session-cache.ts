import type { Actor } from '../../http/actor';

/**
 * The actors of recently resolved sessions, kept in-process for ACTOR_TTL_MS so that an agent pressing
 * "next call" in a tight loop does not read their session row on every request (issue 5, decision 0017).
 *
 * Every change made through this process that ends a session or changes what an actor may do (logout,
 * password change or reset, disabling a user, a role, dealer or language change) forgets the affected
 * entries after its transaction commits, so the very next request reads the session again. A
 * resolution that was already reading while such a change happened is not cached (the generation
 * counter), so it cannot put the old state back. Changes made elsewhere (another app instance, the CLI,
 * SQL) reach this process within ACTOR_TTL_MS.
 */
export const ACTOR_TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

export type CachedActor = Omit<Actor, 'ip' | 'idleExpiresAt'> & { lastSeenAt: Date };

const entries = new Map<string, { at: number; actor: CachedActor }>();
let generation = 0;

/** Take before reading a session; pass to rememberActor after. */
export const actorCacheGeneration = () => generation;

export function cachedActor(tokenHash: string, now: number): CachedActor | undefined {
  const hit = entries.get(tokenHash);
  if (!hit) return undefined;
  if (now - hit.at < ACTOR_TTL_MS) return hit.actor;
  entries.delete(tokenHash);
  return undefined;
}

export function rememberActor(tokenHash: string, actor: CachedActor, readGeneration: number, now: number) {
  if (readGeneration !== generation) return;
  if (entries.size >= MAX_ENTRIES) {
    for (const [key, e] of entries) if (now - e.at >= ACTOR_TTL_MS) entries.delete(key);
    if (entries.size >= MAX_ENTRIES) entries.clear();
  }
  entries.set(tokenHash, { at: now, actor });
}

/** Forget one session (logout, dealer switch). */
export function forgetSession(tokenHash: string) {
  generation++;
  entries.delete(tokenHash);
}

/** Forget every session of a user (password change or reset, disabled, roles or language changed). */
export function forgetUserSessions(userId: string) {
  generation++;
  for (const [key, e] of entries) if (e.actor.userId === userId) entries.delete(key);
}
