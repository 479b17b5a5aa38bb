import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousForm, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { demoPdf } from './seed/seed-disclosures.js';
import { auditRows, postForm, postMultipart } from './test-helpers.js';

let t: TestApp;
let leader: Session;
beforeAll(async () => { t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'on' } }); leader = await t.login('lanhdao'); });
afterAll(async () => { await t?.close(); });

const doc = { category: 'socio_economic', title: 'Báo cáo tình hình kinh tế - xã hội năm 2030', document_number: '301/BC-UBND', summary: '', published_on: '2031-01-10', posting_days: '', project_id: '', land_kind: 'other', amount_dong: '' };

describe('disclosure documents with PDF attachments', () => {
  it('stores a valid PDF, defaults posting to 30 days, audits, and serves the file', async () => {
    const res = await postMultipart(t, leader, '/quan-tri/chu-van-an/cong-khai/van-ban', doc, { file: { name: 'quyet toan 2025.pdf', data: demoPdf('Quyet toan') } });
    expect(res.status).toBe(303);
    const id = new URL(res.headers.get('location')!, t.url).searchParams.get('van-ban')!;
    const row = await t.db.selectFrom('disclosure_documents').select(['posting_days']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.posting_days).toBe(30);
    const [a] = await auditRows(t, 'transparency.disclosure.create');
    expect(a.entity_id).toBe(id);
    const page = await (await fetch(`${t.url}/chu-van-an/cong-khai/${id}`)).text();
    expect(page).toContain('09/02/2031'); // 10/01 + 30 days
    const fileUrl = /href="(\/chu-van-an\/cong-khai\/tep\/[^"]+)"/.exec(page)![1];
    const pdf = await fetch(`${t.url}${fileUrl}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const attach = (data: Buffer) => postMultipart(t, leader, `/quan-tri/chu-van-an/cong-khai/van-ban/${id}/tep`, {}, { file: { name: 'phu-luc.pdf', data } });
    expect((await attach(demoPdf('Phu luc'))).status).toBe(303);
    expect((await attach(Buffer.from('GIF89a'))).status).toBe(422);
    const count = await t.db.selectFrom('disclosure_attachments').select((eb) => eb.fn.countAll().as('n')).where('document_id', '=', id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
    expect((await auditRows(t, 'transparency.disclosure.attach'))[0].entity_id).toBe(id);
    const item = await t.db.selectFrom('published_items').select(['path']).where('item_ref', '=', id).executeTakeFirstOrThrow();
    expect(item.path).toBe(`/chu-van-an/cong-khai/${id}`);
  });

  it('refuses a posting period under the legal minimum of the category with 422 and a Vietnamese message', async () => {
    const count = async () => Number((await t.db.selectFrom('disclosure_documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const short = await postMultipart(t, leader, '/quan-tri/chu-van-an/cong-khai/van-ban', { ...doc, posting_days: '10' });
    expect(short.status).toBe(422);
    const html = await short.text();
    expect(html).toContain('Thời gian niêm yết của văn bản loại “Kế hoạch phát triển kinh tế - xã hội” tối thiểu là 30 ngày');
    expect(html).toContain('value="10"');
    const budget = { ...doc, category: 'budget', title: 'Công khai quyết toán ngân sách năm 2030' };
    const budgetShort = await postMultipart(t, leader, '/quan-tri/chu-van-an/cong-khai/van-ban', { ...budget, posting_days: '60' });
    expect(budgetShort.status).toBe(422);
    expect(await budgetShort.text()).toContain('tối thiểu là 90 ngày');
    expect(await count()).toBe(before);
    // empty = the category's minimum; longer is fine
    const res = await postMultipart(t, leader, '/quan-tri/chu-van-an/cong-khai/van-ban', budget);
    expect(res.status).toBe(303);
    const id = new URL(res.headers.get('location')!, t.url).searchParams.get('van-ban')!;
    expect((await t.db.selectFrom('disclosure_documents').select(['posting_days']).where('id', '=', id).executeTakeFirstOrThrow()).posting_days).toBe(90);
    expect((await postMultipart(t, leader, '/quan-tri/chu-van-an/cong-khai/van-ban', { ...doc, posting_days: '45' })).status).toBe(303);
  });

  it('refuses a file that is not a PDF with 422 and a file over 20 MB with 413', async () => {
    const notPdf = await postMultipart(t, leader, '/quan-tri/chu-van-an/cong-khai/van-ban', doc, { file: { name: 'x.pdf', data: Buffer.from('<html>not a pdf</html>') } });
    expect(notPdf.status).toBe(422);
    expect(await notPdf.text()).toContain('Tệp không phải PDF hợp lệ');
    const medium = Buffer.concat([demoPdf('Bang ke'), Buffer.alloc(3 * 1024 * 1024, 32)]); // a scanned list is often a few MB
    expect((await postMultipart(t, leader, '/quan-tri/chu-van-an/cong-khai/van-ban', doc, { file: { name: 'bang-ke.pdf', data: medium } })).status).toBe(303);
    const big = Buffer.alloc(20 * 1024 * 1024 + 10, 32);
    big.write('%PDF-1.4', 0);
    const tooBig = await postMultipart(t, leader, '/quan-tri/chu-van-an/cong-khai/van-ban', doc, { file: { name: 'lon.pdf', data: big } });
    expect(tooBig.status).toBe(413);
  });

  it('lets only editors upload', async () => {
    const officer = await t.login('motcua');
    expect((await postMultipart(t, officer, '/quan-tri/chu-van-an/cong-khai/van-ban', doc, {})).status).toBe(403);
  });
});

describe('land project comments', () => {
  it('takes a public comment, keeps it hidden until approved, and rate-limits', async () => {
    const projects = await (await fetch(`${t.url}/api/v1/units/chu-van-an/disclosures`)).json() as { projects: { id: string; url: string }[] };
    const url = `${t.url}${projects.projects[0].url}`;
    const form = await anonymousForm(url);
    const send = (body: string) => fetch(`${url}/gop-y`, { method: 'POST', redirect: 'manual', headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: form.csrf, author_name: 'Lê Văn Cường', contact: '0912 000 777', body }) });
    expect((await send('Đề nghị niêm yết bảng kê tại nhà văn hóa tổ 4.')).status).toBe(303);
    expect(await (await fetch(url)).text()).not.toContain('nhà văn hóa tổ 4');
    const empty = await send('');
    expect(empty.status).toBe(422);
    const pending = await t.db.selectFrom('disclosure_comments').select(['id']).where('author_name', '=', 'Lê Văn Cường').executeTakeFirstOrThrow();
    expect((await postForm(t, leader, `/quan-tri/chu-van-an/cong-khai/gop-y/${pending.id}`, { decision: 'approved' })).status).toBe(303);
    expect((await auditRows(t, 'transparency.comment.approve'))[0].entity_id).toBe(pending.id);
    const html = await (await fetch(url)).text();
    expect(html).toContain('nhà văn hóa tổ 4');
    expect(html).not.toContain('0912 000 777');
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await send(`Ý kiến ${i}`)).status);
    expect(statuses).toContain(429);
  });
});
