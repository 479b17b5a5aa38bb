import { sql, type Kysely } from 'kysely';
import { createUser } from '../auth/accounts.js';
import type { Role } from '../module.js';

export const DEMO_SLUG = 'chu-van-an';
/** Printed at start-up for the demo ward only; THANTHIEN_DEMO=0 creates no demo accounts. */
export const DEMO_PASSWORD = 'ThanThien2026';

const DEPARTMENTS: [string, string, string][] = [
  ['VP', 'Văn phòng HĐND và UBND phường', 'Office of the People\'s Council and Committee'],
  ['KT', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Economy, Infrastructure and Urban Department'],
  ['VHXH', 'Phòng Văn hóa - Xã hội', 'Culture and Society Department'],
  ['TTPVHCC', 'Trung tâm Phục vụ hành chính công', 'Public Administration Service Centre'],
  ['DVSNC', 'Trung tâm Dịch vụ sự nghiệp công', 'Public Services Centre'],
];

const DEMO_STAFF: [string, string, Role, string, string][] = [
  ['lanhdao', 'Trần Minh Đức', 'leader', 'VP', 'Phó Chủ tịch UBND phường'],
  ['motcua', 'Phạm Thu Trang', 'centre_officer', 'TTPVHCC', 'Công chức Trung tâm PVHCC'],
  ['vanhoa', 'Lê Thị Hồng Nhung', 'department_officer', 'VHXH', 'Chuyên viên Phòng Văn hóa - Xã hội'],
  ['mattran', 'Vũ Văn Khải', 'mass_org_liaison', 'VP', 'Cán bộ Ủy ban MTTQ phường'],
  ['thanhtra', 'Đỗ Ngọc Lan', 'inspection', 'VP', 'Ban Thanh tra nhân dân'],
  ['xem', 'Hoàng Anh Tuấn', 'viewer', 'VHXH', 'Cán bộ theo dõi'],
];

/** Contacts, departments, residential groups and demo staff of the demo ward. Idempotent. */
export async function seedDemoWardCore(owner: Kysely<any>, unitId: string, withDemoAccounts: boolean): Promise<void> {
  await sql`update units set is_demo = true, hotline = coalesce(hotline, '0220 3882 115'), phone = coalesce(phone, '0220 3882 116'),
    email = coalesce(email, 'ubnd.chuvanan@haiphong.gov.vn'), website = coalesce(website, 'https://chuvanan.haiphong.gov.vn'),
    settings = settings || ${JSON.stringify({ payment: { bankBin: '970415', bankName: 'VietinBank', accountNumber: '113000012345', accountName: 'UBND PHUONG CHU VAN AN' } })}::jsonb
    where id = ${unitId}`.execute(owner);
  const deptIds: Record<string, string> = {};
  for (const [i, [code, name, nameEn]] of DEPARTMENTS.entries()) {
    const { rows } = await sql<{ id: string }>`insert into departments (unit_id, code, name, name_en, sort_order) values (${unitId}, ${code}, ${name}, ${nameEn}, ${i})
      on conflict (unit_id, code) do update set name = excluded.name returning id`.execute(owner);
    deptIds[code] = rows[0].id;
  }
  const heads = ['Nguyễn Văn Hải', 'Trần Thị Mai', 'Lê Văn Bình', 'Phạm Thị Lụa', 'Hoàng Văn Toàn', 'Đinh Thị Hạnh', 'Bùi Văn Nam', 'Ngô Thị Thu'];
  for (let i = 1; i <= 24; i++) {
    const name = i <= 12 ? `Tổ dân phố Sao Đỏ ${i}` : `Tổ dân phố Văn An ${i - 12}`;
    await sql`insert into residential_groups (unit_id, code, name, head_name, head_phone, households)
      values (${unitId}, ${'TDP' + String(i).padStart(2, '0')}, ${name}, ${heads[i % heads.length]}, ${`0912 000 ${String(100 + i)}`}, ${180 + ((i * 37) % 140)})
      on conflict (unit_id, code) do nothing`.execute(owner);
  }
  if (!withDemoAccounts) return;
  for (const [username, displayName, role, dept, title] of DEMO_STAFF) {
    const { rows } = await sql`select 1 from users where username = ${username}`.execute(owner);
    if (rows.length) continue;
    await createUser(owner, { unitId, username, displayName, roles: [role], password: DEMO_PASSWORD, title, departmentId: deptIds[dept] });
  }
}
