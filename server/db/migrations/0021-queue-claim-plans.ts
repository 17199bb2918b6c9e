import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * "Next call" (issue 5, decision 0017): the claim functions of migration 0017 keep one generic plan per
 * connection instead of planning the claim afresh on every call, and the customer checks look up the one
 * candidate's rows instead of hashing a whole table.
 *
 * PL/pgSQL plans a statement with parameters for the given values on each of the first calls and keeps
 * such custom plans as long as the generic plan looks costlier — here it always does, since the generic
 * plan cannot know the dealer's row count — so every claim was planned again (about twice the raw claim's
 * time). The generic plan walks the same queue index in the claim order. The "refused or opted out" and
 * "callbacks not allowed" checks were planned as hashed subplans that read every block and every
 * non-callable customer of the whole table per claim; as scalar lookups by primary key they cost one
 * index probe per candidate row, however many customers a dealer has. Same rules as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create or replace function manyi_queue_claim(p_dealer uuid, p_user uuid, p_today date, p_lease_minutes int,
        p_cap_attempts int, p_cap_since timestamptz)
      returns setof callback_tasks language plpgsql volatile
      set plan_cache_mode = force_generic_plan as $$
    begin
      return query
      with released as (
        update callback_tasks r set lease_user_id = null, lease_expires_at = null
        where (r.dealer_id, r.id) in (select h.dealer_id, h.id from callback_tasks h
          where h.dealer_id = p_dealer and h.lease_user_id = p_user for update skip locked)
        returning r.id
      ), pick as (
        select t.dealer_id, t.id from callback_tasks t
        where t.dealer_id = p_dealer and t.status in ('PENDING', 'APPOINTMENT')
          and t.due_start <= p_today
          and (t.next_attempt_at is null or t.next_attempt_at <= now())
          and (t.lease_expires_at is null or t.lease_expires_at <= now())
          and (t.lease_user_id is null or t.lease_user_id <> p_user)
          and (t.assigned_user_id is null or t.assigned_user_id = p_user)
          and (t.customer_id is null or (
            (select b.customer_id from callback_blocks b
             where b.dealer_id = t.dealer_id and b.customer_id = t.customer_id) is null
            and coalesce((select c.service_callbacks_allowed from customers c
                          where c.dealer_id = t.dealer_id and c.id = t.customer_id), true)
            and (select count(*) from call_attempts a where a.dealer_id = t.dealer_id and a.customer_id = t.customer_id
                 and a.attempted_at > p_cap_since) < p_cap_attempts))
        order by t.priority desc, t.due_end, t.anchor_date, t.id
        limit 1
        for update of t skip locked
      )
      update callback_tasks u
        set lease_user_id = p_user, lease_expires_at = now() + make_interval(mins => p_lease_minutes)
      from pick
      where u.dealer_id = pick.dealer_id and u.id = pick.id
      returning u.*;
    end $$;

    alter function manyi_task_context(uuid, uuid, uuid, uuid, text, uuid, text, uuid, uuid)
      set plan_cache_mode = force_generic_plan;
  `,
  );
}
