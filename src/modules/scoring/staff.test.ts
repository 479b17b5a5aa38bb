import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerIndicators } from '../../core/providers.js';
import { excelLib } from '../../lib/lazy-modules.js';
import { startTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { demoEvidencePng } from './demo-evidence.js';
import { clearIndicatorSources, handSource, insertHandManual } from './test-support.js';

const run = promisify(execFile);
let t: TestApp;
let unitId: string;
let leader: Session;
let officer: Session;
const INNOVATION = '/quan-tri/chi-linh/tieu-chi/minh-chung/scoring.innovation_recognised';

const api = async () => (await fetch(`${t.url}/api/v1/units/chi-linh/scorecard?year=2025`)).json() as Promise<any>;
const page = async (s: Session, p: string) => fetch(t.url + p, { headers: { cookie: s.cookie }, redirect: 'manual' });
const post = (s: Session, p: string, body: FormData | URLSearchParams) => {
  body.append('_csrf', s.csrf);
  return fetch(t.url + p, { method: 'POST', headers: { cookie: s.cookie }, body, redirect: 'manual' });
};

async function pdfText(buf: Buffer, pngOut?: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'scoring-pdf-'));
  const file = path.join(dir, 'r.pdf');
  await writeFile(file, buf);
  if (pngOut) await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, pngOut]);
  return (await run('pdftotext', ['-layout', file, '-'])).stdout;
}

beforeAll(async () => {
  t = await startTestApp();
  clearIndicatorSources();
  unitId = await t.unitId('chi-linh');
  registerIndicators('fake', handSource(unitId, 2025));
  await insertHandManual(t.db, unitId, 2025);
  leader = await t.login((await t.createStaff('leader', 'chi-linh')).username, 'MatKhauThu123');
  officer = await t.login((await t.createStaff('department_officer', 'chi-linh')).username, 'MatKhauThu123');
}, 180_000);
afterAll(async () => {
  registerIndicators('fake', undefined);
  await t?.close();
});

describe('ward dashboard', () => {
  it('shows criteria, values, points, level and links to the records', async () => {
    const r = await page(officer, '/quan-tri/chi-linh/tieu-chi?nam=2025');
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('68/100 điểm');
    expect(html).toContain('Mức 2');
    expect(html).toContain('href="/quan-tri/chi-linh/ho-so?chi-so=dossiers.on_time_rate"');
    expect(html).toContain(`href="${INNOVATION}?nam=2025"`);
    expect(html).toContain('Để đạt Mức 3');
  });
  it('needs a staff login', async () => {
    expect((await fetch(`${t.url}/quan-tri/chi-linh/tieu-chi`, { redirect: 'manual' })).status).toBe(303);
  });
});

describe('annual report', () => {
  it('renders to PDF with the numbers of the API', async () => {
    const card = await api();
    const r = await page(officer, '/quan-tri/chi-linh/tieu-chi/bao-cao.pdf?nam=2025');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(Buffer.from(await r.arrayBuffer()), '/tmp/scoring-report')).replace(/\s+/g, ' ');
    expect(text).toContain(`${card.points}/${card.max} điểm (${card.percent} %)`);
    expect(text).toContain(`Mức ${card.level}`);
    for (const c of card.criteria) expect(text).toContain(`${c.points.toLocaleString('vi-VN')}/${c.max} điểm`);
    expect(text).toContain('BÁO CÁO');
  });
  it('renders DOCX and the XLSX scoring table with the same totals', async () => {
    const docx = await page(officer, '/quan-tri/chi-linh/tieu-chi/bao-cao.docx?nam=2025&loai=tong-ket');
    expect(docx.status).toBe(200);
    const dir = await mkdtemp(path.join(tmpdir(), 'scoring-docx-'));
    await writeFile(path.join(dir, 'r.docx'), Buffer.from(await docx.arrayBuffer()));
    const xml = (await run('unzip', ['-p', path.join(dir, 'r.docx'), 'word/document.xml'], { maxBuffer: 20e6 })).stdout.replace(/<[^>]+>/g, '');
    expect(xml).toContain('68/100 điểm (68 %)');
    expect(xml).toContain('Kết quả qua các năm');
    const xlsx = await page(officer, '/quan-tri/chi-linh/tieu-chi/bang-diem.xlsx?nam=2025');
    const wb = new (excelLib().Workbook)();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as any);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as any[];
    expect(rows.at(-1).slice(2)).toEqual(['Tổng cộng', '', '', '', '', 68, 100, 'Mức 2']);
    expect((await page(officer, '/quan-tri/chi-linh/tieu-chi/bao-cao.pdf?loai=khac')).status).toBe(400);
  });
});

describe('manual indicators with evidence', () => {
  it('refuses a wrong file type and a missing file with Vietnamese messages', async () => {
    const form = new FormData();
    form.append('value', '1');
    form.append('statement', 'Mô hình "Chợ không tiền mặt" được công nhận.');
    form.append('file', new Blob(['xin chào'], { type: 'text/plain' }), 'a.txt');
    const r = await post(officer, `${INNOVATION}?nam=2025`, form);
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('Tệp minh chứng phải là ảnh');
  });
  it('counts only after a reviewer other than the sender approved it', async () => {
    const form = new FormData();
    form.append('value', '1');
    form.append('statement', 'Mô hình "Chợ không tiền mặt" được công nhận.');
    form.append('file', new Blob([new Uint8Array(demoEvidencePng())], { type: 'image/png' }), 'anh.png');
    expect((await post(officer, `${INNOVATION}?nam=2025`, form)).status).toBe(303);
    const pending = (await api()).criteria[3].indicators.find((i: any) => i.key === 'c4.innovation');
    expect(pending).toMatchObject({ status: 'pending', points: 0 });
    const rows = await t.db.selectFrom('scoring_manual_entries').select('id').where('unit_id', '=', unitId)
      .where('indicator_id', '=', 'scoring.innovation_recognised').execute();
    const id = rows[0].id;
    const self = await post(officer, `${INNOVATION}/${id}/duyet?nam=2025`, new URLSearchParams({ decision: 'approve' }));
    expect(self.status).toBe(403);
    expect((await post(leader, `${INNOVATION}/${id}/duyet?nam=2025`, new URLSearchParams({ decision: 'approve' }))).status).toBe(303);
    const card = await api();
    expect(card.criteria[3].indicators.find((i: any) => i.key === 'c4.innovation')).toMatchObject({ status: 'met', points: 1, value: 1 });
    expect(card.points).toBe(69);
    const file = await page(officer, `/quan-tri/chi-linh/tieu-chi/minh-chung-tep/${id}`);
    expect([file.status, file.headers.get('content-type')]).toEqual([200, 'image/png']);
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'scoring.evidence%').execute();
    expect(audit.map((a: any) => a.action).sort()).toEqual(['scoring.evidence_review', 'scoring.evidence_submit']);
  });
});

describe('finalising a year', () => {
  it('freezes rubric and values: later records and rubric changes do not rewrite it', async () => {
    expect((await post(officer, '/quan-tri/chi-linh/tieu-chi/chot?nam=2025', new URLSearchParams())).status).toBe(403);
    expect((await post(leader, '/quan-tri/chi-linh/tieu-chi/chot?nam=2025', new URLSearchParams())).status).toBe(303);
    registerIndicators('fake', handSource(unitId, 2025, { 'dossiers.on_time_rate': 10 }));
    const city = await t.unitId('hai-phong');
    await t.db.insertInto('scoring_rubrics').values({ unit_id: city, version: 1, published_by: 'test',
      body: JSON.stringify({ ...(await import('./rubric/default-rubric.js')).DEFAULT_RUBRIC, key: 'hai-phong', levels: [
        { level: 1, minPercent: 10, minCriterionPercent: 0 }, { level: 2, minPercent: 20, minCriterionPercent: 0 },
        { level: 3, minPercent: 30, minCriterionPercent: 0 }, { level: 4, minPercent: 40, minCriterionPercent: 0 }] }) }).execute();
    const card = await api();
    expect([card.points, card.level, card.finalised, card.rubric.key]).toEqual([69, 2, true, 'default']);
    expect((await post(leader, '/quan-tri/chi-linh/tieu-chi/chot?nam=2025', new URLSearchParams())).status).toBe(409);
    const form = new FormData();
    form.append('value', '0');
    form.append('statement', 'Thử thay đổi sau khi đã chốt năm.');
    expect((await post(officer, `${INNOVATION}?nam=2025`, form)).status).toBe(409);
    // Another unit of the city is scored with the city's published rubric now.
    const other = await (await fetch(`${t.url}/api/v1/units/nguyen-trai/scorecard?year=2025`)).json() as any;
    expect(other.rubric).toEqual({ key: 'hai-phong', version: 1 });
  });
});

describe('city', () => {
  it('ranks every unit, exports the table, and enables a unit with its first admin', async () => {
    const cityAdmin = await t.login((await t.createStaff('admin', 'hai-phong')).username, 'MatKhauThu123');
    const r = await page(cityAdmin, '/quan-tri/hai-phong/tieu-chi?nam=2025');
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html.match(/<td class="num">\d+<\/td><th scope="row"><a href="\/quan-tri\//g)?.length).toBe(114);
    expect(html).toContain('href="/quan-tri/chi-linh/tieu-chi?nam=2025"');
    expect((await page(cityAdmin, '/quan-tri/hai-phong/tieu-chi/xep-hang.xlsx?nam=2025')).status).toBe(200);
    const enable = await post(cityAdmin, '/quan-tri/hai-phong/tieu-chi/kich-hoat', new URLSearchParams({ unit: 'an-lao', username: 'admin.anlao', displayName: 'Trần Văn Thử' }));
    expect(enable.status).toBe(200);
    expect(await enable.text()).toContain('/dat-mat-khau/');
    const unit = await t.db.selectFrom('units').select(['id', 'settings']).where('slug', '=', 'an-lao').executeTakeFirstOrThrow();
    expect((unit.settings as any).enabled).toBe(true);
    const again = await post(cityAdmin, '/quan-tri/hai-phong/tieu-chi/kich-hoat', new URLSearchParams({ unit: 'an-lao', username: 'admin.anlao2', displayName: 'Trần Văn Thử' }));
    expect(again.status).toBe(409);
    expect((await page(officer, '/quan-tri/hai-phong/tieu-chi')).status).toBe(403);

    expect((await post(cityAdmin, '/quan-tri/hai-phong/tieu-chi/bo-tieu-chi', new URLSearchParams({ rubric: '{not json' }))).status).toBe(422);
    const current = await (await page(cityAdmin, '/quan-tri/hai-phong/tieu-chi/bo-tieu-chi.json')).json() as any;
    current.levels[3].minPercent = 95;
    const published = await post(cityAdmin, '/quan-tri/hai-phong/tieu-chi/bo-tieu-chi', new URLSearchParams({ rubric: JSON.stringify(current) }));
    expect(published.status).toBe(200);
    expect(await published.text()).toContain('phiên bản 2');
    const inForce = await (await fetch(`${t.url}/api/v1/units/nguyen-trai/rubric`)).json() as any;
    expect([inForce.key, inForce.version, inForce.levels[3].minPercent]).toEqual(['hai-phong', 2, 95]);
  }, 180_000);
  it('the public page shows the level and the rank without staff data', async () => {
    const r = await fetch(`${t.url}/chi-linh/chinh-quyen-than-thien?nam=2025`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('69/100 điểm');
    expect(html).toMatch(/Xếp thứ \d+\/114 đơn vị/);
    expect(html).not.toContain('/quan-tri/chi-linh/ho-so');
  });
});
