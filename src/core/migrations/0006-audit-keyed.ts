import { sql, type Kysely } from 'kysely';

// Issue 11: the audit chain's hashes are keyed (HMAC-SHA256 with a secret kept outside the
// database, in $DATA_DIR/run), so that whoever can write the database cannot recompute them.
// HMAC is built from PostgreSQL's own sha256(): the app passes the key's inner and outer pads.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_log add column keyed boolean not null default false`.execute(db);
  await sql`
    create or replace function audit_row_text(prev text, a audit_log) returns bytea language sql immutable as $$
      select convert_to(concat_ws('|', prev, a.id::text,
        to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), coalesce(a.unit_id::text, ''),
        coalesce(a.actor_id::text, ''), coalesce(a.actor_name, ''), a.action, a.entity, coalesce(a.entity_id, ''),
        coalesce(a.before::text, ''), coalesce(a.after::text, ''), coalesce(a.ip, '')), 'UTF8')
    $$`.execute(db);
  await sql`
    create or replace function audit_row_hmac(ipad bytea, opad bytea, prev text, a audit_log) returns text language sql immutable as $$
      select encode(sha256(opad || sha256(ipad || audit_row_text(prev, a))), 'hex')
    $$`.execute(db);
  await sql`
    create or replace function audit_append_keyed(p_unit uuid, p_actor uuid, p_actor_name text, p_action text,
      p_entity text, p_entity_id text, p_before jsonb, p_after jsonb, p_ip text, p_ipad bytea, p_opad bytea) returns bigint
    language plpgsql security definer set search_path = public, pg_temp as $$
    declare
      r audit_log;
      prev text;
    begin
      if length(p_ipad) <> 64 or length(p_opad) <> 64 then raise exception 'audit key pads must be 64 bytes'; end if;
      perform pg_advisory_xact_lock(7290);
      select hash into prev from audit_log order by id desc limit 1;
      prev := coalesce(prev, 'genesis');
      insert into audit_log (unit_id, actor_id, actor_name, action, entity, entity_id, before, after, ip, prev_hash, hash, keyed)
        values (p_unit, p_actor, p_actor_name, p_action, p_entity, p_entity_id, p_before, p_after, p_ip, prev, '', true)
        returning * into r;
      update audit_log set hash = audit_row_hmac(p_ipad, p_opad, prev, r) where id = r.id;
      return r.id;
    end $$`.execute(db);
  await sql`revoke all on function audit_append_keyed(uuid, uuid, text, text, text, text, jsonb, jsonb, text, bytea, bytea) from public`.execute(db);
  await sql`grant execute on function audit_append_keyed(uuid, uuid, text, text, text, text, jsonb, jsonb, text, bytea, bytea) to thanthien_app`.execute(db);
  // The app appends keyed rows only.
  await sql`revoke execute on function audit_append(uuid, uuid, text, text, text, text, jsonb, jsonb, text) from thanthien_app`.execute(db);
}
