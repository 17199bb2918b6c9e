import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * DMS import throughput (issue 3, decision 0013):
 *
 * - repair_orders and sales lose their per-row foreign key to dealers. The only writer of these tables is the
 *   import, which writes the run's own dealer id (import_runs.dealer_id references dealers, and every row
 *   records its import_run_id); each chunk's transaction checks that dealer once and holds a KEY SHARE lock
 *   on it (chunk.queries.ts beginChunk), which is what the per-row trigger did 10,000 times per chunk.
 *   Dealers are never deleted (there is no code path), and a hand-written DELETE of a dealer is still refused
 *   by the foreign keys of its users, staff, customers, vehicles and import runs.
 * - vehicles keep 20 % free space per page, so the update that moves a car's last visit forward (most
 *   chunks of a service export) stays a heap-only tuple update instead of writing all five index entries again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `alter table repair_orders drop constraint repair_orders_dealer_id_fkey;
     alter table sales drop constraint sales_dealer_id_fkey;
     alter table vehicles set (fillfactor = 80);`,
  );
}
