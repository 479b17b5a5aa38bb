import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * `npm run eval:assistant`: the procedure assistant without a language model, over the shared
 * development questions (../shared/data/questions-dev.json, or the copy in test/search-quality)
 * plus our own (questions-own.json, written before the first run, every kind: fee, time, papers,
 * where, online, which procedure). Prints one JSON object and holds the quality bar of issue 16.
 *
 * - top-1 / top-3: an expected procedure is the answered one / among the three offered.
 * - intent: the detected intent equals the question's kind; the shared set has no `where` or
 *   `online` kind, so there those two count as `which-procedure` (they name the procedure too).
 * - answer: the answered procedure is an expected one AND the answer states the catalogue's value
 *   for the asked kind, read independently from the catalogue API: the fee text, the time limit
 *   with its unit, every paper, the procedure's name, the online level, or where to go.
 */
interface Question { q: string; expected: string[]; kind: string }

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../../shared/data/questions-dev.json');
const devFile = existsSync(shared) ? shared : path.resolve(here, '../search-quality/questions-dev.json');
const DEV: Question[] = JSON.parse(readFileSync(devFile, 'utf8'));
const OWN: Question[] = JSON.parse(readFileSync(path.join(here, 'questions-own.json'), 'utf8'));

let t: TestApp;
let referenceIdOf: Map<string, string>;
let idOfReference: Map<string, string>;

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  const rows = await t.db.selectFrom('catalogue_procedures').select(['id', 'reference_id']).where('unit_id', '=', await t.unitId()).execute();
  referenceIdOf = new Map(rows.map((r: any) => [r.id, r.reference_id]));
  idOfReference = new Map(rows.map((r: any) => [r.reference_id, r.id]));
});
afterAll(async () => { await t?.close(); });

async function facts(id: string, lang: string) {
  const res = await fetch(`${t.url}/api/v1/units/chu-van-an/procedures/${id}?lang=${lang}`);
  return (await res.json()) as { name: string; fee_text: string; processing_time: { text: string }; documents: string[]; online_level: string | null; counter: string | null };
}

const ONLINE_TEXT: Record<string, Record<string, string>> = {
  vi: { 'toàn trình': 'Toàn trình', 'một phần': 'Một phần' }, en: { 'toàn trình': 'Fully online', 'một phần': 'Partly online' },
};

async function answerStates(kind: string, answer: string, procedureId: string, lang: string): Promise<boolean> {
  const f = await facts(procedureId, lang);
  switch (kind) {
    case 'fee': return answer.includes(f.fee_text);
    case 'time': return answer.includes(f.processing_time.text);
    case 'documents': return f.documents.length > 0 && f.documents.every((d) => answer.includes(d));
    case 'where': return answer.includes('Chu Văn An') && (!f.counter || answer.includes(f.counter));
    case 'online': return f.online_level ? answer.includes(ONLINE_TEXT[lang][f.online_level]) : /trực tuyến|online/i.test(answer);
    default: return answer.includes(f.name);
  }
}

async function evaluate(questions: Question[], sharedKinds: boolean) {
  let top1 = 0; let top3 = 0; let intent = 0; let answered = 0;
  const misses: string[] = [];
  const times: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    const res = await fetch(`${t.url}/api/v1/units/chu-van-an/assistant/ask`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: question.q }),
    });
    times.push(performance.now() - started);
    expect(res.status).toBe(200);
    const r = (await res.json()) as { answer: string; procedures: { id: string; score: number }[]; intent: string; confidence: string; lang: string };
    const refs = r.procedures.map((p) => referenceIdOf.get(p.id) ?? '');
    const chosen = r.confidence === 'high' || r.confidence === 'context' ? refs[0] : undefined;
    const ok1 = chosen !== undefined && question.expected.includes(chosen);
    const ok3 = refs.slice(0, 3).some((id) => question.expected.includes(id));
    const detected = sharedKinds && (r.intent === 'where' || r.intent === 'online') ? 'which-procedure' : r.intent;
    const okIntent = detected === question.kind;
    const okAnswer = ok1 && okIntent && (await answerStates(question.kind, r.answer, idOfReference.get(chosen!)!, r.lang));
    top1 += +ok1; top3 += +ok3; intent += +okIntent; answered += +okAnswer;
    if (!ok1 || !okIntent || !okAnswer) {
      misses.push(`${question.q} → ${refs.map((x, i) => `${x} ${r.procedures[i].score}`).join(', ')} [${r.confidence}, ${r.intent}] (want ${question.expected.join(' | ')}, ${question.kind})`
        + `${ok1 && okIntent && !okAnswer ? ' ANSWER' : ''}`);
    }
  }
  return { questions: questions.length, top1, top3, intent, answer: answered, misses, times };
}

const rate = (n: number, d: number) => +(n / d).toFixed(3);

/**
 * Questions about things no ward procedure covers. The first five share no distinctive word with
 * the catalogue and must get choices and the hotline, never a stated fact. The last two share
 * distinctive words with a procedure ("làm lại", "xây nhà") and are answered with that procedure,
 * named in the answer: a known limit of lexical retrieval, reported in the JSON, not asserted.
 */
const OUTSIDE = [
  'làm hộ chiếu ở đâu', 'cap doi can cuoc cong dan mat bao lau', 'nộp thuế đất hàng năm bao nhiêu tiền',
  'thoi tiet hom nay the nao', 'What time does the bank open?',
];
const OUTSIDE_SHARING_WORDS = ['giấy phép lái xe bị mất làm lại thế nào', 'xin giấy phép xây dựng nhà 3 tầng'];

describe('procedure assistant evaluation (no language model)', () => {
  it('reaches top-1 ≥ 92 %, top-3 ≥ 98 %, intent ≥ 90 %, answer ≥ 90 % on the shared and own questions', async () => {
    const dev = await evaluate(DEV, true);
    const own = await evaluate(OWN, false);
    const n = dev.questions + own.questions;
    const all = (k: 'top1' | 'top3' | 'intent' | 'answer') => rate(dev[k] + own[k], n);
    const times = [...dev.times, ...own.times].sort((a, b) => a - b);
    const summary = {
      questions: n,
      top1: all('top1'), top3: all('top3'), intent: all('intent'), answer: all('answer'),
      dev: { questions: dev.questions, top1: rate(dev.top1, dev.questions), top3: rate(dev.top3, dev.questions), intent: rate(dev.intent, dev.questions), answer: rate(dev.answer, dev.questions) },
      own: { questions: own.questions, top1: rate(own.top1, own.questions), top3: rate(own.top3, own.questions), intent: rate(own.intent, own.questions), answer: rate(own.answer, own.questions) },
      http_ms: { p50: +times[Math.floor(times.length / 2)].toFixed(1), p95: +times[Math.floor(times.length * 0.95)].toFixed(1) },
      misses: [...dev.misses, ...own.misses],
    };
    const outside = [];
    for (const q of [...OUTSIDE, ...OUTSIDE_SHARING_WORDS]) {
      const res = await fetch(`${t.url}/api/v1/units/chu-van-an/assistant/ask`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q }),
      });
      const r = (await res.json()) as { confidence: string; procedures: { score: number }[]; citations: unknown[] };
      outside.push({ q, confidence: r.confidence, top_score: r.procedures[0]?.score ?? 0, citations: r.citations.length });
    }
    console.log(JSON.stringify({ ...summary, outside }, null, 1));
    expect(outside.filter((o) => OUTSIDE.includes(o.q) && (o.confidence === 'high' || o.citations > 0))).toEqual([]);
    expect(summary.top1).toBeGreaterThanOrEqual(0.92);
    expect(summary.top3).toBeGreaterThanOrEqual(0.98);
    expect(summary.intent).toBeGreaterThanOrEqual(0.9);
    expect(summary.answer).toBeGreaterThanOrEqual(0.9);
  }, 180_000);
});
