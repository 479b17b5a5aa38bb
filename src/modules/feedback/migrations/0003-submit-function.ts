import { sql, type Kysely } from 'kysely';

/**
 * The anonymous intake in one statement, hence one round trip and one short transaction:
 * set the unit for row-level security, return a recent duplicate if there is one, else insert
 * the item and register its code. Runs with the caller's rights (RLS applies), not as definer.
 */
export async function up(db: Kysely<any>): Promise<void> {
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
