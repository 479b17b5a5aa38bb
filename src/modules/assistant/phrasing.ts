import type { ModelEndpoint } from '../../core/config.js';
import type { Lang } from '../../core/i18n.js';
import type { ProcedureFacts } from './facts.js';
import { ungroundedFacts } from './grounding.js';
import { chat } from './model-client.js';

const PHRASE_SYSTEM: Record<Lang, string> = {
  vi: 'Bạn là trợ lý của Trung tâm Phục vụ hành chính công. Viết lại câu trả lời dưới đây cho thân thiện, ngắn gọn, '
    + 'bằng tiếng Việt. Chỉ dùng các thông tin trong câu trả lời mẫu; không thêm số tiền, thời hạn, giấy tờ nào khác; '
    + 'giữ nguyên tên thủ tục và đường dẫn.',
  en: 'You are the assistant of a public administration service centre. Rewrite the answer below in friendly, short '
    + 'English. Use only the facts in the draft answer; add no other fee, time limit or paper; keep the procedure name and link.',
};

/**
 * The model's wording of the templated answer, or null when it states anything the catalogue does
 * not (a number that is not in the facts, or it drops the procedure's name).
 */
export async function phraseWithModel(ep: ModelEndpoint, lang: Lang, question: string, draft: string, p: ProcedureFacts): Promise<string | null> {
  const text = await chat(ep, PHRASE_SYSTEM[lang], `Câu hỏi / question: ${question}\n\nCâu trả lời mẫu / draft answer:\n${draft}`);
  const sources = [draft, p.name, p.processing.note ?? '', p.fee.note ?? '', ...p.documents].join('\n');
  return ungroundedFacts(text, sources, p.name).length === 0 ? text.slice(0, 4000) : null;
}

/** A short catalogue search query for a question the lexicon could not place (model optional). */
export async function rewriteQuery(ep: ModelEndpoint, question: string): Promise<string | null> {
  const text = await chat(ep,
    'Chuyển câu hỏi của người dân thành tên thủ tục hành chính cấp xã ngắn gọn bằng tiếng Việt (tối đa 8 từ), chỉ trả lời tên thủ tục.',
    question);
  const line = text.split('\n')[0].replace(/["«»]/g, '').trim();
  return line.length > 0 && line.length <= 120 ? line : null;
}
