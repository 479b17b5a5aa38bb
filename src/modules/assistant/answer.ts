import type { Translate } from '../../core/i18n.js';
import { factTexts, type Citation, type ProcedureFacts } from './facts.js';
import type { Intent } from './intent.js';

export interface UnitContact { name: string; address: string | null; hotline: string | null }

export interface ComposedAnswer {
  /** Plain text, one fact per line; rendered escaped (the page turns lines into paragraphs). */
  text: string;
  citations: Citation[];
}

/**
 * The templated answer: only catalogue facts, each cited. `url(p)` is the procedure page.
 * `intents` are what was asked (fee, time, …); which-procedure gives a short summary.
 */
export function composeAnswer(t: Translate, p: ProcedureFacts, intents: Intent[], unit: UnitContact, url: string): ComposedAnswer {
  const f = factTexts(t, p);
  const lines: string[] = [];
  const citations: Citation[] = [];
  const cite = (field: Citation['field'], quote: string) => citations.push({ procedure_id: p.id, field, quote, url });
  const name = f.name;
  cite('name', name);
  for (const intent of intents) {
    switch (intent) {
      case 'fee':
        lines.push(t('assistant.answer.fee', { name, fee: f.fee }));
        if (f.feeNote) lines.push(t('assistant.answer.note', { note: f.feeNote }));
        cite('fee', f.fee);
        break;
      case 'time':
        lines.push(t('assistant.answer.time', { name, time: f.time }));
        if (f.timeNote) lines.push(t('assistant.answer.note', { note: f.timeNote }));
        cite('time', f.time);
        break;
      case 'documents':
        if (f.documents.length === 0) {
          lines.push(t('assistant.answer.no_documents', { name }));
        } else {
          lines.push(t('assistant.answer.documents', { name }));
          f.documents.forEach((d, i) => { lines.push(`${i + 1}. ${d}`); cite('documents', d); });
        }
        break;
      case 'where': {
        const counter = p.counter ? t('assistant.answer.counter', { counter: p.counter }) : '';
        lines.push(t('assistant.answer.where', { name, unit: unit.name, address: unit.address ? `, ${unit.address}` : '', counter }));
        if (p.counter) cite('counter', p.counter);
        break;
      }
      case 'online':
        lines.push(p.onlineLevel ? t('assistant.answer.online', { name, level: f.online }) : t('assistant.answer.offline', { name }));
        cite('online', f.online);
        break;
      default:
        lines.push(t('assistant.answer.procedure', { name, field: p.field }));
        lines.push(t('assistant.answer.summary', { time: f.time, fee: f.fee }));
        cite('time', f.time);
        cite('fee', f.fee);
    }
  }
  lines.push(t('assistant.answer.more', { url }));
  return { text: lines.join('\n'), citations };
}

/** When unsure: the top choices and the hotline, as a clarifying question. */
export function composeClarification(t: Translate, choices: { name: string }[], unit: UnitContact): ComposedAnswer {
  const lines = choices.length > 0
    ? [t('assistant.answer.clarify'), ...choices.map((c, i) => `${i + 1}. ${c.name}`)]
    : [t('assistant.answer.not_found')];
  lines.push(unit.hotline ? t('assistant.answer.hotline', { hotline: unit.hotline }) : t('assistant.answer.visit', { unit: unit.name }));
  return { text: lines.join('\n'), citations: [] };
}
