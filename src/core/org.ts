import { sql, type Kysely, type Transaction } from 'kysely';

export interface Department { id: string; code: string; name: string; name_en: string | null }
export interface ResidentialGroup { id: string; code: string; name: string; head_name: string | null; head_phone: string | null; households: number | null }
export interface StaffMember { id: string; username: string; display_name: string; title: string | null; department_id: string | null; roles: string[] }

type Db = Kysely<any> | Transaction<any>;

/** Departments of the unit of the current withUnit transaction, in display order. */
export function listDepartments(trx: Db): Promise<Department[]> {
  return trx.selectFrom('departments').select(['id', 'code', 'name', 'name_en']).orderBy('sort_order').orderBy('name').execute();
}

/** Residential groups (tổ dân phố) of the unit of the current withUnit transaction. */
export function listResidentialGroups(trx: Db): Promise<ResidentialGroup[]> {
  return trx.selectFrom('residential_groups').select(['id', 'code', 'name', 'head_name', 'head_phone', 'households']).orderBy('code').execute();
}

/** Staff accounts of a unit with their roles (for assignment lists). Platform table: pass the unit id. */
export async function listStaff(db: Db, unitId: string): Promise<StaffMember[]> {
  const { rows } = await sql<StaffMember>`select u.id, u.username, u.display_name, u.title, u.department_id,
      coalesce(array_agg(r.role order by r.role) filter (where r.role is not null), '{}') as roles
    from users u left join user_roles r on r.user_id = u.id and r.unit_id = u.unit_id
    where u.unit_id = ${unitId} and not u.disabled group by u.id order by u.display_name`.execute(db);
  return rows;
}
