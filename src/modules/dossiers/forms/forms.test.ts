import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { DossierRow } from '../domain/types.js';
import { docxMedia, docxText, pdfCheck, pdfQr, readQr } from './file-checks.js';
import { FORM_NAMES, formPrecondition, renderForm, type FormContext } from './index.js';

const dossier: DossierRow = {
  id: 'd1', unit_id: 'u1', receiving_unit_id: 'u1', code: '000.00.00.H31-260305-0007', procedure_code: null,
  procedure_name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực', working_days: 2,
  limit_kind: 'working_days', procedure_cutoff: null, due_at: new Date('2026-03-09T10:00:00Z'), due_confidence: 'official',
  applicant_name: 'Nguyễn Thị Hoa', applicant_phone: '0912 000 123', applicant_email: null, applicant_address: 'Tổ dân phố 3, phường Chu Văn An',
  channel: 'in_person', status: 'processing', received_at: new Date('2026-03-05T02:15:00Z'), accepted_at: new Date('2026-03-05T02:15:00Z'),
  due_date: '2026-03-09', result_at: null, returned_at: null, officer_id: null, officer_name: 'Trần Văn Minh',
  missing_papers: 'Bản chính giấy khai sinh\nẢnh 4x6', refusal_reason: 'Giấy tờ không thuộc thẩm quyền chứng thực', home_service: false, fast_track: false,
  apologies: 1, late_apologies: 0, apology_due_date: '2026-03-12', source: 'counter', warned_on: null, external_code: null, papers: [], updated_at: new Date(),
};

const ctx: FormContext = {
  unitName: 'Phường Chu Văn An', decidingUnitName: 'Phường Chu Văn An', dossier, now: new Date('2026-03-06T03:00:00Z'),
  events: [
    { id: 'e1', dossier_id: 'd1', at: new Date('2026-03-05T02:15:00Z'), action: 'receive', from_status: null, to_status: 'received', officer_name: 'Trần Văn Minh', note: null },
    { id: 'e2', dossier_id: 'd1', at: new Date('2026-03-05T08:00:00Z'), action: 'start_processing', from_status: 'received', to_status: 'processing', officer_name: 'Lê Thị Lan', note: null },
    { id: 'e3', dossier_id: 'd1', at: new Date('2026-03-05T09:00:00Z'), action: 'request_supplement', from_status: 'processing', to_status: 'supplement_requested', officer_name: 'Lê Thị Lan', note: null },
    { id: 'e4', dossier_id: 'd1', at: new Date('2026-03-06T02:00:00Z'), action: 'refuse', from_status: 'processing', to_status: 'refused', officer_name: 'Lê Thị Lan', note: null },
  ],
  formNumber: 7, counter: 'Quầy số 1',
  pauses: [],
  apologies: [{ id: 'a1', dossier_id: 'd1', number: 1, reason: 'Chờ xác minh thông tin từ cơ quan cấp bản chính', new_due_date: '2026-03-12', leader_name: 'Phạm Văn Hùng', leader_title: 'Chủ tịch', issued_at: new Date('2026-03-06T03:00:00Z'), late: false, sent_channel: 'desk', sent_to: null, send_status: 'paper', sent_at: null, sent_by: null }],
  settings: { unit_id: 'u1', agency_code: '000.00.00.H31', collect_place: 'Quầy số 2, Trung tâm PVHCC phường Chu Văn An', fast_track_weekday: null, fast_track_procedures: [], leader_name: 'Phạm Văn Hùng', leader_title: 'CHỦ TỊCH' },
};

const expected: Record<'01' | '02' | '03' | '04' | '06', string[]> = {
  '01': ['NGƯỜI TIẾP NHẬN HỒ SƠ', '17 giờ 00 phút, ngày 09/03/2026', 'Quầy số 1', 'Số: 07/TNHS', 'Số lượng hồ sơ', '01 (một) bộ',
    'Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026, Số thứ tự: 07.', '09 giờ 15 phút, ngày 05/03/2026', '2 ngày làm việc'],
  '02': ['Bản chính giấy khai sinh', 'Ảnh 4x6', 'Vào lúc 09 giờ 15 phút, ngày 05/03/2026', 'Số: 07/BSHS'],
  '03': ['Giấy tờ không thuộc thẩm quyền chứng thực', 'Số: 07/TCHS'],
  '04': ['Chờ xác minh thông tin', '12/03/2026', 'Phạm Văn Hùng', 'TM. ỦY BAN NHÂN DÂN', 'Kính gửi: Ông/Bà Nguyễn Thị Hoa',
    'Vào lúc 09 giờ 15 phút, ngày 05/03/2026', 'Thời gian hẹn trả kết quả: ngày 09/03/2026', 'Số: 07/XL'],
  '06': ['Người giao', 'Chuyển xử lý', 'Lê Thị Lan', 'Trước hạn', 'Cơ quan phối hợp giải quyết', 'Số: 07/KSHS'],
};

describe('one-stop forms', () => {
  for (const [n, texts] of Object.entries(expected) as Array<[keyof typeof expected, string[]]>) {
    test(`Mẫu ${n} as DOCX opens with a standard parser`, async () => {
      const text = await docxText(await renderForm(n, 'docx', ctx));
      for (const t of [FORM_NAMES[n].toUpperCase(), '000.00.00.H31-260305-0007', 'Độc lập - Tự do - Hạnh phúc', ...texts]) expect(text).toContain(t);
      // No placeholder ever reaches a form, and no sentence opens "Ngày 14 giờ".
      expect(text).not.toMatch(/…|\(Chưa|\(chưa lập|Ngày \d{2} giờ/);
      expect(text).toContain(`Số: 07/`);
    });
    test(`Mẫu ${n} as PDF renders with its text`, async () => {
      const { text, inked } = await pdfCheck(await renderForm(n, 'pdf', ctx));
      expect(inked).toBe(true);
      // Dated on the day the form speaks of: receipt (01, 02: supplement asked 05/03), refusal (03), apology (04), now (06).
      const day = n === '01' || n === '02' ? '05 tháng 3' : '06 tháng 3';
      expect(text).toContain(`Phường Chu Văn An, ngày ${day} năm 2026`);
      expect(text.replace(/\s+/g, ' ')).toContain(texts[0]);
    });
  }
  test('Mẫu 01 carries the look-up link as a QR code: a PNG in the DOCX, a vector code in the PDF', async () => {
    const url = 'https://thanthien.example/chu-van-an/tra-cuu-ho-so?ma=000.00.00.H31-260305-0007';
    const withLink = { ...ctx, lookupUrl: url };
    const media = await docxMedia(await renderForm('01', 'docx', withLink));
    const pngs = [...media].filter(([name]) => /^word\/media\/[^/]+\.png$/.test(name));
    expect(pngs).toHaveLength(1);
    expect(await readQr(pngs[0][1])).toBe(url);
    const pdf = await renderForm('01', 'pdf', withLink);
    const { text, inked } = await pdfCheck(pdf);
    expect(inked).toBe(true);
    expect(text).toContain('Quét mã QR để tra cứu');
    expect(await pdfQr(pdf)).toBe(url);
    // No public address known: no QR, the code stays printed as text.
    expect((await docxMedia(await renderForm('01', 'docx', ctx))).size).toBe(0);
  });
  test('Mẫu 04 signed by a deputy: TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH, name — under the People\'s Committee header', async () => {
    const deputy = { ...ctx, apologies: [{ ...ctx.apologies[0], leader_name: 'Trần Minh Đức', leader_title: 'Phó Chủ tịch UBND phường' }] };
    const order = ['ỦY BAN NHÂN DÂN PHƯỜNG CHU VĂN AN', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Minh Đức'];
    const docx = (await docxText(await renderForm('04', 'docx', deputy))).split('|');
    const at = order.map((s) => docx.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(docx).not.toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG'); // the body that signs is the one in the header
    // pdftotext -layout puts "Nơi nhận" and the signature on the same lines: read the right column.
    const pdfLines = (await pdfCheck(await renderForm('04', 'pdf', deputy))).text.split('\n');
    const first = pdfLines.findIndex((l) => l.includes('TM. ỦY BAN NHÂN DÂN'));
    const col = pdfLines[first].indexOf('TM. ỦY BAN NHÂN DÂN') - 8;
    const right = pdfLines.slice(first).map((l) => l.slice(col).trim()).filter(Boolean);
    expect(right.slice(0, 4)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Minh Đức']);
    // The chair: no KT. line.
    const chair = (await docxText(await renderForm('04', 'docx', ctx))).split('|');
    expect(chair).toContain('CHỦ TỊCH');
    expect(chair).not.toContain('KT. CHỦ TỊCH');
  });
  test('Mẫu 01 says when the due date depends on a holiday year not yet official', async () => {
    const computed = { ...ctx, dossier: { ...dossier, due_date: '2027-01-04', due_at: new Date('2027-01-04T10:00:00Z'), due_confidence: 'computed' as const } };
    const text = await docxText(await renderForm('01', 'docx', computed));
    expect(text).toContain('17 giờ 00 phút, ngày 04/01/2027 (lịch nghỉ lễ năm này chưa có thông báo chính thức');
    expect(await docxText(await renderForm('01', 'docx', { ...ctx, dossier: { ...dossier, working_days: 30, limit_kind: 'calendar_days' as const } })))
      .toContain('30 ngày');
  });
  test('Mẫu 02, 03 and 04 are refused without what they state (formPrecondition)', () => {
    expect(formPrecondition({ ...ctx, events: ctx.events.slice(0, 2) }, '02')).toContain('Mẫu 02');
    expect(formPrecondition({ ...ctx, events: ctx.events.slice(0, 3) }, '03')).toContain('Mẫu 03');
    expect(formPrecondition({ ...ctx, apologies: [] }, '04')).toContain('Mẫu 04');
    for (const n of ['01', '02', '03', '04', '06'] as const) expect(formPrecondition(ctx, n)).toBeNull();
  });
  test('Mẫu 01 lists the papers received and the processing period when known', async () => {
    const withPapers = { ...ctx, dossier: { ...dossier, papers: ['Tờ khai đề nghị chứng thực', 'Bản chính giấy khai sinh'] } };
    const text = await docxText(await renderForm('01', 'docx', withPapers));
    for (const s of ['Thành phần hồ sơ đã nhận gồm:', 'STT', 'Tên giấy tờ', 'Tờ khai đề nghị chứng thực', 'Bản chính giấy khai sinh',
      'Thời gian giải quyết hồ sơ theo quy định:', '2 ngày làm việc']) expect(text).toContain(s);
    const pdf = (await pdfCheck(await renderForm('01', 'pdf', withPapers))).text.replace(/\s+/g, ' ');
    expect(pdf).toContain('Thời gian giải quyết hồ sơ theo quy định: 2 ngày làm việc');
    expect(pdf).toContain('Bản chính giấy khai sinh');
    // Nothing recorded: no papers table; an imported dossier without a period: no period line.
    const bare = await docxText(await renderForm('01', 'docx', { ...ctx, dossier: { ...dossier, working_days: 0, source: 'import' } }));
    expect(bare).not.toContain('Thành phần hồ sơ');
    expect(bare).not.toContain('Thời gian giải quyết hồ sơ theo quy định');
  });
  test('Mẫu 06 has one row per hand-over with giver and receiver signature cells and the time of each step', async () => {
    const routed: FormContext = { ...ctx, decidingUnitName: 'Phường Lê Chân', events: [...ctx.events.slice(0, 2),
      { id: 'e3', dossier_id: 'd1', at: new Date('2026-03-06T02:00:00Z'), action: 'approve', from_status: 'processing', to_status: 'approved', officer_name: 'Phạm Văn Hùng', note: null },
      { id: 'e4', dossier_id: 'd1', at: new Date('2026-03-06T03:00:00Z'), action: 'apologise', from_status: 'approved', to_status: 'approved', officer_name: 'Phạm Văn Hùng', note: null },
      { id: 'e5', dossier_id: 'd1', at: new Date('2026-03-09T09:40:00Z'), action: 'return', from_status: 'result_ready', to_status: 'returned', officer_name: 'Trần Văn Minh', note: null }] };
    const cells = (await docxText(await renderForm('06', 'docx', routed))).split('|');
    for (const s of ['Người giao (ký, ghi rõ họ tên)', 'Người nhận (ký, ghi rõ họ tên)', 'Thời gian giao, nhận hồ sơ',
      'Cơ quan (bộ phận) giải quyết hồ sơ:', 'Phường Lê Chân',
      'Cơ quan phối hợp giải quyết:', 'Trung tâm Phục vụ hành chính công Phường Chu Văn An',
      '1. Tiếp nhận hồ sơ', 'Giao: Tổ chức, cá nhân', 'Nhận: TT PVHCC Phường Chu Văn An',
      '2. Chuyển xử lý', 'Nhận: Bộ phận chuyên môn Phường Lê Chân', '15 giờ 00 phút, ngày 05/03/2026',
      '3. Phê duyệt kết quả', 'Nhận: Lãnh đạo UBND Phường Lê Chân', '09 giờ 00 phút, ngày 06/03/2026',
      '4. Trả kết quả', '16 giờ 40 phút, ngày 09/03/2026', 'Đúng hạn']) expect(cells.join('|')).toContain(s);
    // The apology is not a hand-over: four steps, the fifth number never appears.
    expect(cells.some((c) => c.startsWith('5. '))).toBe(false);
    // Step 1: the citizen gives, the officer receives (names under the signature space).
    const step1 = cells.indexOf('1. Tiếp nhận hồ sơ');
    expect(cells.slice(step1, step1 + 8)).toEqual(expect.arrayContaining(['Nguyễn Thị Hoa', 'Trần Văn Minh']));
    const pdf = (await pdfCheck(await renderForm('06', 'pdf', routed))).text;
    const flat = pdf.replace(/\s+/g, ' ');
    // Narrow columns wrap: look for pieces that fit on one line of a cell.
    for (const s of ['Người giao', 'Người nhận', '1. Tiếp nhận', '4. Trả kết quả', 'Giao: Tổ chức, cá', 'Nhận: Bộ phận', '16 giờ 40', '09/03/2026', 'Đúng hạn', 'Phường Lê Chân']) expect(flat).toContain(s);
  });
  test('Mẫu 05 tracking book is a readable XLSX with the official columns and one row per dossier', async () => {
    const wb = new ExcelJS.Workbook();
    const routed = { ...ctx, decidingUnitName: 'Phường Lê Chân', dossier: { ...dossier, unit_id: 'u2', status: 'returned' as const, result_at: new Date('2026-03-06T01:00:00Z'), returned_at: new Date('2026-03-06T08:30:00Z') },
      events: [...ctx.events.slice(0, 2), { id: 'e3', dossier_id: 'd1', at: new Date('2026-03-06T02:00:00Z'), action: 'mark_result_ready', from_status: 'approved', to_status: 'result_ready', officer_name: 'Lê Thị Lan', note: null }] };
    await wb.xlsx.load(await renderForm('05', 'xlsx', routed) as never);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 14)).toEqual([
      'STT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Số lượng hồ sơ (bộ)', 'Tên cá nhân, tổ chức', 'Địa chỉ, số điện thoại',
      'Cơ quan chủ trì giải quyết', 'Nhận hồ sơ (giờ, ngày)', 'Hẹn trả kết quả', 'Chuyển hồ sơ đến cơ quan giải quyết (giờ, ngày)',
      'Nhận kết quả từ cơ quan giải quyết (giờ, ngày)', 'Trả kết quả (giờ, ngày)', 'Ký nhận', 'Ghi chú',
    ]);
    expect(header.slice(14)).toEqual(['Kênh nộp', 'Tình trạng']);
    const row = ws.getRow(4);
    const col = (name: string) => row.getCell(header.indexOf(name) + 1).value;
    expect(col('Mã hồ sơ')).toBe('000.00.00.H31-260305-0007');
    expect(col('Số lượng hồ sơ (bộ)')).toBe(1);
    expect(col('Cơ quan chủ trì giải quyết')).toBe('Phường Lê Chân');
    expect(col('Nhận hồ sơ (giờ, ngày)')).toBe('09 giờ 15 phút, ngày 05/03/2026');
    expect(col('Hẹn trả kết quả')).toBe('09/03/2026');
    expect(col('Chuyển hồ sơ đến cơ quan giải quyết (giờ, ngày)')).toBe('15 giờ 00 phút, ngày 05/03/2026');
    expect(col('Nhận kết quả từ cơ quan giải quyết (giờ, ngày)')).toBe('09 giờ 00 phút, ngày 06/03/2026');
    expect(col('Trả kết quả (giờ, ngày)')).toBe('15 giờ 30 phút, ngày 06/03/2026');
    expect(col('Ký nhận') ?? '').toBe(''); // left for the citizen's signature
    expect(col('Tình trạng')).toBe('Đã trả kết quả');
    // Nothing handed over yet: the hand-over cells stay empty, the result date falls back to result_at.
    await wb.xlsx.load(await renderForm('05', 'xlsx', { ...ctx, events: ctx.events.slice(0, 1) }) as never);
    const bare = wb.worksheets[0].getRow(4);
    expect(bare.getCell(7).value).toBe('Phường Chu Văn An');
    expect(bare.getCell(10).value ?? '').toBe('');
  });
});
