import { tokenize } from '../../lib/vn-text/index.js';

/** What a question asks about (the `kind` of the evaluation questions). */
export type Intent = 'which-procedure' | 'fee' | 'time' | 'documents' | 'where' | 'online';
export const INTENTS: Intent[] = ['which-procedure', 'fee', 'time', 'documents', 'where', 'online'];

/**
 * Cue phrases per intent, folded, matched on whole words. A phrase of more words outweighs a
 * shorter one ("bao nhieu ngay" is time, not fee). Vietnamese with and without marks, colloquial
 * forms, and English.
 */
const CUES: Record<Exclude<Intent, 'which-procedure'>, string[]> = {
  fee: [
    'bao nhieu tien', 'het bao nhieu', 'mat bao nhieu tien', 'ton bao nhieu', 'ton tien', 'mat tien', 'tien phi', 'le phi', 'phi',
    'bao nhieu', 'gia bao nhieu', 'may nghin', 'bao nhieu nghin', 'may tram', 'nghin', 'ngan', 'dong', 'mien phi', 'co mat phi', 'tra tien', 'nop tien', 'dong tien', 'bao tien', 'may tien', 'nhieu tien',
    'how much', 'cost', 'costs', 'fee', 'fees', 'price', 'charge', 'free', 'pay',
  ],
  time: [
    'bao lau', 'mat bao lau', 'may ngay', 'bao nhieu ngay', 'mat may ngay', 'bao gio', 'khi nao', 'lau khong', 'lau ko',
    'thoi gian', 'thoi han', 'trong bao lau', 'may hom', 'bao nhieu hom', 'nhanh khong', 'lay ngay', 'lay duoc ngay', 'co ngay',
    'ngay trong ngay', 'tra ket qua', 'bao lau thi', 'lay dc', 'lay duoc', 'how long', 'how many days', 'when', 'time', 'days',
  ],
  documents: [
    'giay to gi', 'can giay to', 'can nhung gi', 'can nhung giay', 'nhung giay to', 'mang theo', 'mang gi', 'can mang', 'chuan bi',
    'can gi', 'ho so gom', 'ho so can', 'thanh phan ho so', 'can nop gi', 'nop nhung gi', 'giay gi', 'what documents', 'documents',
    'papers', 'paperwork', 'bring', 'need to bring', 'what do i need',
  ],
  where: [
    'o dau', 'nop o dau', 'lam o dau', 'cho nao', 'noi nao', 'quay nao', 'quay so', 'den dau', 'dia chi', 'phong nao', 'o phuong hay',
    'where', 'which counter', 'address',
  ],
  online: [
    'online', 'truc tuyen', 'qua mang', 'tren mang', 'dich vu cong', 'vneid', 'khong can den', 'nop qua', 'tren dien thoai',
    'qua dien thoai', 'internet', 'qua app', 'dvc', 'cong dich vu cong',
  ],
};

/**
 * Phrases that look like a cue but ask which procedure to do ("cần làm giấy tờ gì": what paperwork
 * must I do). They are consumed first and count for `which-procedure`.
 */
const PROCEDURE_CUES = [
  'lam giay to gi', 'lam giay gi', 'lam thu tuc gi', 'thu tuc gi', 'lam gi', 'lam the nao', 'lam sao', 'the nao', 'thi sao',
  'how do i', 'how can i', 'which procedure', 'what licence', 'what license', 'do i need to register',
];

/** Phrases that contain a cue word but ask nothing ("chưa bao giờ" = never, "mai táng phí" = an allowance). */
const NEUTRAL = ['chua bao gio', 'bao gio cung', 'khong bao gio', 'tu bao gio', 'mai tang phi', 'ho tro chi phi', 'kinh phi'];

interface Cue { words: string[]; intent: Intent | null }

const ALL_CUES: Cue[] = [
  ...NEUTRAL.map((p) => ({ words: p.split(' '), intent: null })),
  ...PROCEDURE_CUES.map((p) => ({ words: p.split(' '), intent: 'which-procedure' as Intent })),
  ...Object.entries(CUES).flatMap(([intent, phrases]) => phrases.map((p) => ({ words: p.split(' '), intent: intent as Intent }))),
].sort((a, b) => b.words.length - a.words.length);

export interface IntentResult {
  intent: Intent;
  /** Every intent with its weight (a question may ask two things: "phí và thời gian"). */
  scores: Record<Intent, number>;
  /** The words of the question that are not cues: what the question is about. */
  topicWords: string[];
}

/**
 * Detects what is asked: `detectIntent('đăng ký kết hôn bao nhiêu tiền')` → fee, topic
 * `dang ky ket hon`. Longest cue first; a cue phrase of n words weighs n; the heaviest specific
 * intent wins (ties: the earlier in INTENTS), which-procedure when there is none.
 */
export function detectIntent(question: string): IntentResult {
  const tokens = tokenize(question);
  const scores = Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<Intent, number>;
  const topicWords: string[] = [];
  for (let at = 0; at < tokens.length; ) {
    const cue = ALL_CUES.find((c) => c.words.every((w, i) => tokens[at + i] === w));
    if (cue) {
      if (cue.intent) scores[cue.intent] += cue.words.length;
      at += cue.words.length;
    } else {
      topicWords.push(tokens[at]);
      at += 1;
    }
  }
  // A specific cue wins: procedure cues only keep "làm giấy tờ gì" from reading as "which papers".
  const best = (INTENTS.filter((i) => i !== 'which-procedure') as Intent[])
    .reduce<Intent | null>((acc, i) => (scores[i] > (acc ? scores[acc] : 0) ? i : acc), null);
  const intent = best ?? 'which-procedure';
  return { intent, scores, topicWords };
}

/** Every intent asked with at least half the weight of the strongest (answers may cover two). */
export function askedIntents(r: IntentResult): Intent[] {
  if (r.intent === 'which-procedure') return ['which-procedure'];
  const top = r.scores[r.intent];
  return INTENTS.filter((i) => i !== 'which-procedure' && r.scores[i] > 0 && r.scores[i] * 2 >= top)
    .sort((a, b) => r.scores[b] - r.scores[a]);
}
