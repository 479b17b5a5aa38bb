import { sql, type Kysely } from 'kysely';
import type { FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { withUnit } from '../../core/tenancy.js';
import { forgetUnitCache } from '../../core/http/request-context.js';
import { bankByBin } from '../../lib/vietqr/index.js';
import { foldDiacritics } from '../../lib/vn-text/index.js';
import { accountFromUnitSettings } from './payment.js';
import type { FormErrors } from './validate.js';

/**
 * The unit's fee collection account and hotline. Both live where the core keeps them —
 * `units.settings.payment` ({ bankBin, bankName, accountNumber, accountName }, read by the fee
 * VietQR) and `units.hotline` (directory, home page, posters) — so every page sees one value.
 */
export interface UnitContactSettings {
  payment: { bankBin: string; bankName: string; accountNumber: string; accountName: string } | null;
  hotline: string | null;
}

const ACCOUNT_RE = /^[0-9A-Za-z]{1,19}$/;
const PHONE_RE = /^\+?[0-9][0-9 .-]{1,18}[0-9]$/;

/** Account name as banks print it: no marks, upper case, single spaces ("UBND PHUONG CHU VAN AN"). */
export function normaliseAccountName(text: string): string {
  return foldDiacritics(text).toUpperCase().replace(/[^A-Z0-9 .,&()/-]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Reads the settings form; messages are i18n keys. All three account fields empty = no account. */
export function parseUnitSettingsForm(f: Record<string, string>): { value?: UnitContactSettings; errors: FormErrors } {
  const errors: FormErrors = {};
  const bin = (f.bank_bin ?? '').trim();
  const number = (f.account_number ?? '').replace(/[\s.-]/g, '');
  const name = normaliseAccountName(f.account_name ?? '');
  const hotline = (f.hotline ?? '').trim().replace(/\s+/g, ' ');
  let payment: UnitContactSettings['payment'] = null;
  if (bin || number || name) {
    const bank = bankByBin(bin);
    if (!bank) errors.bank_bin = 'catalogue.settings.error_bank';
    if (!ACCOUNT_RE.test(number)) errors.account_number = 'catalogue.settings.error_account_number';
    if (name.length < 3 || name.length > 70) errors.account_name = 'catalogue.settings.error_account_name';
    if (bank) payment = { bankBin: bank.bin, bankName: bank.shortName, accountNumber: number, accountName: name };
  }
  if (hotline && (!PHONE_RE.test(hotline) || hotline.replace(/\D/g, '').length < 3)) errors.hotline = 'catalogue.settings.error_hotline';
  return Object.keys(errors).length ? { errors } : { errors, value: { payment, hotline: hotline || null } };
}

export function currentUnitSettings(unit: { settings?: unknown; hotline?: string | null }): UnitContactSettings {
  const account = accountFromUnitSettings(unit.settings);
  const bankName = (unit.settings as { payment?: { bankName?: string } } | null)?.payment?.bankName;
  return {
    payment: account ? { ...account, bankName: bankName ?? bankByBin(account.bankBin)?.shortName ?? '' } : null,
    hotline: unit.hotline ?? null,
  };
}

/** Saves both settings of the unit with an audit entry in the same transaction. */
export async function saveUnitSettings(db: Kysely<any>, req: FastifyRequest, value: UnitContactSettings): Promise<void> {
  const unit = req.unit!;
  await withUnit(db, unit.id, async (trx) => {
    const { rows } = await sql<{ settings: Record<string, unknown>; hotline: string | null }>`
      select settings, hotline from units where id = ${unit.id} for update`.execute(trx);
    const before = currentUnitSettings(rows[0]);
    const settings = value.payment ? sql`settings || ${JSON.stringify({ payment: value.payment })}::jsonb` : sql`settings - 'payment'`;
    await sql`update units set settings = ${settings}, hotline = ${value.hotline} where id = ${unit.id}`.execute(trx);
    await audit(trx, req, { action: 'catalogue.unit_settings.update', entity: 'unit', entityId: unit.id, before, after: value });
  });
  forgetUnitCache();
}
