import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * Call scripts (SPEC §7.6, §4.11): each dealer's greeting, identity check, closing and "don't ask" /
 * reminder hints per business line, with placeholders ({dealer}, {agent}, {customer}, {title}, {date},
 * {repairType}, {model}, {orderNumber}) the workbench fills. No row: the preset of core/rules/call-script.ts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, SCRIPTS);
}

const SCRIPTS = `
  create table call_scripts (
    dealer_id uuid not null references dealers(id),
    business_line text not null check (business_line in ('after_sales', 'sales')),
    greeting text not null check (length(greeting) between 1 and 2000),
    identity_check text not null check (length(identity_check) <= 1000),
    closing text not null check (length(closing) <= 1000),
    hints jsonb not null default '[]' check (jsonb_typeof(hints) = 'array'),
    updated_at timestamptz not null default now(),
    updated_by uuid references users(id),
    primary key (dealer_id, business_line)
  );
  create trigger call_scripts_touch before update on call_scripts
    for each row execute function manyi_touch_updated_at();
`;
