import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createEmptyUnit } from '../../../test/helpers/units.js';
import { vnYearBounds } from '../../core/providers.js';
import { catalogueIndicatorSource } from './indicator-source.js';
import { insertProcedureRow } from './repo.js';
import type { ProcedureData } from './types.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const procedure = (slug: string, over: Partial<ProcedureData> = {}): ProcedureData => ({
  referenceId: null, code: null, slug, name: `Thủ tục ${slug}`, nameEn: null, field: 'Hộ tịch',
  processing: { value: 3, unit: 'working_day', note: null }, fee: { amount: 8000, unit: null, tiers: null, note: null },
  documents: ['Tờ khai'], steps: ['Nộp hồ sơ', 'Nhận kết quả'], legalBasis: [], keywords: [], sources: [],
  onlineLevel: null, counter: null, published: true, needsReview: false, reviewNote: null, ...over,
});

describe('catalogue indicators', () => {
  it('counts published procedures with fee, time, papers and steps, and the fee account', async () => {
    const unitId = await createEmptyUnit(t.db, 'chi-so-thu-tuc');
    const ctx = { db: t.appDb, unitId, year: 2026, ...vnYearBounds(2026), now: new Date('2026-06-01T00:00:00Z') };
    expect((await catalogueIndicatorSource.compute(ctx)).map((v) => v.value)).toEqual([null, 0]);

    const rows: ProcedureData[] = [
      procedure('day-du'),
      procedure('theo-quy-dinh', { fee: { amount: null, unit: null, tiers: null, note: 'Theo Thông tư 85/2019/TT-BTC' } }),
      procedure('ngay', { processing: { value: 0, unit: 'immediate', note: null }, fee: { amount: 0, unit: null, tiers: null, note: null } }),
      procedure('thieu-trinh-tu', { steps: [] }),
      procedure('thieu-phi', { fee: { amount: null, unit: null, tiers: null, note: null } }),
      procedure('an', { published: false, steps: [] }),
    ];
    for (const p of rows) await insertProcedureRow(t.db, unitId, p, null, null);
    await sql`update units set settings = ${JSON.stringify({ payment: { bankBin: '970405', accountNumber: '123456', accountName: 'UBND' } })}::jsonb
      where id = ${unitId}`.execute(t.db);

    const values = await catalogueIndicatorSource.compute(ctx);
    expect(values).toEqual([
      { id: 'catalogue.procedures_complete', value: 60, numerator: 3, denominator: 5, drillDown: 'thu-tuc' },
      { id: 'catalogue.fee_qr_enabled', value: 1, drillDown: 'thu-tuc/cai-dat' },
    ]);
  });
});
