import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { SettingsRow, Trx } from './types.js';

/** The unit's centre settings; the row (and its token secret) is created on first use. */
export async function getSettings(trx: Trx, unitId: string): Promise<SettingsRow> {
  await sql`insert into centre_settings (unit_id, token_secret) values (${unitId}, ${randomBytes(32)})
    on conflict (unit_id) do nothing`.execute(trx);
  const { rows } = await sql<SettingsRow>`select * from centre_settings where unit_id = ${unitId}`.execute(trx);
  return rows[0];
}

export interface SettingsUpdate { priority_head_start_s: number; speech_enabled: boolean; chime_enabled: boolean }

export async function updateSettings(trx: Trx, unitId: string, s: SettingsUpdate): Promise<void> {
  await getSettings(trx, unitId);
  await sql`update centre_settings set priority_head_start_s = ${s.priority_head_start_s},
    speech_enabled = ${s.speech_enabled}, chime_enabled = ${s.chime_enabled}, updated_at = now()
    where unit_id = ${unitId}`.execute(trx);
}
