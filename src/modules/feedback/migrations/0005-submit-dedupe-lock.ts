import { sql, type Kysely } from 'kysely';

/**
 * Race-free double-submit check. Two identical submissions arriving at the same moment both saw
 * "no earlier item" and both inserted. Now the dedupe key is serialised with a transaction-scoped
 * advisory lock on (unit, key) before the look-up: the second caller waits until the first
 * commits, then its look-up (a new snapshot: READ COMMITTED, volatile function) finds the item.
 * Submissions without a key take no lock; different keys never wait for each other (a hash
 * collision of two keys only serialises them). The transaction path (`insertFeedback`) takes the
 * same lock through `feedback_dedupe_lock()`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function feedback_dedupe_lock(p_unit uuid, p_dedupe text) returns void
    language sql volatile as $fn$
      select pg_advisory_xact_lock(hashtextextended('feedback|' || p_unit::text || '|' || p_dedupe, 0))
    $fn$`.execute(db);
  await sql`
    create or replace function feedback_submit(
      p_unit uuid, p_code text, p_category text, p_channel text, p_content text,
      p_name text, p_phone text, p_email text, p_handle text, p_share boolean,
      p_lat double precision, p_lng double precision, p_address text, p_box text, p_intake uuid,
      p_dedupe text, p_window int, p_due date, p_received timestamptz)
    returns table (out_id uuid, out_code text, out_status text, out_created boolean)
    language plpgsql as $fn$
    begin
      perform set_config('app.unit_ids', p_unit::text, true);
      if p_dedupe is not null then
        perform feedback_dedupe_lock(p_unit, p_dedupe);
        return query select f.id, f.code, f.status, false from feedback f
          where f.unit_id = p_unit and f.dedupe_key = p_dedupe
            and f.received_at > now() - make_interval(secs => p_window)
          limit 1;
        if found then return; end if;
      end if;
      return query insert into feedback as f (unit_id, code, category, channel, content, sender_name, sender_phone,
          sender_email, sender_handle, share_location, lat, lng, address, box_location, intake_id, dedupe_key, due_date, received_at)
        values (p_unit, p_code, p_category, p_channel, p_content, p_name, p_phone, p_email, p_handle, p_share, p_lat, p_lng,
          p_address, p_box, p_intake, p_dedupe, p_due, coalesce(p_received, now()))
        returning f.id, f.code, f.status, true;
      insert into feedback_codes (code, unit_id) values (p_code, p_unit);
    end
    $fn$`.execute(db);
}
