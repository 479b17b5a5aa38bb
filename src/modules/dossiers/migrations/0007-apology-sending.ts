import { sql, type Kysely } from 'kysely';

/**
 * How each apology (Mẫu 04) reached the citizen, visible to staff:
 * - 'queued': e-mail written to the mail outbox;
 * - 'pending' ("chờ gửi"): an SMS the installation cannot send (the core outbox has no SMS kind):
 *   staff send it and mark it sent;
 * - 'sent': marked sent by staff (`sent_at`, `sent_by`);
 * - 'paper': handed over at the desk or posted with the result.
 * SMS apologies issued before this migration were never sent: they start as 'pending'.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table dossier_apologies
    add column send_status text not null default 'paper' check (send_status in ('queued', 'pending', 'sent', 'paper')),
    add column sent_at timestamptz,
    add column sent_by text`.execute(db);
  await sql`update dossier_apologies set send_status = case sent_channel
    when 'email' then 'queued' when 'sms' then 'pending' else 'paper' end`.execute(db);
}
