import { cccdHmac, encryptCccd, type CccdKeys } from './cccd-crypto.js';
import { validateSheet, type ImportRow } from './import.js';
import * as repo from './repo.js';
import type { Sheet } from '../../../lib/tabular/index.js';
import type { Trx } from '../context.js';
import { listResidentialGroups } from '../../../core/org.js';

/** A previewed row as stored in the batch: the CCCD number is already encrypted. */
export interface BatchRow extends Omit<ImportRow, 'household'> {
  household: (Omit<NonNullable<ImportRow['household']>, 'headCccd'> & { cccdEnc: string | null; cccdHmac: string | null }) | null;
}
export interface Batch { id: string; filename: string; rows: BatchRow[]; applied_at: Date | null }

/** Validates the sheet against the stored households and keeps the preview as a batch. */
export async function previewImport(trx: Trx, unitId: string, keys: CccdKeys, sheet: Sheet, filename: string, userId: string | null) {
  const { rows, missing } = validateSheet(sheet, {
    groups: await listResidentialGroups(trx), existingKeys: await repo.allKeys(trx), existingCccd: await repo.allCccdHmacs(trx),
    cccdHmac: (n) => cccdHmac(keys, n),
  });
  if (missing.length) return { missing };
  const stored: BatchRow[] = rows.map((r) => {
    if (!r.household) return { ...r, household: null };
    const { headCccd, ...h } = r.household;
    return { ...r, household: { ...h, cccdEnc: headCccd ? encryptCccd(keys, headCccd) : null,
      cccdHmac: headCccd ? cccdHmac(keys, headCccd) : null } };
  });
  const { id } = await trx.insertInto('community_import_batches')
    .values({ unit_id: unitId, filename, rows: JSON.stringify(stored), created_by: userId }).returning('id').executeTakeFirstOrThrow();
  return { id: id as string };
}

export const getBatch = (trx: Trx, id: string) =>
  trx.selectFrom('community_import_batches').select(['id', 'filename', 'rows', 'applied_at']).where('id', '=',
    id).executeTakeFirst() as Promise<Batch | undefined>;

/** The batch, locked until the transaction ends (two staff applying it at once apply it once). */
export const lockBatch = (trx: Trx, id: string) =>
  trx.selectFrom('community_import_batches').select(['id', 'filename', 'rows', 'applied_at'])
    .where('id', '=', id).forUpdate().executeTakeFirstOrThrow();

/**
 * Stores the batch's new rows. Households added since the preview (same key or CCCD) are
 * skipped, not duplicated: the unique keys of the tables decide.
 */
export async function applyImport(trx: Trx, unitId: string, batch: Batch): Promise<{ added: number; skipped: number }> {
  let added = 0;
  let skipped = 0;
  const keys = await repo.allKeys(trx);
  const macs = await repo.allCccdHmacs(trx);
  for (const r of batch.rows) {
    if (r.status !== 'new' || !r.household || !r.dedupeKey) continue;
    const h = r.household;
    if (keys.has(r.dedupeKey) || (h.cccdHmac && macs.has(h.cccdHmac))) { skipped++; continue; }
    await repo.insertHousehold(trx, unitId, { group_id: h.groupId, head_name: h.headName, address: h.address, phone: h.phone,
      dedupe_key: r.dedupeKey }, [
      { full_name: h.headName, is_head: true, cccd_enc: h.cccdEnc, cccd_hmac: h.cccdHmac },
      ...h.members.filter((m) => m !== h.headName).map((full_name) => ({ full_name, is_head: false })),
    ]);
    keys.add(r.dedupeKey);
    if (h.cccdHmac) macs.add(h.cccdHmac);
    added++;
  }
  await trx.updateTable('community_import_batches').set({ applied_at: new Date() }).where('id', '=', batch.id).execute();
  return { added, skipped };
}
