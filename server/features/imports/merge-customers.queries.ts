import type { BulkTx } from './bulk-session';
import type { StageTables } from './import-stage';

/**
 * Customer matching, set-based, per chunk (docs/import.md "Matching"): each staged customer group is resolved
 * against what the dealer already has, first rule that finds someone:
 *   0. the same match key (the identity this importer stored when it created the customer);
 *   1. the ID-card number (keyed hash);
 *   2. mobile + name; 3. landline + name (any number of the group's rows);
 *   4. name + a vehicle (VIN, else plate) this dealer knows them to own.
 * Rules 2–4 never join two different ID-card numbers. Ties go to the oldest customer (then the smaller id), so
 * the choice is deterministic. Each rule is one join over the groups the earlier rules left unresolved.
 */
const ID_COMPATIBLE = `(c.id_card_hash is null or s.id_hash is null or c.id_card_hash = s.id_hash)`;

function resolveStep(t: StageTables, from: string, where: string): string {
  return `
    update ${t.customers} u set customer_id = x.id from (
      select distinct on (s.grp) s.grp, c.id from ${t.customers} s ${from}
      where s.customer_id is null and ${where} order by s.grp, c.created_at, c.id
    ) x where u.grp = x.grp`;
}

const byName = `join customers c on c.dealer_id = $1::uuid and c.id = %ID% and c.name = s.name`;

function resolveSteps(t: StageTables): string[] {
  const phone = (column: string) =>
    resolveStep(
      t,
      `cross join lateral unnest(s.${column}) as n(phone)
       join customer_phones p on p.dealer_id = $1::uuid and p.phone = n.phone ${byName.replace('%ID%', 'p.customer_id')}`,
      `s.name is not null and ${ID_COMPATIBLE}`,
    );
  const vehicle = (column: string, match: string) =>
    resolveStep(
      t,
      `cross join lateral unnest(s.${column}) as n(value)
       join vehicles v on v.dealer_id = $1::uuid and ${match} ${byName.replace('%ID%', 'v.owner_customer_id')}`,
      `s.name is not null and ${ID_COMPATIBLE}`,
    );
  return [
    `update ${t.customers} s set customer_id = c.id, by_key = true from customers c
     where c.dealer_id = $1::uuid and c.match_key = s.match_key`,
    resolveStep(
      t,
      `join customers c on c.dealer_id = $1::uuid and c.id_card_hash = s.id_hash`,
      's.id_hash is not null',
    ),
    phone('p_mobiles'),
    phone('p_landlines'),
    vehicle('p_vins', 'v.vin = n.value'),
    vehicle('p_plates', 'v.plate = n.value and (v.vin is null or s.p_vins is null)'),
  ];
}

const consent = (flag: string) =>
  `jsonb_build_object('source', 'dms-import', 'channel', 'dms', 'runId', $2::text, 'at', now(), 'allowed', ${flag})`;

function insertSql(t: StageTables): string {
  return `
    insert into customers (dealer_id, id, match_key, kind, name, gender, birth_date, email, address, postcode,
      employer, industry, personal, id_card_cipher, id_card_hash, id_card_last4, service_callbacks_allowed,
      service_consent, marketing_allowed, marketing_consent)
    select $1::uuid, s.customer_id, s.match_key, coalesce(s.kind, 'private'), coalesce(s.name, s.label), s.gender,
      s.birth_date, s.email, s.address, s.postcode, s.employer, s.industry,
      case when s.occupation is null then '{}'::jsonb else jsonb_build_object('occupation', s.occupation) end,
      s.id_cipher, s.id_hash, s.id_last4, coalesce(s.svc_ok, true),
      case when s.svc_ok is null then null else ${consent('s.svc_ok')} end,
      coalesce(s.mkt_ok, false), case when s.mkt_ok is null then null else ${consent('s.mkt_ok')} end
    from ${t.customers} s where s.is_new`;
}

const TRACKED = `kind, name, gender, birth_date, email, address, postcode, employer, industry, personal,
  id_card_cipher, id_card_hash, id_card_last4, service_callbacks_allowed, service_consent, marketing_allowed,
  marketing_consent`;

/**
 * A matched group can change its customer only if it carries a tracked value: the name cannot differ after
 * rules 2–4 (they match on it) nor after a match key that contains it (m:, l:, v:, n:), only after the ID.
 */
const MAY_CHANGE = `(kind is not null or gender is not null or birth_date is not null or email is not null
  or address is not null or postcode is not null or employer is not null or industry is not null
  or occupation is not null or id_hash is not null or svc_ok is not null or mkt_ok is not null)`;

const prefixed = (alias: string) => TRACKED.replace(/(\w+)/g, `${alias}.$1`);

/** Values missing from the file never erase known ones; consent evidence is replaced only when it changes. */
function updateSql(t: StageTables): string {
  return `
    with u as (
      select distinct on (customer_id) * from ${t.customers} where not is_new and ${MAY_CHANGE}
      order by customer_id, last_row desc
    ), n as (
      select c.id, coalesce(u.kind, c.kind) as kind, coalesce(u.name, c.name) as name,
        coalesce(u.gender, c.gender) as gender, coalesce(u.birth_date, c.birth_date) as birth_date,
        coalesce(u.email, c.email) as email, coalesce(u.address, c.address) as address,
        coalesce(u.postcode, c.postcode) as postcode, coalesce(u.employer, c.employer) as employer,
        coalesce(u.industry, c.industry) as industry,
        case when u.occupation is null then c.personal
          else c.personal || jsonb_build_object('occupation', u.occupation) end as personal,
        case when u.id_hash is distinct from c.id_card_hash and u.id_hash is not null
          then u.id_cipher else c.id_card_cipher end as id_card_cipher,
        coalesce(u.id_hash, c.id_card_hash) as id_card_hash,
        case when u.id_hash is distinct from c.id_card_hash and u.id_hash is not null
          then u.id_last4 else c.id_card_last4 end as id_card_last4,
        coalesce(u.svc_ok, c.service_callbacks_allowed) as service_callbacks_allowed,
        case when u.svc_ok is not null and (c.service_consent is null or u.svc_ok <> c.service_callbacks_allowed)
          then ${consent('u.svc_ok')} else c.service_consent end as service_consent,
        coalesce(u.mkt_ok, c.marketing_allowed) as marketing_allowed,
        case when u.mkt_ok is not null and (c.marketing_consent is null or u.mkt_ok <> c.marketing_allowed)
          then ${consent('u.mkt_ok')} else c.marketing_consent end as marketing_consent
      from u join customers c on c.dealer_id = $1::uuid and c.id = u.customer_id
    ), w as (
      update customers t set (${TRACKED}) = (select ${prefixed('n')})
      from n where t.dealer_id = $1::uuid and t.id = n.id and (${prefixed('t')}) is distinct from (${prefixed('n')})
      returning 1
    ) select count(*)::int as n from w`;
}

/**
 * A customer's new numbers; the first (mobile preferred, latest row first) is primary if they have none. The
 * number a customer's match key was made of was stored when they were created (and stays removed if a
 * correction removed it), so a group found by that key skips it.
 */
function phonesSql(t: StageTables): string {
  return `
    insert into customer_phones (dealer_id, customer_id, phone, kind, is_primary)
    select $1::uuid, x.customer_id, x.phone, x.kind, x.rank = 1 and not exists (select 1 from customer_phones p
        where p.dealer_id = $1::uuid and p.customer_id = x.customer_id and p.is_primary)
    from (
      select y.*, row_number() over (partition by y.customer_id order by y.kind = 'mobile' desc, y.last desc) as rank
      from (
        select c.customer_id, r.mobile as phone, 'mobile' as kind, max(r.row_no) as last
        from ${t.rows} r join ${t.customers} c on c.grp = r.grp
        where r.mobile is not null and not (c.by_key and c.match_key like 'm:' || r.mobile || ':%') group by 1, 2
        union all
        select c.customer_id, r.landline, 'landline', max(r.row_no)
        from ${t.rows} r join ${t.customers} c on c.grp = r.grp
        where r.landline is not null and not (c.by_key and c.match_key like 'l:' || r.landline || ':%') group by 1, 2
      ) y
    ) x
    where not exists (select 1 from customer_phones p
      where p.dealer_id = $1::uuid and p.customer_id = x.customer_id and p.phone = x.phone)
    on conflict do nothing`;
}

/** Resolves, inserts and updates the chunk's customers and adds their phone numbers. */
export async function mergeCustomers(tx: BulkTx, t: StageTables, dealerId: string, runId: string) {
  for (const step of resolveSteps(t)) await tx.query(step, [dealerId]);
  const [fresh] = await tx.query<{ n: number }>(
    `with w as (update ${t.customers} set customer_id = new_id, is_new = true
      where customer_id is null returning 1) select count(*)::int as n from w`,
  );
  await tx.query(insertSql(t), [dealerId, runId]);
  const [changed] = await tx.query<{ n: number }>(updateSql(t), [dealerId, runId]);
  await tx.query(phonesSql(t), [dealerId]);
  return { inserted: fresh?.n ?? 0, updated: changed?.n ?? 0 };
}
