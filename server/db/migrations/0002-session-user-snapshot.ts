import type { Kysely } from 'kysely';
import { execScript } from '../script';

/**
 * Each session carries a snapshot of its user's authorisation data (roles, scope, forced password
 * change, language), kept in step by triggers: every authenticated request then reads one row by
 * primary key instead of a join (see docs/decisions/0002). Disabling a user deletes their sessions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create function manyi_user_snapshot(u users) returns jsonb language sql stable as $$
      select jsonb_build_object(
        'username', u.username, 'displayName', u.display_name, 'roles', to_jsonb(u.roles),
        'dealerId', u.dealer_id, 'regionId', u.region_id, 'groupId', u.group_id,
        'mustChangePassword', u.must_change_password, 'locale', u.locale)
    $$;

    alter table sessions add column user_snapshot jsonb;
    update sessions s set user_snapshot = manyi_user_snapshot(u) from users u where u.id = s.user_id;
    delete from sessions where user_snapshot is null;
    alter table sessions alter column user_snapshot set not null;
    alter table sessions alter column user_snapshot set default '{}';

    create function manyi_session_take_snapshot() returns trigger language plpgsql as $$
    begin
      select manyi_user_snapshot(u) into new.user_snapshot from users u where u.id = new.user_id and u.disabled_at is null;
      if new.user_snapshot is null then
        raise exception 'cannot open a session for a missing or disabled user' using errcode = 'P0001';
      end if;
      return new;
    end $$;
    create trigger sessions_take_snapshot before insert on sessions
      for each row execute function manyi_session_take_snapshot();

    create function manyi_user_sync_sessions() returns trigger language plpgsql as $$
    begin
      if new.disabled_at is not null then
        delete from sessions where user_id = new.id;
      else
        update sessions set user_snapshot = manyi_user_snapshot(new) where user_id = new.id;
      end if;
      return null;
    end $$;
    create trigger users_sync_sessions after update on users
      for each row execute function manyi_user_sync_sessions();
  `,
  );
}
