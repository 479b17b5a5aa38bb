import nodemailer, { type Transporter } from 'nodemailer';
import { sql, type Kysely, type Transaction } from 'kysely';

export interface Email { unitId: string | null; to: string; subject: string; text: string; html?: string }

/** Queues an email in the outbox within the caller's transaction; the outbox worker sends it. */
export async function enqueueEmail(trx: Kysely<any> | Transaction<any>, m: Email): Promise<void> {
  const payload = { to: m.to, subject: m.subject, text: m.text, html: m.html };
  await sql`insert into outbox (unit_id, kind, payload) values (${m.unitId}, 'email', ${JSON.stringify(payload)}::jsonb)`.execute(trx);
  await sql`select pg_notify('thanthien_outbox', '')`.execute(trx);
}

export function createTransport(smtpUrl: string | undefined): Transporter {
  // Without SMTP the message is rendered to JSON and logged: nothing is lost, nothing is sent.
  return smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
}
