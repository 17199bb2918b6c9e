import type { Db } from '../../db/client';
import { generateAll } from './generator';

/**
 * `callbacks.generate`: every 30 s, every dealer — new imports produce tasks within a minute, and open
 * tasks of customers who refused or opted out are closed within one cycle. Idempotent: a rerun inserts
 * nothing (unique natural key) and several instances take turns per dealer (advisory lock).
 */
export const GENERATE_EVERY = '*/30 * * * * *';

export async function runGenerateJob(db: Db, now = new Date()): Promise<number> {
  return generateAll(db, now);
}
