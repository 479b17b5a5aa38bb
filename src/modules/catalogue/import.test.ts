import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { ImportError, parseFee, parseImportFile, parseProcessingTime } from './import-parse.js';
import { diffImport, mergeImported } from './import-diff.js';
import { loadReferenceProcedures, REFERENCE_FILE, referenceToData } from './reference.js';
import type { Procedure } from './types.js';

const CSV = `Mã thủ tục,Tên thủ tục,Lĩnh vực,Thời hạn giải quyết,"Phí, lệ phí",Thành phần hồ sơ,Mức độ DVC
1.001193,Đăng ký khai sinh,Hộ tịch,Trong ngày,Miễn phí,"- Tờ khai
- Giấy chứng sinh",Toàn trình
2.000815,Chứng thực chữ ký,Chứng thực,02 ngày làm việc,10.000 đồng/trường hợp,Giấy tờ cần chứng thực; Giấy tờ tùy thân,Một phần
`;

const asProcedures = (list = loadReferenceProcedures()): Procedure[] =>
  list.map((r, i) => ({ ...referenceToData(r), id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, unitId: 'u', shortCode: `TT${i + 1}`, version: 1, updatedAt: new Date(), updatedBy: null, reviewedAt: null, reviewedBy: null }));

describe('parseProcessingTime / parseFee', () => {
  it.each([
    ['03 ngày làm việc', { value: 3, unit: 'working_day' }],
    ['Trong ngày', { value: 0, unit: 'immediate' }],
    ['30 ngày', { value: 30, unit: 'day' }],
    ['Ngay trong ngày; nếu cần xác minh không quá 05 ngày làm việc', { value: 5, unit: 'working_day' }],
  ])('%s', (text, expected) => expect(parseProcessingTime(text)).toMatchObject(expected));
  it.each([
    ['50.000 đồng/hợp đồng', 50000, 'hợp đồng'],
    ['10.000 đồng', 10000, null],
    ['Miễn phí', 0, null],
    ['Theo Nghị quyết HĐND tỉnh', null, null],
  ])('%s', (text, amount, unit) => expect(parseFee(text)).toMatchObject({ amount, unit }));
});

describe('parseImportFile', () => {
  it('reads the national list as CSV with Vietnamese headings', async () => {
    const rows = await parseImportFile('danh-muc.csv', Buffer.from(CSV));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh', documents: ['Tờ khai', 'Giấy chứng sinh'], onlineLevel: 'toàn trình', needsReview: true });
    expect(rows[1]).toMatchObject({ fee: { amount: 10000, unit: 'trường hợp' }, processing: { value: 2, unit: 'working_day' }, documents: ['Giấy tờ cần chứng thực', 'Giấy tờ tùy thân'] });
  });

  it('reads the same list from XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('TTHC');
    ws.addRow(['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Thành phần hồ sơ']);
    ws.addRow(['2.000815', 'Chứng thực chữ ký', 'Chứng thực', '02 ngày làm việc', '10.000 đồng/trường hợp', 'Giấy tờ tùy thân']);
    const rows = await parseImportFile('x.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([expect.objectContaining({ code: '2.000815', name: 'Chứng thực chữ ký', fee: expect.objectContaining({ amount: 10000 }) })]);
  });

  it('reads our own JSON reference format', async () => {
    const rows = await parseImportFile('procedures.json', readFileSync(REFERENCE_FILE));
    expect(rows).toHaveLength(59);
    expect(rows.every((r) => r.needsReview)).toBe(true);
  });

  it('refuses unknown types and broken files with a Vietnamese message', async () => {
    await expect(parseImportFile('a.pdf', Buffer.from('x'))).rejects.toThrow(ImportError);
    await expect(parseImportFile('a.json', Buffer.from('{'))).rejects.toThrow(/JSON/);
    await expect(parseImportFile('a.xlsx', Buffer.from('not a zip'))).rejects.toThrow(/Excel/);
    await expect(parseImportFile('a.csv', Buffer.from('Tên thủ tục\nx\n'))).rejects.toThrow(/tên/);
  });
});

describe('diffImport', () => {
  it('finds nothing to do when the reference is re-imported unchanged', () => {
    const current = asProcedures();
    const diff = diffImport(current, loadReferenceProcedures().map(referenceToData));
    expect(diff).toMatchObject({ added: [], changed: [], removed: [], unchanged: 59 });
  });

  it('reports added, changed and removed procedures', () => {
    const ref = loadReferenceProcedures();
    const current = asProcedures(ref.slice(0, 3));
    const incoming = [referenceToData(ref[0]), { ...referenceToData(ref[1]), processing: { value: 9, unit: 'working_day' as const, note: null } }, referenceToData(ref[5])];
    const diff = diffImport(current, incoming);
    expect(diff.added.map((a) => a.name)).toEqual([ref[5].name]);
    expect(diff.changed).toEqual([expect.objectContaining({ name: ref[1].name, fields: ['processing'] })]);
    expect(diff.changed[0].changes).toEqual([{ field: 'processing', before: current[1].processing, after: { value: 9, unit: 'working_day', note: null } }]);
    expect(diff.removed.map((r) => r.name)).toEqual([ref[2].name]);
    expect(diff.unchanged).toBe(1);
  });

  it('matches by national code before the name', () => {
    const current = asProcedures(loadReferenceProcedures().slice(0, 1)).map((p) => ({ ...p, code: '1.001193' }));
    const incoming = [{ ...current[0], name: 'Đăng ký khai sinh (tên mới)' }];
    expect(diffImport(current, incoming).changed[0].fields).toEqual(['name']);
  });

  it('does not report a fee change when the file only omits the tiers of an unchanged fee', () => {
    const current = asProcedures(loadReferenceProcedures().filter((p) => p.id === 'chungthuc-bansao'));
    const incoming = [{ ...current[0], fee: { ...current[0].fee, tiers: null } }];
    expect(diffImport(current, incoming)).toMatchObject({ changed: [], unchanged: 1 });
    const raised = [{ ...current[0], fee: { ...current[0].fee, amount: 3000, tiers: null } }];
    expect(diffImport(current, raised).changed[0].changes).toEqual([{ field: 'fee', before: current[0].fee, after: { ...current[0].fee, amount: 3000, tiers: null } }]);
  });

  it('never erases stored papers, steps, legal basis or names with an empty cell or a missing column', () => {
    const [existing] = asProcedures(loadReferenceProcedures().filter((p) => p.id === 'hotich-khaisinh'));
    const sparse = { ...existing, code: '1.001193', nameEn: null, steps: [], legalBasis: [], onlineLevel: null, documents: ['Tờ khai'] };
    const merged = mergeImported(existing, sparse);
    expect(merged).toMatchObject({ code: '1.001193', nameEn: existing.nameEn, steps: existing.steps, legalBasis: existing.legalBasis, onlineLevel: existing.onlineLevel, documents: ['Tờ khai'] });
    expect(diffImport([existing], [sparse]).changed[0].fields).toEqual(['code', 'documents']);
  });

  it('keeps the unit’s counter, slug and publication when merging', () => {
    const [existing] = asProcedures(loadReferenceProcedures().slice(0, 1)).map((p) => ({ ...p, counter: 'Quầy 1', published: false }));
    const merged = mergeImported(existing, { ...existing, counter: null, published: true, slug: 'khac', name: 'Tên mới' });
    expect(merged).toMatchObject({ counter: 'Quầy 1', published: false, slug: existing.slug, name: 'Tên mới', needsReview: true });
  });
});
