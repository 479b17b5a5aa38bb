import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Session, type TestApp, startLoggedInApp } from '../../../../test/helpers/app.js';
import { unitProcedures } from '../service/procedures.js';

/** Receiving a dossier: find the procedure without marks, its papers filled in, a clear "received" message. */
let t: TestApp;
let officer: Session;
beforeAll(async () => {
  ({ t, session: officer } = await startLoggedInApp('motcua', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
});
afterAll(() => t?.close());

const get = async (path: string) => (await fetch(`${t.url}${path}`, { headers: { cookie: officer.cookie } })).text();

describe('dossier intake', () => {
  test('a search without Vietnamese marks finds the procedure; picking it lists its papers from the catalogue', async () => {
    const all = await unitProcedures(t.appDb, await t.unitId());
    const birth = all.find((p) => /khai sinh/i.test(p.name) && p.documents.length > 0)!;
    expect(birth).toBeTruthy();
    const html = await get(`/quan-tri/chu-van-an/ho-so/tiep-nhan?tim=${encodeURIComponent('dang ky khai sinh')}`);
    const links = [...html.matchAll(/thu-tuc=([^"&]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(links).toContain(birth.key);
    const picked = await get(`/quan-tri/chu-van-an/ho-so/tiep-nhan?tim=khai+sinh&thu-tuc=${encodeURIComponent(birth.key)}`);
    expect(picked).toMatch(new RegExp(`<option value="${birth.key}"[^>]*selected`));
    const papers = /<textarea[^>]*name="papers"[^>]*>([^<]*)<\/textarea>/.exec(picked)![1]!;
    expect(papers.split('\n').filter(Boolean).length).toBe(birth.documents.length);
    expect(await get('/quan-tri/chu-van-an/ho-so/tiep-nhan?tim=zzzqqq')).toContain('Không tìm thấy thủ tục nào khớp');
  });

  test('after receiving, the page says the dossier was received', async () => {
    const key = (await unitProcedures(t.appDb, await t.unitId()))[0]!.key;
    const res = await fetch(`${t.url}/quan-tri/chu-van-an/ho-so/tiep-nhan`, {
      method: 'POST', redirect: 'manual', headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: officer.csrf, procedureKey: key, applicantName: 'Vũ Thị Hạnh', applicantPhone: '0912000124', channel: 'in_person', complete: 'yes' }).toString(),
    });
    expect(res.status).toBe(303);
    const html = await get(res.headers.get('location')!);
    expect(html).toMatch(/Đã tiếp nhận hồ sơ [^ ]+\. In phiếu tiếp nhận/);
  });
});
