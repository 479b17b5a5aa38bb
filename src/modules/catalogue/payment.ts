import { buildVietQr, qrSvg, toPurposeText } from '../../lib/vietqr/index.js';
import { quoteFee } from './fees.js';
import type { PaymentAccount, ProcedureData } from './types.js';

export interface PaymentQr {
  payload: string;
  amount: number;
  quantity: number;
  purpose: string;
  svg: string;
  account: PaymentAccount;
}

/** Transfer note: "LE PHI" + the procedure's name, ASCII, ≤ 25 characters. */
export function paymentPurpose(procedure: Pick<ProcedureData, 'name'>): string {
  return toPurposeText(`LE PHI ${procedure.name}`).toUpperCase();
}

/** The unit's collection account from `unit.settings.payment`, when the core provides one. */
export function accountFromUnitSettings(settings: unknown): PaymentAccount | null {
  const payment = (settings as { payment?: Partial<PaymentAccount> } | null)?.payment;
  if (!payment?.bankBin || !payment.accountNumber || !payment.accountName) return null;
  return { bankBin: payment.bankBin, accountNumber: payment.accountNumber, accountName: payment.accountName };
}

/**
 * VietQR for paying a procedure's fee into the unit's account, or null when the procedure
 * has no fixed fee. Throws RangeError for a bad quantity.
 */
export async function buildPaymentQr(
  procedure: Pick<ProcedureData, 'name' | 'fee'>, account: PaymentAccount, quantity = 1,
): Promise<PaymentQr | null> {
  const quote = quoteFee(procedure.fee, quantity);
  if (!quote) return null;
  const purpose = paymentPurpose(procedure);
  const payload = buildVietQr({ bankBin: account.bankBin, accountNumber: account.accountNumber, amount: quote.amount, purpose });
  const svg = await qrSvg(payload);
  return { payload, amount: quote.amount, quantity: quote.quantity, purpose, svg, account };
}
