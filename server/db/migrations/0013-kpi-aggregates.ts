import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * Incremental KPI aggregates (issue 7, SPEC §5): per (dealer, month, business line, channel, factor) and
 * per (dealer, day, business line, channel), kept up to date by a trigger in the same transaction as the
 * response insert, so dashboards and the regional/national benchmark read a few thousand rows instead of
 * scanning every answer. Responses are write-once (0004), so inserts are the only change to follow.
 * Months and days are the dealer's local calendar (dealers.time_zone). Factor '_total' holds the overall
 * score and the satisfied / dissatisfied counts. `manyi kpi verify` compares these rows with a recompute.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, TABLES);
  await execScript(db, TRIGGER);
  await execScript(db, BACKFILL);
}

const TABLES = `
  create table kpi_monthly_factors (
    dealer_id uuid not null references dealers(id),
    month date not null check (extract(day from month) = 1),
    business_line text not null,
    channel text not null,
    factor text not null,
    responses integer not null default 0,
    scored integer not null default 0,
    score_sum numeric(16,2) not null default 0,
    satisfied integer not null default 0,
    dissatisfied integer not null default 0,
    primary key (dealer_id, month, business_line, channel, factor)
  );
  create index kpi_monthly_factors_month on kpi_monthly_factors (month, factor);

  create table kpi_daily (
    dealer_id uuid not null references dealers(id),
    day date not null,
    business_line text not null,
    channel text not null,
    responses integer not null default 0,
    scored integer not null default 0,
    score_sum numeric(16,2) not null default 0,
    satisfied integer not null default 0,
    dissatisfied integer not null default 0,
    primary key (dealer_id, day, business_line, channel)
  );
`;

const TRIGGER = `
  create function manyi_kpi_add_response(r survey_responses) returns void language plpgsql as $$
  declare
    local_day date;
    line text;
  begin
    select (r.submitted_at at time zone d.time_zone)::date into local_day from dealers d where d.id = r.dealer_id;
    select v.business_line into line from questionnaire_versions v where v.dealer_id = r.dealer_id and v.id = r.version_id;
    insert into kpi_monthly_factors as k
      (dealer_id, month, business_line, channel, factor, responses, scored, score_sum, satisfied, dissatisfied)
    select r.dealer_id, date_trunc('month', local_day)::date, line, r.channel, f.factor, 1, f.scored, f.score, f.sat, f.dis
    from (
      select '_total' as factor, (r.score is not null)::int as scored, coalesce(r.score, 0) as score,
             coalesce(r.satisfied, false)::int as sat, (r.satisfied is false)::int as dis
      union all
      select e ->> 'code', 1, (e ->> 'score')::numeric, 0, 0
      from jsonb_array_elements(r.factor_scores) e
      where e ->> 'score' is not null and e ->> 'code' is not null
    ) f
    on conflict (dealer_id, month, business_line, channel, factor) do update set
      responses = k.responses + excluded.responses,
      scored = k.scored + excluded.scored,
      score_sum = k.score_sum + excluded.score_sum,
      satisfied = k.satisfied + excluded.satisfied,
      dissatisfied = k.dissatisfied + excluded.dissatisfied;
    insert into kpi_daily as k (dealer_id, day, business_line, channel, responses, scored, score_sum, satisfied, dissatisfied)
    values (r.dealer_id, local_day, line, r.channel, 1, (r.score is not null)::int, coalesce(r.score, 0),
            coalesce(r.satisfied, false)::int, (r.satisfied is false)::int)
    on conflict (dealer_id, day, business_line, channel) do update set
      responses = k.responses + excluded.responses,
      scored = k.scored + excluded.scored,
      score_sum = k.score_sum + excluded.score_sum,
      satisfied = k.satisfied + excluded.satisfied,
      dissatisfied = k.dissatisfied + excluded.dissatisfied;
  end $$;

  create function manyi_kpi_on_response() returns trigger language plpgsql as $$
  begin
    perform manyi_kpi_add_response(new);
    return null;
  end $$;

  create trigger survey_responses_kpi after insert on survey_responses
    for each row execute function manyi_kpi_on_response();
`;

const BACKFILL = `
  select manyi_kpi_add_response(r) from survey_responses r;
`;
