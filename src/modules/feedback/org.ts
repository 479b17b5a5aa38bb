/**
 * Residential groups and departments of the unit, from the core's tables. Kept behind these two
 * functions so that a core helper (`listResidentialGroups` in src/core/org.ts) can replace the
 * query without touching the rest of the module.
 */
import { sql } from 'kysely';

export async function listResidentialGroups(trx: any): Promise<Array<{ code: string; name: string }>> {
  const { rows } = await sql<{ code: string; name: string }>`select code, name from residential_groups order by code`.execute(trx);
  return rows;
}

export async function listDepartments(trx: any): Promise<Array<{ code: string; name: string }>> {
  const { rows } = await sql<{ code: string; name: string }>`select code, name from departments order by sort_order, name`.execute(trx);
  return rows;
}
