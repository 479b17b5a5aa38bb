import type { Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { findProcedureRow, listProcedureRows, unitSettingsRow } from './repo.js';
import { browseProcedures, listFieldCounts, listSummaries, searchProcedures, type SearchHit, type SearchOptions, type SearchResult } from './search-repo.js';
import { sortVi } from '../../lib/vn-text/index.js';
import { accountFromUnitSettings, buildPaymentQr, type PaymentQr } from './payment.js';
import { hasFixedFee } from './fees.js';
import type { Attachment, FeeChannel, PaymentAccount, Procedure } from './types.js';

/**
 * A published procedure of the unit by uuid, slug or reference id; null when absent or unpublished.
 * Other modules (dossiers, queue) use it for names, processing time and fee.
 */
export async function findProcedure(db: Kysely<any>, unitId: string, idOrSlug: string): Promise<Procedure | null> {
  const p = await withUnit(db, unitId, (trx) => findProcedureRow(trx, unitId, idOrSlug));
  return p && p.published ? p : null;
}

/** Every published procedure of the unit, by field then name in Vietnamese order. */
export async function listProcedures(db: Kysely<any>, unitId: string): Promise<Procedure[]> {
  const rows = await withUnit(db, unitId, (trx) => listProcedureRows(trx, unitId, { publishedOnly: true }));
  return sortVi(rows, (p) => p.field, (p) => p.name);
}

/** Fields of the published catalogue in Vietnamese order, with their number of procedures. */
export async function catalogueFields(db: Kysely<any>, unitId: string): Promise<{ field: string; n: number }[]> {
  return sortVi(await withUnit(db, unitId, (trx) => listFieldCounts(trx, unitId)), (f) => f.field);
}

export interface SummaryGroup { field: string; procedures: SearchHit[] }

/** The catalogue index: the published procedures (name, time, fee) by field, in Vietnamese order. */
export async function catalogueIndex(db: Kysely<any>, unitId: string, field?: string): Promise<SummaryGroup[]> {
  const rows = sortVi(await withUnit(db, unitId, (trx) => listSummaries(trx, unitId, field)), (p) => p.field, (p) => p.name);
  const groups: SummaryGroup[] = [];
  for (const p of rows) {
    if (groups.at(-1)?.field !== p.field) groups.push({ field: p.field, procedures: [] });
    groups.at(-1)!.procedures.push(p);
  }
  return groups;
}

/** Ranked search, or browsing by field when the query is empty. */
export function searchCatalogue(db: Kysely<any>, unitId: string, query: string, options: SearchOptions): Promise<SearchResult> {
  const q = query.trim();
  return withUnit(db, unitId, (trx) => (q ? searchProcedures(trx, unitId, q, options) : browseProcedures(trx, unitId, options)));
}

export interface FieldGroup { field: string; procedures: Procedure[] }

export function groupByField(procedures: Procedure[]): FieldGroup[] {
  const groups = new Map<string, Procedure[]>();
  for (const p of procedures) (groups.get(p.field) ?? groups.set(p.field, []).get(p.field)!).push(p);
  return sortVi([...groups].map(([field, list]) => ({ field, procedures: sortVi(list, (p) => p.name) })), (g) => g.field);
}

/** The unit's fee account: core unit settings first, then this module's own settings table. */
export async function paymentAccountFor(db: Kysely<any>, unit: { id: string; settings?: unknown }): Promise<PaymentAccount | null> {
  const fromCore = accountFromUnitSettings(unit.settings);
  if (fromCore) return fromCore;
  const row = await withUnit(db, unit.id, (trx) =>
    trx.selectFrom('catalogue_settings').select(['bank_bin', 'account_number', 'account_name']).where('unit_id', '=', unit.id).executeTakeFirst(),
  );
  return row ? { bankBin: row.bank_bin, accountNumber: row.account_number, accountName: row.account_name } : null;
}

export async function listAttachments(db: Kysely<any>, unitId: string, procedureId: string): Promise<Attachment[]> {
  const rows = await withUnit(db, unitId, (trx) =>
    trx.selectFrom('catalogue_attachments')
      .select(['id', 'procedure_id', 'title', 'filename', 'mime_type', 'size_bytes', 'created_at'])
      .where('unit_id', '=', unitId).where('procedure_id', '=', procedureId).orderBy('created_at').execute(),
  );
  return rows.map((r: any) => ({
    id: r.id, procedureId: r.procedure_id, title: r.title, filename: r.filename,
    mimeType: r.mime_type, sizeBytes: r.size_bytes, createdAt: r.created_at,
  }));
}

export async function readAttachment(db: Kysely<any>, unitId: string, procedureId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return withUnit(db, unitId, (trx) =>
    trx.selectFrom('catalogue_attachments').select(['filename', 'mime_type', 'content'])
      .where('unit_id', '=', unitId).where('procedure_id', '=', procedureId).where('id', '=', id).executeTakeFirst(),
  );
}

/**
 * The fee VietQR of one of the unit's procedures for a dossier: the fee of the dossier's channel,
 * the dossier code in the transfer note. Null when the procedure is unknown, has no fixed fee or
 * the unit has no collection account.
 */
export async function dossierFeeQr(
  db: Kysely<any>, unitId: string, procedureKey: string, options: { channel: FeeChannel; dossierCode: string },
): Promise<PaymentQr | null> {
  const procedure = await findProcedure(db, unitId, procedureKey);
  if (!procedure || !hasFixedFee(procedure.fee)) return null;
  const account = await paymentAccountFor(db, await unitSettingsRow(db, unitId));
  return account ? buildPaymentQr(procedure, account, 1, new Date(), options) : null;
}
