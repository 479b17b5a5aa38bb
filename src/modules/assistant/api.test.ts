import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { computeIndicators, vnYearBounds } from '../../core/providers.js';
import { vnYearOf } from '../../lib/vn-calendar/index.js';

/**
 * A small server that speaks the OpenAI HTTP protocol (`/v1/chat/completions`, `/v1/embeddings`)
 * so that the real client code runs. `reply` decides what the "model" says.
 */
function fakeModelServer(reply: (system: string, user: string) => string) {
  const calls: { path: string; body: any; auth?: string }[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => { raw += c; });
    req.on('end', () => {
      const body = JSON.parse(raw || '{}');
      calls.push({ path: req.url ?? '', body, auth: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/chat/completions') {
        const [system, user] = body.messages.map((m: any) => m.content);
        try {
          res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: reply(system, user) } }] }));
        } catch {
          res.statusCode = 500; res.end('{"error":{"message":"model down"}}');
        }
      } else if (req.url === '/v1/embeddings') {
        // A toy embedding: counts of a few marker words, enough to test the hybrid path.
        const vec = (s: string) => ['hôn', 'sinh', 'tử', 'chứng'].map((w) => (s.toLowerCase().split(w).length - 1) + 0.01);
        res.end(JSON.stringify({ data: body.input.map((s: string, index: number) => ({ index, embedding: vec(s) })) }));
      } else {
        res.statusCode = 404; res.end('{}');
      }
    });
  });
  return new Promise<{ url: string; calls: typeof calls; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, calls,
      close: () => new Promise((r) => server.close(() => r())),
    }));
  });
}

const askUrl = (t: TestApp) => `${t.url}/api/v1/units/chu-van-an/assistant/ask`;
async function ask(t: TestApp, question: string, conversation_id?: string) {
  const res = await fetch(askUrl(t), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question, conversation_id }) });
  return { status: res.status, body: (await res.json()) as any };
}

describe('assistant without a model', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } }); });
  afterAll(async () => { await t?.close(); });

  it('answers the fee of the catalogue, cites it and links the procedure', async () => {
    const { status, body } = await ask(t, 'lam di chuc o uy ban phuong bao nhieu tien');
    expect(status).toBe(200);
    const unitId = await t.unitId();
    const p = await t.db.selectFrom('catalogue_procedures').select(['id', 'fee_amount', 'name']).where('unit_id', '=', unitId)
      .where('reference_id', '=', 'chungthuc-dichuc').executeTakeFirstOrThrow();
    expect(body.intent).toBe('fee');
    expect(body.procedures[0].id).toBe(p.id);
    expect(body.answer).toContain(`${Number(p.fee_amount).toLocaleString('de-DE')} đ`);
    expect(body.citations).toContainEqual(expect.objectContaining({ procedure_id: p.id, field: 'fee' }));
    expect(body.answer).toContain('/chu-van-an/thu-tuc/');
  });

  it('follows up in the same conversation: "còn phí thì sao?" is about the last procedure', async () => {
    const first = await ask(t, 'đăng ký kết hôn cần giấy tờ gì');
    expect(first.body.intent).toBe('documents');
    const follow = await ask(t, 'còn phí thì sao?', first.body.conversation_id);
    expect(follow.body.confidence).toBe('context');
    expect(follow.body.intent).toBe('fee');
    expect(follow.body.procedures[0].id).toBe(first.body.procedures[0].id);
    expect(follow.body.answer).toContain('Lệ phí thủ tục «Đăng ký kết hôn»');
    // without the conversation the same words find nothing to answer
    const alone = await ask(t, 'còn phí thì sao?');
    expect(alone.body.confidence).not.toBe('high');
    expect(alone.body.citations).toEqual([]);
  });

  it('stores questions anonymised, takes ratings, and feeds the indicator', async () => {
    const { body } = await ask(t, 'số tôi 0912 345 678, đăng ký tạm trú mất mấy ngày');
    const unitId = await t.unitId();
    const row = await t.db.selectFrom('assistant_questions').select(['question', 'helpful']).where('id', '=', body.question_id).executeTakeFirstOrThrow();
    expect(row.question).toBe('số tôi [số], đăng ký tạm trú mất mấy ngày');
    const rate = await fetch(`${t.url}/api/v1/units/chu-van-an/assistant/questions/${body.question_id}/rating`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ helpful: false }),
    });
    expect(rate.status).toBe(204);
    const missing = await fetch(`${t.url}/api/v1/units/chu-van-an/assistant/questions/00000000-0000-7000-8000-000000000000/rating`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ helpful: true }),
    });
    expect(missing.status).toBe(404);
    // the indicator equals the stored questions of the year
    const year = vnYearOf(new Date());
    const stored = await t.db.selectFrom('assistant_questions').select(['confidence', 'created_at']).where('unit_id', '=', unitId).execute();
    const { from, to } = vnYearBounds(year);
    const inYear = stored.filter((r: any) => r.created_at >= from && r.created_at < to);
    const answered = inYear.filter((r: any) => r.confidence === 'high' || r.confidence === 'context').length;
    const values = await computeIndicators({ db: t.appDb, unitId, year, from, to, now: new Date() });
    const v = values.find((x) => x.id === 'assistant.questions_answered')!;
    expect(v.denominator).toBe(inYear.length);
    expect(v.numerator).toBe(answered);
    expect(v.value).toBe(Math.round((answered / inYear.length) * 1000) / 10);
  });

  it('refuses empty and oversized questions with a message, never 500', async () => {
    expect((await ask(t, '   ')).status).toBe(400);
    expect((await ask(t, 'x'.repeat(501))).status).toBe(400);
    const page = await fetch(`${t.url}/chu-van-an/tro-ly?q=${'a'.repeat(600)}`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Câu hỏi quá dài');
  });

  it('serves the chat page without JavaScript and the staff review page', async () => {
    const page = await fetch(`${t.url}/chu-van-an/tro-ly?q=${encodeURIComponent('dang ky khai tu can giay to gi')}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Giấy tờ cần nộp cho thủ tục «Đăng ký khai tử»');
    expect(html).toMatch(/name="c" value="[0-9a-f-]{36}"/);
    const s = await t.login('motcua');
    const staff = await fetch(`${t.url}/quan-tri/chu-van-an/tro-ly?loc=all`, { headers: s.headers });
    expect(staff.status).toBe(200);
    expect(await staff.text()).toContain('xin giấy phép xây dựng nhà 3 tầng ở đâu');
    const anon = await fetch(`${t.url}/quan-tri/chu-van-an/tro-ly`, { redirect: 'manual' });
    expect([302, 303]).toContain(anon.status);
  });
});

describe('assistant with an OpenAI-compatible model', () => {
  let t: TestApp;
  let model: Awaited<ReturnType<typeof fakeModelServer>>;
  let say: (system: string, user: string) => string = () => '';
  beforeAll(async () => {
    model = await fakeModelServer((s, u) => say(s, u));
    t = await startTestApp({ env: {
      THANTHIEN_RATE_LIMIT: 'off', ASSISTANT_LLM_URL: model.url, ASSISTANT_LLM_MODEL: 'fake-1', ASSISTANT_LLM_KEY: 'sk-test',
      ASSISTANT_EMBEDDINGS_URL: model.url, ASSISTANT_EMBEDDINGS_MODEL: 'fake-embed',
    } });
  });
  afterAll(async () => { await t?.close(); await model?.close(); });

  it('uses the model’s wording when every fact matches the catalogue', async () => {
    say = (system) => (system.startsWith('Chuyển') ? 'Chứng thực di chúc' : 'Dạ, làm thủ tục Chứng thực di chúc hết 50.000 đ ạ.');
    const { body } = await ask(t, 'lam di chuc o uy ban phuong bao nhieu tien');
    expect(body.used_model).toBe(true);
    expect(body.answer).toBe('Dạ, làm thủ tục Chứng thực di chúc hết 50.000 đ ạ.');
    const chat = model.calls.find((c) => c.path === '/v1/chat/completions')!;
    expect(chat.auth).toBe('Bearer sk-test');
    expect(chat.body.model).toBe('fake-1');
  });

  it('falls back to the templated answer when the model invents a fee', async () => {
    say = () => 'Chứng thực di chúc hết 30.000 đ.';
    const { body } = await ask(t, 'lam di chuc o uy ban phuong bao nhieu tien');
    expect(body.used_model).toBe(false);
    expect(body.answer).toContain('Lệ phí thủ tục «Chứng thực di chúc»: 50.000 đ');
    expect(body.answer).not.toContain('30.000');
  });

  it('falls back when the model drops the procedure or fails', async () => {
    say = () => 'Hết 50.000 đ.';
    expect((await ask(t, 'lam di chuc bao nhieu tien')).body.used_model).toBe(false);
    say = () => { throw new Error('down'); };
    const { status, body } = await ask(t, 'lam di chuc bao nhieu tien');
    expect(status).toBe(200);
    expect(body.answer).toContain('50.000 đ');
  });

  it('stores procedure vectors from the embeddings endpoint once per version', async () => {
    say = () => 'x';
    await ask(t, 'đăng ký kết hôn cần gì');
    const unitId = await t.unitId();
    const n = await t.db.selectFrom('assistant_vectors').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', unitId).executeTakeFirstOrThrow();
    const published = await t.db.selectFrom('catalogue_procedures').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_id', '=', unitId).where('published', '=', true).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(Number(published.n));
    const before = model.calls.filter((c) => c.path === '/v1/embeddings').length;
    await ask(t, 'đăng ký khai sinh cần gì');
    // only the question is embedded the second time
    const after = model.calls.filter((c) => c.path === '/v1/embeddings');
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.body.input).toEqual(['đăng ký khai sinh cần gì']);
  });
});
