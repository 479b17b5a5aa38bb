import { isoWeekdayOf, vnDateOf, vnDayStart } from '../../lib/vn-calendar/index.js';
import { allQuestions, type Answers, type Channel, type Question, type SurveyDefinition } from './types.js';

/** Deterministic, realistic demo answers (no randomness between runs). */

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (x: number) => Math.min(5, Math.max(1, Math.round(x)));
const pick = <T>(rnd: () => number, list: T[]): T => list[Math.floor(rnd() * list.length)];

const COMMENTS = [
  'Cán bộ hướng dẫn rất nhiệt tình, cảm ơn Trung tâm.',
  'Nên bố trí thêm ghế ngồi chờ vào buổi sáng thứ Hai.',
  'Thời gian chờ lấy số hơi lâu, mong có thêm quầy.',
  'Nhà vệ sinh cần sạch sẽ hơn.',
  'Wifi miễn phí hay bị chậm.',
  'Rất hài lòng, thủ tục nhanh gọn.',
  'Đề nghị niêm yết rõ hơn mức lệ phí chứng thực.',
  'Chỗ để xe máy hơi chật.',
  'Mong phường tiếp tục duy trì ngày trả kết quả trong ngày.',
  'Cán bộ tổ dân phố thông báo lịch tiếp dân kịp thời.',
  'Nên có hướng dẫn nộp hồ sơ trực tuyến cho người cao tuổi.',
  'Cảm ơn lãnh đạo phường đã xuống tổ dân phố lắng nghe ý kiến.',
];

function scoreFor(rnd: () => number, mood: number) { return clamp(mood + (rnd() - 0.5) * 1.6); }

function answerQuestion(rnd: () => number, q: Question, mood: number): Answers[string] | undefined {
  if (!q.required && q.type !== 'matrix' && rnd() < 0.25) return undefined;
  switch (q.type) {
    case 'scale': return scoreFor(rnd, mood);
    case 'matrix': return Object.fromEntries((q.rows ?? []).map((r) => [r.id, scoreFor(rnd, mood)]));
    case 'single': return pick(rnd, q.options ?? []).id;
    case 'multiple': {
      const chosen = (q.options ?? []).filter(() => rnd() < (mood < 3.5 ? 0.5 : 0.2)).map((o) => o.id);
      return chosen.length ? chosen : undefined;
    }
    case 'text': return rnd() < 0.35 ? pick(rnd, COMMENTS) : undefined;
  }
}

/** One respondent's answers; `mood` around 1..5 drives every rating. */
export function demoAnswers(rnd: () => number, def: SurveyDefinition, mood: number): Answers {
  const out: Answers = {};
  for (const q of allQuestions(def)) {
    const a = answerQuestion(rnd, q, mood);
    if (a !== undefined) out[q.id] = a;
  }
  return out;
}

const CHANNEL_MIX: [Channel, number][] = [['qr', 0.4], ['online', 0.2], ['paper', 0.25], ['kiosk', 0.15]];

export function demoChannel(rnd: () => number): Channel {
  let x = rnd();
  for (const [c, p] of CHANNEL_MIX) { if ((x -= p) < 0) return c; }
  return 'online';
}

/** A weekday office-hour instant between `from` and `to` (Vietnam time 07:30–17:00). */
export function demoInstant(rnd: () => number, from: Date, to: Date): Date {
  for (;;) {
    const day = new Date(from.getTime() + rnd() * (to.getTime() - from.getTime()));
    const date = vnDateOf(day);
    if (isoWeekdayOf(date) >= 6) continue;
    const minutes = 450 + Math.floor(rnd() * 570);
    const t = vnDayStart(date).getTime() + minutes * 60_000;
    if (t <= to.getTime()) return new Date(t);
  }
}

/** Satisfaction drifts up through the year as the programme takes hold. */
export function demoMood(rnd: () => number, progress: number): number {
  return 3.95 + 0.35 * progress + (rnd() + rnd() + rnd() - 1.5) * 0.9;
}
