/** Reads of the platform's `units` table used by the portal and the staff root. */
import { sql, type Kysely } from 'kysely';
import type { UnitInfo } from './types.js';

/** Every commune-level unit (the city itself is not listed), by type then name. */
export async function listCommuneUnits(db: Kysely<any>): Promise<UnitInfo[]> {
  const { rows } = await sql<UnitInfo>`select slug, name, type from units where type <> 'city' order by type, name`.execute(db);
  return rows;
}

export async function slugOfUnit(db: Kysely<any>, unitId: string): Promise<string | undefined> {
  const { rows } = await sql<{ slug: string }>`select slug from units where id = ${unitId}`.execute(db);
  return rows[0]?.slug;
}
