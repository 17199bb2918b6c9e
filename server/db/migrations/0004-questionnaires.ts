import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * Questionnaires (SPEC §3.7): templates, versions (draft → approved → published → retired), their factors
 * and questions; survey responses (§3.8) with their answers and annotations; the per-dealer approver roles
 * (§8.5). The database itself refuses to change an approved/published version's content and to update or
 * delete a response, an answer or an annotation (§8.1), for every database user.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, TEMPLATES);
  await execScript(db, VERSION_GUARDS);
  await execScript(db, RESPONSES);
}

const TEMPLATES = `
  create table questionnaire_settings (
    dealer_id uuid not null references dealers(id),
    approver_roles text[] not null default '{gm}' check (cardinality(approver_roles) between 1 and 12),
    updated_at timestamptz not null default now(),
    updated_by uuid references users(id),
    primary key (dealer_id)
  );

  create table questionnaire_templates (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    code text not null check (length(code) between 1 and 60),
    preset_key text,
    created_at timestamptz not null default now(),
    created_by uuid references users(id),
    primary key (dealer_id, id),
    unique (dealer_id, code)
  );

  create table questionnaire_versions (
    dealer_id uuid not null,
    id uuid not null default gen_random_uuid(),
    template_id uuid not null,
    version_no integer not null check (version_no >= 1),
    status text not null default 'draft' check (status in ('draft', 'approved', 'published', 'retired')),
    name_zh text not null check (length(name_zh) <= 500),
    name_en text not null default '' check (length(name_en) <= 500),
    description jsonb not null default '{"zh":"","en":""}',
    business_line text not null check (business_line in ('sales', 'after_sales', 'marketing', 'other')),
    channel text not null,
    form_number text not null default '',
    instructions jsonb not null default '{"zh":"","en":""}',
    factor_set text,
    full_score numeric(5,2) not null default 100,
    based_on_version_id uuid,
    created_at timestamptz not null default now(),
    created_by uuid references users(id),
    updated_at timestamptz not null default now(),
    approved_at timestamptz,
    approved_by uuid references users(id),
    approved_by_name text,
    published_at timestamptz,
    published_by uuid references users(id),
    retired_at timestamptz,
    retired_by uuid references users(id),
    primary key (dealer_id, id),
    unique (dealer_id, template_id, version_no),
    foreign key (dealer_id, template_id) references questionnaire_templates (dealer_id, id),
    -- SPEC §8.5: nothing leaves draft without the approver and the date of the sign-off.
    check (status = 'draft' or (approved_at is not null and approved_by is not null))
  );
  create unique index questionnaire_versions_one_published
    on questionnaire_versions (dealer_id, template_id) where status = 'published';

  create table questionnaire_factors (
    dealer_id uuid not null,
    version_id uuid not null,
    code text not null,
    position integer not null,
    name_zh text not null,
    name_en text not null default '',
    weight numeric(6,2) not null check (weight between 0 and 100),
    primary key (dealer_id, version_id, code),
    foreign key (dealer_id, version_id) references questionnaire_versions (dealer_id, id) on delete cascade
  );

  create table questionnaire_questions (
    dealer_id uuid not null,
    version_id uuid not null,
    key text not null,
    position integer not null,
    type text not null check (type in ('rating', 'yes_no', 'single', 'multi', 'text', 'date', 'reason')),
    text_zh text not null,
    text_en text not null default '',
    section jsonb,
    mandatory boolean not null default false,
    factor_code text,
    weight numeric(6,2) not null default 1 check (weight between 0 and 100),
    key_factor boolean not null default false,
    allow_na boolean not null default false,
    scale jsonb,
    options jsonb not null default '[]',
    yes_is_good boolean not null default true,
    show_if jsonb,
    primary key (dealer_id, version_id, key),
    unique (dealer_id, version_id, position),
    foreign key (dealer_id, version_id) references questionnaire_versions (dealer_id, id) on delete cascade
  );
`;

const VERSION_GUARDS = `
  -- A version's content is frozen once it leaves draft; only the lifecycle moves on.
  create function manyi_questionnaire_version_guard() returns trigger language plpgsql as $$
  declare
    lifecycle text[] := array['status', 'published_at', 'published_by', 'retired_at', 'retired_by', 'updated_at'];
  begin
    if tg_op = 'DELETE' then
      if old.status <> 'draft' then
        raise exception 'questionnaire version % is %: it cannot be deleted', old.id, old.status using errcode = 'P0001';
      end if;
      return old;
    end if;
    if old.status <> 'draft' and (to_jsonb(new) - lifecycle) is distinct from (to_jsonb(old) - lifecycle) then
      raise exception 'questionnaire version % is %: its content cannot be changed', old.id, old.status
        using errcode = 'P0001';
    end if;
    if new.status <> old.status and (old.status, new.status) not in
        (('draft', 'approved'), ('approved', 'published'), ('published', 'retired'), ('approved', 'retired')) then
      raise exception 'questionnaire version % cannot go from % to %', old.id, old.status, new.status
        using errcode = 'P0001';
    end if;
    return new;
  end $$;
  create trigger questionnaire_versions_guard before update or delete on questionnaire_versions
    for each row execute function manyi_questionnaire_version_guard();

  -- Questions and factors may change only while their version is a draft.
  create function manyi_questionnaire_content_guard() returns trigger language plpgsql as $$
  declare
    s text;
  begin
    if tg_op <> 'INSERT' then
      select status into s from questionnaire_versions where dealer_id = old.dealer_id and id = old.version_id;
      if s is not null and s <> 'draft' then
        raise exception '% of a % questionnaire version cannot be changed', tg_table_name, s using errcode = 'P0001';
      end if;
    end if;
    if tg_op <> 'DELETE' then
      select status into s from questionnaire_versions where dealer_id = new.dealer_id and id = new.version_id;
      if s is not null and s <> 'draft' then
        raise exception '% of a % questionnaire version cannot be changed', tg_table_name, s using errcode = 'P0001';
      end if;
      return new;
    end if;
    return old;
  end $$;
  create trigger questionnaire_questions_guard before insert or update or delete on questionnaire_questions
    for each row execute function manyi_questionnaire_content_guard();
  create trigger questionnaire_factors_guard before insert or update or delete on questionnaire_factors
    for each row execute function manyi_questionnaire_content_guard();
  create trigger questionnaire_questions_no_truncate before truncate on questionnaire_questions
    for each statement execute function manyi_forbid_change();
  create trigger questionnaire_versions_no_truncate before truncate on questionnaire_versions
    for each statement execute function manyi_forbid_change();
`;

const RESPONSES = `
  create table survey_responses (
    dealer_id uuid not null,
    id uuid not null default gen_random_uuid(),
    version_id uuid not null,
    template_id uuid not null,
    channel text not null,
    respondent_name text,
    respondent_relation text check (respondent_relation in ('owner', 'recipient', 'other')),
    agent_user_id uuid references users(id),
    started_at timestamptz,
    finished_at timestamptz,
    submitted_at timestamptz not null default now(),
    score numeric(5,2) check (score between 0 and 100),
    factor_scores jsonb not null default '[]',
    dissatisfied jsonb not null default '[]',
    satisfied boolean,
    praise text not null default '',
    may_call_again boolean not null default false,
    created_by uuid references users(id),
    primary key (dealer_id, id),
    foreign key (dealer_id, version_id) references questionnaire_versions (dealer_id, id),
    foreign key (dealer_id, template_id) references questionnaire_templates (dealer_id, id)
  );
  create index survey_responses_version on survey_responses (dealer_id, version_id, submitted_at);

  create table survey_answers (
    dealer_id uuid not null,
    response_id uuid not null,
    question_key text not null,
    value jsonb,
    na boolean not null default false,
    comment text not null default '',
    item_score numeric(5,2) check (item_score between 0 and 100),
    primary key (dealer_id, response_id, question_key),
    foreign key (dealer_id, response_id) references survey_responses (dealer_id, id)
  );

  create table response_annotations (
    dealer_id uuid not null,
    id uuid not null default gen_random_uuid(),
    response_id uuid not null,
    question_key text,
    note text not null check (length(note) between 1 and 2000),
    corrected_value jsonb,
    created_at timestamptz not null default now(),
    created_by uuid references users(id),
    created_by_name text not null,
    primary key (dealer_id, id),
    foreign key (dealer_id, response_id) references survey_responses (dealer_id, id)
  );

  -- Only a published version takes responses.
  create function manyi_response_version_published() returns trigger language plpgsql as $$
  begin
    if not exists (select 1 from questionnaire_versions
                   where dealer_id = new.dealer_id and id = new.version_id and status = 'published') then
      raise exception 'questionnaire version % is not published', new.version_id using errcode = 'P0001';
    end if;
    return new;
  end $$;
  create trigger survey_responses_published before insert on survey_responses
    for each row execute function manyi_response_version_published();

  -- SPEC §8.1: customer evaluation results shall not be altered. Write-once, for every database user.
  create trigger survey_responses_append_only before update or delete on survey_responses
    for each row execute function manyi_forbid_change();
  create trigger survey_responses_no_truncate before truncate on survey_responses
    for each statement execute function manyi_forbid_change();
  create trigger survey_answers_append_only before update or delete on survey_answers
    for each row execute function manyi_forbid_change();
  create trigger survey_answers_no_truncate before truncate on survey_answers
    for each statement execute function manyi_forbid_change();
  create trigger response_annotations_append_only before update or delete on response_annotations
    for each row execute function manyi_forbid_change();
  create trigger response_annotations_no_truncate before truncate on response_annotations
    for each statement execute function manyi_forbid_change();
`;
