/**
 * Residential groups and departments of the unit (core, src/core/org.ts), for the current
 * withUnit transaction.
 */
import { listDepartments as coreDepartments, listResidentialGroups as coreGroups } from '../../core/org.js';

export async function listResidentialGroups(trx: any): Promise<Array<{ code: string; name: string }>> {
  return (await coreGroups(trx)).map((g) => ({ code: g.code, name: g.name }));
}

export async function listDepartments(trx: any): Promise<Array<{ code: string; name: string }>> {
  return (await coreDepartments(trx)).map((d) => ({ code: d.code, name: d.name }));
}
