import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { type Session, type TestApp, startLoggedInApp } from '../../../../test/helpers/app.js';
import { addHousehold, createPoll, form, groupIds, lastCode, UNIT, webVote } from './support.js';
import { vnLocalDateTime } from '../../../lib/vn-calendar/index.js';

let t: TestApp;
let leader: Session;
let g: Record<string, string>;
const H: Record<string, string> = {};
const PHONES = { a: '0399000101', b: '0399000102', c: '0399000103', d: '0399000104', e: '0399000201' };

beforeAll(async () => {
  ({ t, session: leader } = await startLoggedInApp('lanhdao', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
  g = await groupIds(t);
  // A group of 5 households (TDP20 has no demo households), one in another group.
  await sql`delete from community_households where group_id = ${g.TDP20}`.execute(t.db).catch(() => undefined);
  H.a = await addHousehold(t, g.TDP20, 'Nguyễn Văn Thử A', PHONES.a);
  H.b = await addHousehold(t, g.TDP20, 'Trần Thị Thử B', PHONES.b);
  H.c = await addHousehold(t, g.TDP20, 'Lê Văn Thử C', PHONES.c);
  H.d = await addHousehold(t, g.TDP20, 'Phạm Thị Thử D', PHONES.d);
  H.x = await addHousehold(t, g.TDP20, 'Hoàng Văn Thử X', null);
  H.e = await addHousehold(t, g.TDP21, 'Đinh Văn Khác E', PHONES.e);
}, 120_000);
afterAll(() => t?.close());

const pollRow = async (id: string) => (await sql<{ secret: boolean; status: string }>`select secret, status from community_polls where id = ${id}`.execute(t.db)).rows[0];
const optionIds = async (id: string) => (await sql<{ id: string; label: string }>`select id, label from community_poll_options where poll_id = ${id} order by position`.execute(t.db)).rows;

describe('a group poll: one vote per household across web, API and paper', () => {
  let poll: { id: string; code: string };
  beforeAll(async () => { poll = await createPoll(t, leader, { group_id: g.TDP20 }); });

  test('a household votes on the web with the code sent to its registered phone', async () => {
    const res = await webVote(t, poll.code, PHONES.a, 'Đồng ý');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/${UNIT}/bieu-quyet/${poll.code}/cam-on`);
    const { rows } = await sql<{ channel: string }>`select channel from community_poll_participation where poll_id = ${poll.id} and voter_id = ${H.a}`.execute(t.db);
    expect(rows).toEqual([{ channel: 'web' }]);
  });

  test('the same household cannot vote again: no second code, and paper key-in is refused', async () => {
    const again = await webVote(t, poll.code, PHONES.a, 'Không đồng ý');
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('đã bỏ phiếu');
    const opts = await optionIds(poll.id);
    const paper = await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/${poll.id}/phieu-giay`, form(leader, { voter: H.a,
      option_id: opts[1].id }));
    expect(paper.status).toBe(409);
    expect(await paper.text()).toContain('Hộ này đã bỏ phiếu trên trang web');
  });

  test('a paper ballot keyed in first blocks the web vote of that household', async () => {
    const opts = await optionIds(poll.id);
    const paper = await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/${poll.id}/phieu-giay`, form(leader, { voter: H.b,
      option_id: opts[0].id }));
    expect(paper.status).toBe(200);
    expect(await paper.text()).toContain('Đã ghi nhận phiếu giấy.');
    const web = await webVote(t, poll.code, PHONES.b, 'Đồng ý');
    expect(web.status).toBe(409);
  });

  test('the database itself refuses a second participation row (primary key)', async () => {
    await expect(sql`insert into community_poll_participation (unit_id, poll_id, voter_id, household_id, group_id, channel)
      values (${await t.unitId()}, ${poll.id}, ${H.a}, ${H.a}, ${g.TDP20}, 'paper')`.execute(t.db)).rejects.toThrow(/duplicate key/);
  });

  test('the API: a wrong code is refused and counted, the right one votes once', async () => {
    const code = await fetch(`${t.url}/api/v1/polls/${poll.id}/codes`, { method: 'POST',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: PHONES.c, channel: 'zalo' }) });
    expect(code.status).toBe(202);
    const { otp_id, household } = await code.json() as { otp_id: string; household: string };
    expect(household).toBe('L* V** T** C');
    const opts = await optionIds(poll.id);
    const sent = lastCode(PHONES.c);
    const wrong = sent === '000000' ? '111111' : '000000';
    const post = (c: string) => fetch(`${t.url}/api/v1/polls/${poll.id}/votes`, { method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ otp_id, code: c, option_id: opts[0].id }) });
    const bad = await post(wrong);
    expect(bad.status).toBe(422);
    expect((await bad.json() as { error: { code: string } }).error.code).toBe('wrong_code');
    expect((await post(sent)).status).toBe(201);
    expect((await post(sent)).status).toBe(410);
    const attempts = (await sql<{ attempts: number }>`select attempts from community_poll_otps where id = ${otp_id}`.execute(t.db)).rows[0].attempts;
    expect(attempts).toBe(1);
  });

  test('the development sender shows the codes in the staff console', async () => {
    const html = await (await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/tin-nhan`, { headers: { cookie: leader.cookie } })).text();
    expect(html).toContain(`<strong>${PHONES.c}</strong>: [Zalo] Mã bỏ phiếu: ${lastCode(PHONES.c)}.`);
    expect(html).toContain(`<strong>${PHONES.a}</strong>: Mã bỏ phiếu: `);
  });

  test('a phone not registered in the poll\'s group gets no code', async () => {
    const res = await fetch(`${t.url}/api/v1/polls/${poll.id}/codes`, { method: 'POST',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: PHONES.e }) });
    expect(res.status).toBe(404);
  });

  test('participation and results match the stored votes; the minutes and the API say the same', async () => {
    // stored: A web "Đồng ý", B paper "Đồng ý", C api "Đồng ý"; 5 households → 60 % took part; 3/5 agree > 50 % of all
    const stored = (await sql<{ n: number }>`select count(*)::int as n from community_poll_ballots where poll_id = ${poll.id}`.execute(t.db)).rows[0].n;
    expect(stored).toBe(3);
    const live = await (await fetch(`${t.url}/${UNIT}/bieu-quyet/${poll.code}/ket-qua`)).text();
    expect(/data-participation="TDP20">([^<]+)</.exec(live)?.[1]).toBe('60 %');
    const close = await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/${poll.id}/trang-thai`, form(leader, { action: 'close' }));
    expect(close.status).toBe(303);
    const html = await (await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/${poll.id}`,
      { headers: { cookie: leader.cookie } })).text();
    expect(/data-votes="1">(\d+)</.exec(html)?.[1]).toBe('3');
    expect(/data-votes="2">(\d+)</.exec(html)?.[1]).toBe('0');
    expect(html).toContain('Phương án &quot;Đồng ý&quot; được thông qua.');
    expect(html).not.toContain('Lệch số phiếu');
    const api = await (await fetch(`${t.url}/api/v1/units/${UNIT}/polls`)).json() as { items: { id: string; participation: { rate: number; participants: number; eligible: number }; result: unknown }[] };
    const item = api.items.find((i) => i.id === poll.id)!;
    expect(item.participation).toEqual({ eligible: 5, participants: 3, rate: 60 });
    expect(item.result).toBeNull();
    await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/${poll.id}/trang-thai`, form(leader, { action: 'publish' }));
    const after = await (await fetch(`${t.url}/api/v1/units/${UNIT}/polls`)).json() as typeof api;
    expect(after.items.find((i) => i.id === poll.id)!.result).toEqual({ quorum_met: true,
      adopted_option_id: (await optionIds(poll.id))[0].id });
    const docx = await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/${poll.id}/bien-ban.docx`,
      { headers: { cookie: leader.cookie } });
    expect(docx.status).toBe(200);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const pdf = await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/${poll.id}/bien-ban.pdf`,
      { headers: { cookie: leader.cookie } });
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const late = await fetch(`${t.url}/api/v1/polls/${poll.id}/codes`, { method: 'POST',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: PHONES.d }) });
    expect(late.status).toBe(409);
  });
});

describe('a secret vote', () => {
  test('who voted is stored apart from what they chose, and exports keep them apart', async () => {
    const poll = await createPoll(t, leader, { group_id: g.TDP20, matter: 'head_election', title: 'Bầu tổ trưởng TDP 20',
      options: 'Ông Nguyễn Văn Hải\nBà Trần Thị Mai' });
    expect((await pollRow(poll.id)).secret).toBe(true);
    expect((await webVote(t, poll.code, PHONES.a, 'Bà Trần Thị Mai')).status).toBe(303);
    const opts = await optionIds(poll.id);
    const paper = await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/${poll.id}/phieu-giay`, form(leader, { voter: H.b,
      option_id: opts[0].id }));
    expect(paper.status).toBe(200);
    const ballots = (await sql<{ voter_id: string | null }>`select voter_id from community_poll_ballots where poll_id = ${poll.id}`.execute(t.db)).rows;
    expect(ballots).toEqual([{ voter_id: null }, { voter_id: null }]);
    const voters = await (await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/${poll.id}/nguoi-tham-gia.csv`,
      { headers: { cookie: leader.cookie } })).text();
    expect(voters).toContain('Nguyễn Văn Thử A');
    expect(voters).toContain('Trần Thị Thử B');
    expect(voters).not.toContain('Lựa chọn');
    expect(voters).not.toMatch(/Nguyễn Văn Hải|Trần Thị Mai/);
    const tally = await (await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/${poll.id}/ket-qua.csv`,
      { headers: { cookie: leader.cookie } })).text();
    expect(tally).not.toMatch(/Thử A|Thử B/);
    expect(tally.split('\r\n')[0]).toBe('Tổ,Số cử tri/hộ,Tham gia,Tỷ lệ (%),Ông Nguyễn Văn Hải,Bà Trần Thị Mai');
  });

  test('an open vote\'s export shows each household\'s choice', async () => {
    const poll = await createPoll(t, leader, { group_id: g.TDP20, matter: 'consultation', title: 'Giờ sinh hoạt tổ' ,
      options: 'Sáng chủ nhật\nTối thứ bảy' });
    expect((await webVote(t, poll.code, PHONES.a, 'Tối thứ bảy')).status).toBe(303);
    const voters = await (await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/${poll.id}/nguoi-tham-gia.csv`,
      { headers: { cookie: leader.cookie } })).text();
    expect(voters).toMatch(/Nguyễn Văn Thử A,.*Tối thứ bảy/);
  });
});

test('the poll API is described in /openapi.json', async () => {
  const doc = await (await fetch(`${t.url}/openapi.json`)).json() as { paths: Record<string, unknown> };
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/units/{unit}/polls', '/api/v1/polls/{id}/votes',
    '/api/v1/polls/{id}/codes']));
});

describe('one vote per resident', () => {
  test('each member of a household votes once with the household\'s code', async () => {
    const hid = await addHousehold(t, g.TDP22, 'Cao Văn Cha', '0399000301', ['Cao Thị Mẹ']);
    const members = (await sql<{ id: string }>`select id from community_members where household_id = ${hid} order by position`.execute(t.db)).rows;
    const poll = await createPoll(t, leader, { group_id: g.TDP22, basis: 'resident', title: 'Quy ước nếp sống văn minh tổ 22',
      matter: 'convention' });
    const opts = await optionIds(poll.id);
    const vote = async (memberId: string) => {
      const c = await (await fetch(`${t.url}/api/v1/polls/${poll.id}/codes`, { method: 'POST',
        headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '0399000301' }) })).json() as { otp_id: string };
      return fetch(`${t.url}/api/v1/polls/${poll.id}/votes`, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ otp_id: c.otp_id, code: lastCode('0399000301'), option_id: opts[0].id, member_id: memberId }) });
    };
    expect((await vote(members[0].id)).status).toBe(201);
    const again = await vote(members[0].id);
    expect(again.status).toBe(409);
    expect((await again.json() as { error: { message: string } }).error.message).toBe('Người này đã bỏ phiếu qua ứng dụng; mỗi người chỉ được bỏ một phiếu.');
    expect((await vote(members[1].id)).status).toBe(201);
    const r = await (await fetch(`${t.url}/${UNIT}/bieu-quyet/${poll.code}/ket-qua`)).text();
    expect(/data-participation="TDP22">([^<]+)</.exec(r)?.[1]).toBe(`${(Math.round(2000 / (await sql<{ n: number }>`select count(*)::int as n from community_members m
      join community_households h on h.id = m.household_id where h.group_id = ${g.TDP22}`.execute(t.db)).rows[0].n) / 10).toLocaleString('vi-VN')} %`);
  });
});

test('explanation documents are uploaded with the poll and downloadable from its public page', async () => {
  const fd = new FormData();
  fd.append('_csrf', leader.csrf);
  const local = (ms: number) => vnLocalDateTime(new Date(ms));
  for (const [k, v] of Object.entries({ title: 'Nâng cấp nhà văn hóa', matter: 'fund_use', group_id: g.TDP23,
    opens_at: local(Date.now()), closes_at: local(Date.now() + 86400_000), options: 'Đồng ý\nKhông đồng ý' })) fd.append(k, v);
  fd.append('documents', new Blob(['%PDF-1.4 du toan'], { type: 'application/pdf' }), 'du-toan.pdf');
  const res = await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/moi`, { method: 'POST',
    headers: { cookie: leader.cookie }, body: fd, redirect: 'manual' });
  expect(res.status).toBe(303);
  const id = res.headers.get('location')!.split('/').pop()!;
  await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/${id}/trang-thai`, form(leader, { action: 'open' }));
  const { rows: [p] } = await sql<{ code: string }>`select code from community_polls where id = ${id}`.execute(t.db);
  const page = await (await fetch(`${t.url}/${UNIT}/bieu-quyet/${p.code}`)).text();
  const href = /href="([^"]+\/tai-lieu\/[^"]+)">du-toan.pdf</.exec(page)![1];
  const doc = await fetch(`${t.url}${href}`);
  expect(doc.headers.get('content-type')).toBe('application/pdf');
  expect(await doc.text()).toBe('%PDF-1.4 du toan');
  const bad = new FormData();
  bad.append('_csrf', leader.csrf);
  bad.append('title', 'x');
  bad.append('documents', new Blob(['MZ'], { type: 'application/octet-stream' }), 'virus.exe');
  const refused = await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/moi`, { method: 'POST',
    headers: { cookie: leader.cookie }, body: bad });
  expect(refused.status).toBe(422);
  expect(await refused.text()).toContain('Tài liệu giải thích nhận PDF, DOCX, JPG hoặc PNG.');
});
