import type { Db } from '../../db/client';
import { findDealersInScope, findScopeName } from './org.queries';

export interface ScopeDealers {
  scopeName: string;
  dealers: { id: string; code: string; name: string; regionId: string; regionName: string; timeZone: string }[];
}

/**
 * The dealers a user's scope covers are read on every authenticated request but change only when the
 * organisation changes. They are cached in-process for a short time; org changes in this process
 * invalidate at once, other app instances see them within TTL_MS (see docs/decisions/0002-one-row-per-authenticated-request.md).
 */
const TTL_MS = 30_000;
const cache = new Map<string, { at: number; value: Promise<ScopeDealers> }>();

export function getScopeDealers(
  db: Db,
  scope: { kind: 'dealer' | 'region' | 'group'; id: string },
): Promise<ScopeDealers> {
  const key = `${scope.kind}:${scope.id}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = (async () => {
    const [rows, scopeName] = await Promise.all([findDealersInScope(db, scope), findScopeName(db, scope)]);
    return {
      scopeName,
      dealers: rows.map((d) => ({
        id: d.id,
        code: d.code,
        name: d.name,
        regionId: d.regionId,
        regionName: d.regionName,
        timeZone: d.timeZone,
      })),
    };
  })();
  value.catch(() => cache.delete(key));
  cache.set(key, { at: Date.now(), value });
  return value;
}

export function invalidateScopeCache(): void {
  cache.clear();
}
