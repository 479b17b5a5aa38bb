import { sql, type Kysely } from 'kysely';

/**
 * A short number per procedure within its unit (shown as `TT007`), for the fee transfer note:
 * `LE PHI TT007 021226` says which procedure and day a payment is for, in a few characters.
 * Assigned on insert by a trigger (max + 1 under a per-unit advisory lock), never reused.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table catalogue_procedures add column short_no int`.execute(db);
  await sql`
    update catalogue_procedures p set short_no = n.rn
    from (select id, row_number() over (partition by unit_id order by id) as rn from catalogue_procedures) n
    where p.id = n.id`.execute(db);
  await sql`
    create or replace function catalogue_procedures_short_no() returns trigger
    language plpgsql as $$
    begin
      if new.short_no is null then
        perform pg_advisory_xact_lock(hashtextextended('catalogue_procedures_short_no:' || new.unit_id::text, 0));
        select coalesce(max(short_no), 0) + 1 into new.short_no from catalogue_procedures where unit_id = new.unit_id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger catalogue_procedures_short_no before insert on catalogue_procedures
    for each row execute function catalogue_procedures_short_no()`.execute(db);
  await sql`alter table catalogue_procedures alter column short_no set not null`.execute(db);
  await sql`create unique index catalogue_procedures_short_no_unique on catalogue_procedures (unit_id, short_no)`.execute(db);
}
