import type { Transaction } from 'kysely';

export type Grouping = 'party' | 'council' | 'committee' | 'department';
export const GROUPINGS: Grouping[] = ['party', 'council', 'committee', 'department'];

export interface DirectoryEntry {
  id: string;
  unit_id: string;
  grouping: Grouping;
  department: string | null;
  full_name: string;
  title: string;
  duties: string;
  phone: string | null;
  email: string | null;
  sort_order: number;
  updated_at: Date;
}

export type DirectoryInput = Omit<DirectoryEntry, 'id' | 'unit_id' | 'updated_at'>;
type Trx = Transaction<any>;

/** Entries of the unit in display order: party, council, committee, then departments by name. */
export function listDirectory(trx: Trx): Promise<DirectoryEntry[]> {
  return trx.selectFrom('directory_entries').selectAll()
    .orderBy((eb) => eb.fn('array_position', [eb.val(GROUPINGS), eb.ref('grouping')]))
    .orderBy('department').orderBy('sort_order').orderBy('full_name')
    .execute() as Promise<DirectoryEntry[]>;
}

export function getDirectoryEntry(trx: Trx, id: string): Promise<DirectoryEntry | undefined> {
  return trx.selectFrom('directory_entries').selectAll().where('id', '=', id).executeTakeFirst() as Promise<DirectoryEntry | undefined>;
}

export function insertDirectoryEntry(trx: Trx, unitId: string, input: DirectoryInput): Promise<DirectoryEntry> {
  return trx.insertInto('directory_entries').values({ ...input, unit_id: unitId })
    .returningAll().executeTakeFirstOrThrow() as Promise<DirectoryEntry>;
}

export function updateDirectoryEntry(trx: Trx, id: string, input: DirectoryInput): Promise<DirectoryEntry | undefined> {
  return trx.updateTable('directory_entries').set({ ...input, updated_at: new Date() })
    .where('id', '=', id).returningAll().executeTakeFirst() as Promise<DirectoryEntry | undefined>;
}

export async function deleteDirectoryEntry(trx: Trx, id: string): Promise<boolean> {
  const r = await trx.deleteFrom('directory_entries').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The unit's published hotline (kept on the core's units table), or null. */
export async function unitHotline(trx: Trx, unitId: string): Promise<string | null> {
  const row = await trx.selectFrom('units').select('hotline').where('id', '=', unitId).executeTakeFirst();
  return (row?.hotline as string | null | undefined)?.trim() || null;
}
