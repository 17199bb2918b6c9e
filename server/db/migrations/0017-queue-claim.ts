import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * "Next call" (issue 5, decision 0015): the SKIP LOCKED claim and the claimed task's context as two PL/pgSQL
 * functions. PL/pgSQL keeps each statement's plan for the life of the connection, so a claim no longer pays
 * for planning a 7-way context query on every request (tens of ms on embedded PGlite, which plans every
 * statement afresh; running it takes about one). The SQL is the one claimNext/contextSelect ran before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    -- Releases what the agent holds and leases the most urgent claimable task (see queue.queries.ts claimNext).
    -- One statement: the release and the pick share a snapshot, so the task just released is not re-offered.
    create function manyi_queue_claim(p_dealer uuid, p_user uuid, p_today date, p_lease_minutes int,
        p_cap_attempts int, p_cap_since timestamptz)
      returns setof callback_tasks language plpgsql volatile as $$
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
            not exists (select 1 from callback_blocks b where b.dealer_id = t.dealer_id and b.customer_id = t.customer_id)
            and not exists (select 1 from customers c
                            where c.dealer_id = t.dealer_id and c.id = t.customer_id and not c.service_callbacks_allowed)
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

    -- The context columns of contextSelect (tasks.queries.ts) for one task, from the task's own columns.
    create function manyi_task_context(p_dealer uuid, p_task uuid, p_customer uuid, p_vehicle uuid,
        p_source_kind text, p_source uuid, p_questionnaire text, p_assigned uuid, p_lease uuid)
      returns table (customer_name text, service_callbacks_allowed boolean, vin text, plate text, model text,
        assigned_name text, lease_name text, source_number text, source_date text, staff_name text,
        source_detail text, version_id uuid, phones json, attempts json)
      language plpgsql stable as $$
    #variable_conflict use_column
    begin
      return query
      select c.name, c.service_callbacks_allowed, v.vin, v.plate, v.model,
        (select ua.display_name from users ua where ua.id = p_assigned),
        (select ul.display_name from users ul where ul.id = p_lease),
        coalesce(ro.ro_number, s.vin), coalesce(ro.settled_on, s.sale_date)::text,
        coalesce(ro.advisor_name, s.consultant_name), coalesce(ro.repair_type, s.sale_type),
        (select qv.id from questionnaire_templates qt
           join questionnaire_versions qv on qv.dealer_id = qt.dealer_id and qv.template_id = qt.id
             and qv.status = 'published'
         where qt.dealer_id = p_dealer and qt.code = p_questionnaire limit 1),
        (select coalesce(json_agg(json_build_object('id', p.id, 'phone', p.phone, 'kind', p.kind,
                  'isPrimary', p.is_primary) order by p.is_primary desc, p.created_at), '[]')
         from customer_phones p where p.dealer_id = p_dealer and p.customer_id = p_customer),
        (select coalesce(json_agg(json_build_object('id', a.id, 'at', a.attempted_at, 'agentName', u.display_name,
                  'outcome', a.outcome, 'phoneKind', a.phone_kind, 'note', a.note, 'appointmentAt', a.appointment_at)
                  order by a.attempted_at), '[]')
         from call_attempts a left join users u on u.id = a.agent_user_id
         where a.dealer_id = p_dealer and a.task_id = p_task)
      from (select 1) one
        left join customers c on c.dealer_id = p_dealer and c.id = p_customer
        left join vehicles v on v.dealer_id = p_dealer and v.id = p_vehicle
        left join repair_orders ro on p_source_kind = 'repair_order' and ro.dealer_id = p_dealer and ro.id = p_source
        left join sales s on p_source_kind = 'sale' and s.dealer_id = p_dealer and s.id = p_source;
    end $$;
  `,
  );
}
