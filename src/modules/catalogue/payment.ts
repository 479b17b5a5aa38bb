import { buildVietQr, qrSvg, toPurposeText } from '../../lib/vietqr/index.js';
import { vnDateOf } from '../../lib/vn-calendar/index.js';
import { quoteFee } from './fees.js';
import type { FeeChannel, PaymentAccount, Procedure } from './types.js';

export interface PaymentQr {
  payload: string;
  amount: number;
  quantity: number;
  purpose: string;
  /** The channel whose fee the amount is (`online` only when the procedure has an online fee). */
  channel: FeeChannel;
  svg: string;
  account: PaymentAccount;
}

/**
 * Transfer note, a reference the one-stop section can reconcile: "LE PHI", the procedure's short
 * code in the unit and the day (Vietnam time) as ddmmyy — `LE PHI TT007 021226`, ASCII, 19
 * characters (the limit is 25). Unique per procedure and day within the unit's account.
 */
export function paymentPurpose(procedure: Pick<Procedure, 'shortCode'>, at = new Date()): string {
  const [y, m, d] = vnDateOf(at).split('-');
  return toPurposeText(`LE PHI ${procedure.shortCode} ${d}${m}${y.slice(2)}`).toUpperCase();
}

const PURPOSE_PREFIX = 'LE PHI ';
const PURPOSE_LIMIT = 25;

/**
 * Transfer note for the fee of a dossier: `LE PHI ` and the dossier code, so the one-stop section
 * matches the payment to the dossier. A code too long for the 25 characters loses leading segments of
 * its agency code (the same for every dossier paid into the unit's account): `000.00.00.H31-260115-0001`
 * → `LE PHI 00.H31-260115-0001`; at the least the day and number `LE PHI 260115-0001` remain.
 */
export function dossierPaymentPurpose(dossierCode: string): string {
  // toPurposeText keeps 25 characters: fold each part so that a long code is shortened below, not cut.
  const code = dossierCode.split('-').map((part) => toPurposeText(part).toUpperCase().replace(/ /g, '')).join('-');
  const [agency, ...rest] = code.split('-');
  const tail = rest.join('-');
  const segments = rest.length ? agency.split('.') : [];
  for (let i = 0; i <= segments.length; i++) {
    const shortened = rest.length ? [segments.slice(i).join('.'), tail].filter(Boolean).join('-') : code;
    if (PURPOSE_PREFIX.length + shortened.length <= PURPOSE_LIMIT) return PURPOSE_PREFIX + shortened;
  }
  return (PURPOSE_PREFIX + code.slice(-(PURPOSE_LIMIT - PURPOSE_PREFIX.length))).trim();
}

/** The unit's collection account from `unit.settings.payment`, when the core provides one. */
export function accountFromUnitSettings(settings: unknown): PaymentAccount | null {
  const payment = (settings as { payment?: Partial<PaymentAccount> } | null)?.payment;
  if (!payment?.bankBin || !payment.accountNumber || !payment.accountName) return null;
  return { bankBin: payment.bankBin, accountNumber: payment.accountNumber, accountName: payment.accountName };
}

export interface PaymentQrOptions {
  /** Desk (default) or online fee. */
  channel?: FeeChannel;
  /** The dossier the fee is for: its code goes in the transfer note instead of the procedure and day. */
  dossierCode?: string | null;
}

/**
 * VietQR for paying a procedure's fee into the unit's account, or null when the procedure
 * has no fixed fee. Throws RangeError for a bad quantity.
 */
export async function buildPaymentQr(
  procedure: Pick<Procedure, 'shortCode' | 'fee'>, account: PaymentAccount, quantity = 1, at = new Date(),
  options: PaymentQrOptions = {},
): Promise<PaymentQr | null> {
  const quote = quoteFee(procedure.fee, quantity, options.channel ?? 'desk');
  if (!quote) return null;
  const purpose = options.dossierCode ? dossierPaymentPurpose(options.dossierCode) : paymentPurpose(procedure, at);
  const payload = buildVietQr({ bankBin: account.bankBin, accountNumber: account.accountNumber, amount: quote.amount, purpose });
  const svg = await qrSvg(payload);
  return { payload, amount: quote.amount, quantity: quote.quantity, purpose, channel: quote.channel, svg, account };
}
