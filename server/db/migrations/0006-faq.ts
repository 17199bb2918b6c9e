import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * FAQ knowledge base (SPEC §3.11): the articles of 《CRM系统中FAQ》 (AYT-外来-客服-02) and
 * 《XX客服车辆常见问题技术解答手册(2014)》 (AYT-外来-客服-01), every edit kept as a revision, and the log of
 * answers given from the FAQ (resolution path a, §4.2–§4.5). `search_vector` holds the CJK bigram tokens of
 * core/rules/cjk-search.ts, written by the service as a tsvector literal (no parser or extension involved).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, ARTICLES);
  await execScript(db, USES);
}

const ARTICLES = `
  create table faq_articles (
    dealer_id uuid not null references dealers(id),
    id uuid not null default gen_random_uuid(),
    source_code text not null check (length(source_code) between 1 and 60),
    source_version text not null default '' check (length(source_version) <= 40),
    question text not null check (length(question) between 1 and 500),
    answer text not null check (length(answer) between 1 and 5000),
    category text not null check (length(category) between 1 and 60),
    tags text[] not null default '{}' check (cardinality(tags) <= 20),
    valid_from date not null,
    valid_to date,
    archived_at timestamptz,
    archived_by uuid references users(id),
    revision integer not null default 1 check (revision >= 1),
    search_vector tsvector not null,
    created_at timestamptz not null default now(),
    created_by uuid references users(id),
    updated_at timestamptz not null default now(),
    updated_by uuid references users(id),
    primary key (dealer_id, id),
    check (valid_to is null or valid_to >= valid_from)
  );
  create index faq_articles_search on faq_articles using gin (search_vector);
  create index faq_articles_category on faq_articles (dealer_id, category);
  create index faq_articles_tags on faq_articles using gin (tags);

  -- Every state an article has had: written with each create, edit, archive and restore; never changed.
  create table faq_article_revisions (
    dealer_id uuid not null,
    article_id uuid not null,
    revision integer not null,
    change text not null check (change in ('create', 'update', 'archive', 'restore', 'import')),
    source_code text not null,
    source_version text not null,
    question text not null,
    answer text not null,
    category text not null,
    tags text[] not null,
    valid_from date not null,
    valid_to date,
    archived boolean not null,
    changed_at timestamptz not null default now(),
    changed_by uuid references users(id),
    changed_by_name text not null,
    primary key (dealer_id, article_id, revision),
    foreign key (dealer_id, article_id) references faq_articles (dealer_id, id)
  );
  create trigger faq_article_revisions_append_only before update or delete on faq_article_revisions
    for each row execute function manyi_forbid_change();
  create trigger faq_article_revisions_no_truncate before truncate on faq_article_revisions
    for each statement execute function manyi_forbid_change();
`;

const USES = `
  -- "Answered from the FAQ" (resolution path a), on a survey response and/or a callback task. task_id has no
  -- foreign key yet: callback tasks were built at the same time in their own migration.
  create table faq_uses (
    dealer_id uuid not null,
    id uuid not null default gen_random_uuid(),
    article_id uuid not null,
    article_revision integer not null,
    response_id uuid,
    task_id uuid,
    note text not null default '' check (length(note) <= 500),
    used_by uuid references users(id),
    used_by_name text not null,
    used_at timestamptz not null default now(),
    primary key (dealer_id, id),
    foreign key (dealer_id, article_id) references faq_articles (dealer_id, id),
    foreign key (dealer_id, response_id) references survey_responses (dealer_id, id),
    foreign key (dealer_id, article_id, article_revision)
      references faq_article_revisions (dealer_id, article_id, revision)
  );
  create index faq_uses_response on faq_uses (dealer_id, response_id) where response_id is not null;
  create index faq_uses_task on faq_uses (dealer_id, task_id) where task_id is not null;
  create index faq_uses_article on faq_uses (dealer_id, article_id, used_at);
  create trigger faq_uses_append_only before update or delete on faq_uses
    for each row execute function manyi_forbid_change();
  create trigger faq_uses_no_truncate before truncate on faq_uses
    for each statement execute function manyi_forbid_change();
`;
