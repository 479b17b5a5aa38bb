import { sql, type Kysely } from 'kysely';
import { onlineFeeFromNote } from '../fees.js';

/**
 * The fee for online submission, lower than at the desk for some procedures (residence
 * registration, Circular 75/2022/TT-BTC: thường trú 20.000 đ / 10.000 đ online, tạm trú 15.000 đ /
 * 7.000 đ). Null = the desk fee applies online too. Filled for existing rows whose fee note states
 * the online amount (the shipped reference notes do for those two procedures).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table catalogue_procedures add column fee_online_amount bigint
    check (fee_online_amount is null or fee_online_amount >= 0)`.execute(db);
  const { rows } = await sql<{ id: string; fee_note: string }>`
    select id, fee_note from catalogue_procedures
    where fee_amount > 0 and fee_tiers is null and fee_note ilike '%trực tuyến%'`.execute(db);
  for (const r of rows) {
    const online = onlineFeeFromNote(r.fee_note);
    if (online !== null) await sql`update catalogue_procedures set fee_online_amount = ${online} where id = ${r.id}`.execute(db);
  }
}
