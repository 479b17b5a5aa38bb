import type { SeedContext } from '../../core/module.js';

/** A few questions citizens asked, so the staff review page and the indicator have content. */
const DEMO: { q: string; intent: string; confidence: 'high' | 'low' | 'none'; helpful: boolean | null; daysAgo: number }[] = [
  { q: 'dang ky ket hon bao nhieu tien', intent: 'fee', confidence: 'high', helpful: true, daysAgo: 40 },
  { q: 'làm giấy khai sinh cần giấy tờ gì', intent: 'documents', confidence: 'high', helpful: true, daysAgo: 33 },
  { q: 'xin giấy phép xây dựng nhà 3 tầng ở đâu', intent: 'where', confidence: 'none', helpful: null, daysAgo: 21 },
  { q: 'cap doi can cuoc mat bao lau', intent: 'time', confidence: 'low', helpful: false, daysAgo: 12 },
  { q: 'chứng thực bản sao sổ đỏ hết bao nhiêu', intent: 'fee', confidence: 'high', helpful: null, daysAgo: 6 },
  { q: 'đăng ký xe máy mới mua ở phường được không', intent: 'which-procedure', confidence: 'low', helpful: null, daysAgo: 3 },
  { q: 'trợ cấp người cao tuổi 80 tuổi nộp ở đâu', intent: 'where', confidence: 'high', helpful: true, daysAgo: 1 },
];

export async function seedAssistantDemo({ db, unitId, now }: SeedContext): Promise<void> {
  for (const d of DEMO) {
    const at = new Date(now.getTime() - d.daysAgo * 86400_000);
    const c = await db.insertInto('assistant_conversations')
      .values({ unit_id: unitId, lang: 'vi', turns: 1, created_at: at, updated_at: at }).returning(['id']).executeTakeFirstOrThrow();
    await db.insertInto('assistant_questions').values({
      unit_id: unitId, conversation_id: c.id, question: d.q, lang: 'vi', intent: d.intent, confidence: d.confidence,
      helpful: d.helpful, created_at: at,
    }).execute();
  }
}
