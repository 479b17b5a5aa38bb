import { sql, type Kysely } from 'kysely';
import { createUser } from '../../core/auth/accounts.js';
import type { SeedContext } from '../../core/module.js';
import { DEMO_PASSWORD } from '../../core/seed/demo-ward.js';
import { vnYearBounds } from '../../core/providers.js';
import { vnYearOf } from '../../lib/vn-calendar/index.js';
import { demoEvidencePng } from './demo-evidence.js';
import { generatedValues, hashSlug, prng } from './demo-values.js';
import { DEFAULT_RUBRIC } from './rubric/default-rubric.js';
import { MANUAL } from './rubric/manual-indicators.js';
import { elapsedPeriods } from './rubric/rules.js';
import { computeScorecard, type SourceValue } from './scorecard.js';
import { nationalIndexEstimate } from './national-index.js';

const DEMO_MANUAL: [string, number, string, 'approved' | 'pending'][] = [
  [MANUAL.greenParking, 1, 'Sân trước trụ sở có 14 chậu cây, bãi để xe máy miễn phí 60 chỗ có mái che.', 'approved'],
  [MANUAL.comfort, 1, 'Khu chờ 48 ghế, 2 điều hòa, 4 quạt trần, 2 cây nước uống (trong và ngoài Trung tâm), mái che ngoài sân.', 'approved'],
  [MANUAL.namePlates, 1, 'Biển tên, chức danh, số điện thoại tại 6 quầy và bàn lãnh đạo tiếp dân.', 'approved'],
  [MANUAL.equipment, 1, 'Máy photo, máy scan, 2 máy in, 2 máy tính tra cứu thủ tục và dịch vụ công trực tuyến, hỗ trợ VNeID.', 'approved'],
  [MANUAL.wifi, 1, 'Wi-Fi miễn phí "UBND-ChuVanAn-Free" phủ Trung tâm và khu chờ.', 'approved'],
  [MANUAL.cameras, 1, '8 camera giám sát trong và ngoài Trung tâm, lưu hình 30 ngày.', 'approved'],
  [MANUAL.frontSupervision, 1, 'Ủy ban MTTQ phường giám sát việc tiếp dân quý I–III; biên bản kèm theo.', 'approved'],
  [MANUAL.landDisclosure, 1, 'Niêm yết phương án bồi thường dự án đường trục phường tại nhà văn hóa TDP05, TDP06.', 'approved'],
  [MANUAL.publicityForms, 0.5, 'Niêm yết, trang TTĐT, Zalo OA, truyền thanh; chưa tổ chức cung cấp thông tin báo chí.', 'approved'],
  [MANUAL.uniformConduct, 1, 'Kiểm tra đột xuất hằng tháng: 100 % công chức đeo thẻ, mặc đồng phục thứ Hai, thứ Sáu.', 'approved'],
  [MANUAL.innovation, 1, 'Mô hình "Thứ Bảy cùng dân" đề nghị công nhận sáng kiến cấp thành phố.', 'pending'],
];

async function seedDemoManual(db: Kysely<any>, unitId: string, year: number): Promise<void> {
  const png = demoEvidencePng();
  for (const [id, value, statement, status] of DEMO_MANUAL) {
    await sql`insert into scoring_manual_entries (unit_id, year, indicator_id, value, statement, evidence_name, evidence_type, evidence,
        submitted_by, submitted_at, status, reviewed_by, reviewed_at)
      values (${unitId}, ${year}, ${id}, ${value}, ${statement}, ${'minh-chung.png'}, 'image/png', ${png}, 'vanhoa',
        now() - interval '20 days', ${status}, ${status === 'approved' ? 'lanhdao' : null}, ${status === 'approved' ? sql`now() - interval '18 days'` : null})`
      .execute(db);
  }
}

const toSourceValues = (m: Map<string, number>): Map<string, SourceValue> =>
  new Map([...m].map(([id, value]) => [id, { id, value, origin: 'reported' as const }]));

/** Reported figures (two years) for every unit the city has not enabled: the ranking has 114 rows of varied quality. */
async function seedReportedUnits(db: Kysely<any>, year: number): Promise<void> {
  const { rows: units } = await sql<{ id: string; slug: string }>`select id, slug from units
    where type <> 'city' and coalesce((settings->>'enabled')::boolean, true) = false`.execute(db);
  const rows: { unit_id: string; year: number; figures: string }[] = [];
  for (const u of units) {
    const rnd = prng(hashSlug(u.slug));
    const quality = 0.35 + rnd() * 0.65;
    for (const [y, q] of [[year - 1, quality * 0.9], [year, quality]] as const) {
      const figures = Object.fromEntries([...generatedValues(DEFAULT_RUBRIC, q, rnd)].map(([id, value]) => [id, { value }]));
      rows.push({ unit_id: u.id, year: y, figures: JSON.stringify(figures) });
    }
  }
  if (rows.length) await db.insertInto('scoring_reported_values').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

/** The demo ward's previous year, finalised with the default rubric (shows the trend and a frozen year). */
async function seedFinalisedPreviousYear(db: Kysely<any>, unitId: string, year: number): Promise<void> {
  const values = toSourceValues(generatedValues(DEFAULT_RUBRIC, 0.72, prng(2025)));
  const { from, to } = vnYearBounds(year);
  const card = computeScorecard(DEFAULT_RUBRIC, year, values, elapsedPeriods(from, to, to));
  await sql`insert into scoring_assessments (unit_id, year, rubric, scorecard, finalised_at, finalised_by)
    values (${unitId}, ${year}, ${JSON.stringify(DEFAULT_RUBRIC)}::jsonb, ${JSON.stringify({ ...card, national: nationalIndexEstimate(values) })}::jsonb,
      ${new Date(Date.UTC(year + 1, 0, 20, 3))}, 'lanhdao') on conflict do nothing`.execute(db);
}

export async function seedDemo(ctx: SeedContext): Promise<void> {
  const year = vnYearOf(ctx.now);
  await seedDemoManual(ctx.db, ctx.unitId, year);
  await seedFinalisedPreviousYear(ctx.db, ctx.unitId, year - 1);
  await seedReportedUnits(ctx.db, year);
  const city = await sql<{ id: string }>`select id from units where slug = 'hai-phong'`.execute(ctx.db);
  const exists = await sql`select 1 from users where username = 'thanhpho'`.execute(ctx.db);
  if (city.rows.length && !exists.rows.length) {
    await createUser(ctx.db, { unitId: city.rows[0].id, username: 'thanhpho', displayName: 'Phạm Quốc Thành', roles: ['city', 'admin'],
      password: DEMO_PASSWORD, title: 'Chuyên viên Sở Nội vụ' });
  }
}
