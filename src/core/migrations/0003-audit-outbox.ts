import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default clock_timestamp(),
      unit_id uuid references units(id),
      actor_id uuid,
      actor_name text,
      action text not null,
      entity text not null,
      entity_id text,
      before jsonb,
      after jsonb,
      ip text,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  await sql`create index audit_log_unit_idx on audit_log (unit_id, id desc)`.execute(db);
  await sql`create index audit_log_entity_idx on audit_log (entity, entity_id)`.execute(db);
  // Readers see their own units' entries; appending goes through audit_append() only.
  await sql`alter table audit_log enable row level security`.execute(db);
  await sql`create policy audit_read on audit_log for select using (unit_id = any (app_unit_ids()))`.execute(db);

  await sql`
    create or replace function audit_row_hash(prev text, a audit_log) returns text language sql immutable as $$
      select encode(sha256(convert_to(concat_ws('|', prev, a.id::text,
        to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), coalesce(a.unit_id::text, ''),
        coalesce(a.actor_id::text, ''), coalesce(a.actor_name, ''), a.action, a.entity, coalesce(a.entity_id, ''),
        coalesce(a.before::text, ''), coalesce(a.after::text, ''), coalesce(a.ip, '')), 'UTF8')), 'hex')
    $$`.execute(db);
  // One chain for the installation: a transaction-scoped lock serialises appends.
  await sql`
    create or replace function audit_append(p_unit uuid, p_actor uuid, p_actor_name text, p_action text,
      p_entity text, p_entity_id text, p_before jsonb, p_after jsonb, p_ip text) returns bigint
    language plpgsql security definer set search_path = public, pg_temp as $$
    declare
      r audit_log;
      prev text;
    begin
      perform pg_advisory_xact_lock(7290);
      select hash into prev from audit_log order by id desc limit 1;
      prev := coalesce(prev, 'genesis');
      insert into audit_log (unit_id, actor_id, actor_name, action, entity, entity_id, before, after, ip, prev_hash, hash)
        values (p_unit, p_actor, p_actor_name, p_action, p_entity, p_entity_id, p_before, p_after, p_ip, prev, '')
        returning * into r;
      update audit_log set hash = audit_row_hash(prev, r) where id = r.id;
      return r.id;
    end $$`.execute(db);
  await sql`revoke all on function audit_append(uuid, uuid, text, text, text, text, jsonb, jsonb, text) from public`.execute(db);
  await sql`grant execute on function audit_append(uuid, uuid, text, text, text, text, jsonb, jsonb, text) to thanthien_app`.execute(db);

  await sql`
    create table outbox (
      id uuid primary key default uuidv7(),
      unit_id uuid references units(id),
      kind text not null,
      payload jsonb not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts int not null default 0,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )`.execute(db);
  await sql`create index outbox_pending_idx on outbox (created_at) where status = 'pending'`.execute(db);
}
