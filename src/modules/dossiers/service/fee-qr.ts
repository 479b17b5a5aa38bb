import type { Kysely } from 'kysely';
import { provider } from '../../../core/providers.js';
import type { DossierRow } from '../domain/types.js';

/** The fee VietQR shown with a dossier (what the staff page needs of the catalogue's QR). */
export interface DossierFeeQr {
  svg: string;
  amount: number;
  purpose: string;
  channel: 'desk' | 'online';
  account: { accountNumber: string; accountName: string; bankBin: string };
}

/**
 * The fee QR of a dossier, built by the catalogue module (`procedureCatalogue` provider) from the
 * procedure of the receiving unit's catalogue: the online fee for an online dossier (lower for
 * residence procedures), the desk fee otherwise (in person, by post), and the dossier code in the
 * transfer note so the payment can be matched. Null when the procedure has no fixed fee, the unit no
 * account, the catalogue module is not installed, or the dossier is withdrawn or refused.
 */
export async function dossierFeeQr(db: Kysely<any>, d: DossierRow): Promise<DossierFeeQr | null> {
  const catalogue = provider('procedureCatalogue');
  if (!catalogue || !d.procedure_code || d.status === 'withdrawn' || d.status === 'refused') return null;
  const qr = await catalogue.dossierFeeQr(db, d.receiving_unit_id, d.procedure_code, {
    channel: d.channel === 'online' ? 'online' : 'desk', dossierCode: d.code,
  });
  return qr && { svg: qr.svg, amount: qr.amount, purpose: qr.purpose, channel: qr.channel, account: qr.account };
}
