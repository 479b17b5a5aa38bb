/** Publishing on the public board: a separate reviewed public reply, refusals that keep what was typed, leaders only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type Session, type TestApp, startLoggedInApp } from '../../../../test/helpers/app.js';

let t: TestApp;
let leader: Session;
let officer: Session;
const STAFF = '/quan-tri/chu-van-an/phan-anh';
const INTERNAL = 'Đã liên hệ ông Trần Văn Bình (0912 888 777) tại số 15 ngõ 42 để hẹn ngày thay bóng đèn.';
const SUMMARY = 'Đèn chiếu sáng ngõ 42 bị hỏng.';
const BOARD = 'Đèn chiếu sáng ngõ 42 đã được thay mới trong tuần này.';

beforeAll(async () => {
  ({ t, session: leader } = await startLoggedInApp('lanhdao', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
  officer = await t.login('vanhoa');
});
afterAll(() => t?.close());

async function answeredItem(): Promise<string> {
  const res = await fetch(`${t.url}/api/v1/units/chu-van-an/feedback`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ category: 'infrastructure', content: `Đèn ngõ 42 hỏng ${Math.random()}, tối.`, name: 'Trần Văn Bình' }),
  });
  const { code } = await res.json();
  const steps: Array<Record<string, string>> = [
    { action: 'classify', 'category-classify': 'infrastructure' }, { action: 'answer', 'reply-answer': INTERNAL },
  ];
  for (const fields of steps) {
    const body = new URLSearchParams({ _csrf: leader.csrf, ...fields });
    const headers = { cookie: leader.cookie, 'content-type': 'application/x-www-form-urlencoded' };
    const res = await fetch(`${t.url}${STAFF}/${code}/xu-ly`, { method: 'POST', headers, body });
    expect(res.status).toBe(200);
  }
  return code;
}

const publish = (s: Session, code: string, fields: Record<string, string>) => fetch(`${t.url}${STAFF}/${code}/cong-khai`, {
  method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: s.csrf, publish: '1', ...fields }),
});
const detail = async (s: Session, code: string) => (await fetch(`${t.url}${STAFF}/${code}`, { headers: { cookie: s.cookie } })).text();
const boardField = (html: string) => /<textarea[^>]*name="boardReply"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1];
const row = async (code: string) => (await sql<{ published: boolean; board_reply: string | null; public_reply: string | null }>`
  select published, board_reply, public_reply from feedback where code = ${code}`.execute(t.db)).rows[0];

describe('publishing a feedback item on the public board', () => {
  it('the public reply starts empty, the warning is shown, and only the public reply reaches the board and Open311', async () => {
    const code = await answeredItem();
    const page = await detail(leader, code);
    expect(boardField(page)).toBe('');
    expect(page).toContain('xoá họ tên, số điện thoại, địa chỉ nhà, số CMND/CCCD');
    expect((await publish(leader, code, { summary: SUMMARY, boardReply: BOARD })).status).toBe(200);
    expect(await row(code)).toMatchObject({ published: true, board_reply: BOARD, public_reply: INTERNAL });
    const board = await (await fetch(`${t.url}/chu-van-an/phan-anh/cong-khai`)).text();
    expect(board).toContain(BOARD);
    expect(board).not.toContain('Trần Văn Bình');
    expect(board).not.toContain('0912 888 777');
    const [req] = await (await fetch(`${t.url}/open311/v2/chu-van-an/requests/${code}.json`)).json();
    expect(req.status_notes).toBe(BOARD);
    expect(JSON.stringify(req)).not.toContain('Trần Văn Bình');
    const audit = (await sql<{ action: string; after: any }>`select action, after from audit_log where entity = 'feedback'
      and entity_id = (select id::text from feedback where code = ${code}) and action = 'feedback.publish'`.execute(t.db)).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0].after.board_reply).toBe(BOARD);
  });

  it('refuses a missing, copied or personal-data public reply with 422 and keeps everything typed', async () => {
    const code = await answeredItem();
    const place = 'Ngõ 42 phố Chu Văn An';
    const missing = await publish(leader, code, { summary: SUMMARY, boardReply: '  ', publicPlace: place });
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('Vui lòng nhập trả lời công khai (ít nhất 10 ký tự).');
    expect(html).toContain(SUMMARY);
    expect(html).toContain(place);
    const withPhone = `${BOARD} Liên hệ 0912 888 777.`;
    const phone = await publish(leader, code, { summary: SUMMARY, boardReply: withPhone });
    expect(phone.status).toBe(422);
    const phoneHtml = await phone.text();
    expect(phoneHtml).toContain('Nội dung công khai có số điện thoại.');
    expect(boardField(phoneHtml)).toBe(withPhone);
    const email = await publish(leader, code, { summary: 'Liên hệ binh.tran@example.vn về đèn.', boardReply: BOARD });
    expect(email.status).toBe(422);
    expect(await email.text()).toContain('Nội dung công khai có địa chỉ e-mail.');
    const copied = await publish(leader, code, { summary: SUMMARY, boardReply: INTERNAL.replace(/ /g, '  ') });
    expect(copied.status).toBe(422);
    expect(await copied.text()).toContain('không sao chép nguyên văn trả lời gửi người phản ánh');
    expect((await row(code)).published).toBe(false);
    const events = await sql<{ n: number }>`select count(*)::int as n from feedback_events e join feedback f on f.id = e.feedback_id
      where f.code = ${code} and e.action = 'publish'`.execute(t.db);
    expect(events.rows[0].n).toBe(0);
  });

  it('a role that cannot publish sees no form and gets 403 when posting anyway', async () => {
    const code = await answeredItem();
    const page = await detail(officer, code);
    expect(page).not.toContain('name="boardReply"');
    expect(page).not.toContain(`${code}/cong-khai`);
    expect((await publish(officer, code, { summary: SUMMARY, boardReply: BOARD })).status).toBe(403);
    expect((await row(code)).published).toBe(false);
  });
});
