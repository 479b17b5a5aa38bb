/** The unit's leadership settings: the head (who sees identities), remote area, uniform days. */
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<any> | Transaction<any>;

export interface SettingsValues { head_user_id: string | null; remote_area: boolean; uniform_days: string }

export function readSettings(trx: Db): Promise<SettingsValues | undefined> {
  return trx.selectFrom('leadership_settings').select(['head_user_id', 'remote_area', 'uniform_days'])
    .executeTakeFirst() as Promise<SettingsValues | undefined>;
}

export async function uniformDays(trx: Db): Promise<string | undefined> {
  return (await trx.selectFrom('leadership_settings').select('uniform_days').executeTakeFirst())?.uniform_days as string | undefined;
}

/** Saves the settings; returns the row as it was before (for the audit trail). */
export async function saveSettings(trx: Db, unitId: string, values: SettingsValues): Promise<Record<string, unknown> | undefined> {
  const before = await trx.selectFrom('leadership_settings').selectAll().executeTakeFirst();
  await trx.insertInto('leadership_settings').values({ unit_id: unitId, ...values })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ ...values, updated_at: new Date() })).execute();
  return before;
}
