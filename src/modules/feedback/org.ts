/**
 * Residential groups, departments and staff of the unit (core, src/core/org.ts), for the current
 * withUnit transaction.
 */
import { listDepartments as coreDepartments, listResidentialGroups as coreGroups, listStaff as coreStaff } from '../../core/org.js';

export async function listResidentialGroups(trx: any): Promise<Array<{ code: string; name: string }>> {
  return (await coreGroups(trx)).map((g) => ({ code: g.code, name: g.name }));
}

export async function listDepartments(trx: any): Promise<Array<{ code: string; name: string }>> {
  return (await coreDepartments(trx)).map((d) => ({ code: d.code, name: d.name }));
}

export interface UnitStaffMember { id: string; name: string; title: string | null; roles: string[]; department: string | null }

/**
 * Active staff of the unit (accounts not disabled, holding at least one role in the unit), with
 * the name of their department: the choices for the assignee and the official concerned.
 */
export async function listUnitStaff(trx: any, unitId: string): Promise<UnitStaffMember[]> {
  const staff = await coreStaff(trx, unitId);
  const departments = await coreDepartments(trx);
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  return staff.filter((s) => s.roles.length > 0).map((s) => ({
    id: s.id, name: s.display_name, title: s.title, roles: s.roles,
    department: s.department_id ? deptName.get(s.department_id) ?? null : null,
  }));
}

/** True when `userId` is an active staff member of the unit. */
export async function isUnitStaff(trx: any, unitId: string, userId: string): Promise<boolean> {
  return (await listUnitStaff(trx, unitId)).some((s) => s.id === userId);
}
