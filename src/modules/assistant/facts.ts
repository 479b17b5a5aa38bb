import type { Translate } from '../../core/i18n.js';
import { feeText, onlineLevelText, processingTimeText, tiersText, type Procedure } from '../catalogue/index.js';

/** What the assistant may state about a procedure: only fields of the unit's published catalogue. */
export type ProcedureFacts = Pick<Procedure, 'id' | 'slug' | 'name' | 'nameEn' | 'field' | 'processing' | 'fee' | 'documents' |
  'onlineLevel' | 'counter'>;

export type FactField = 'name' | 'fee' | 'time' | 'documents' | 'counter' | 'online';

/** One fact quoted from the catalogue, with where it comes from. */
export interface Citation { procedure_id: string; field: FactField; quote: string; url: string }

/** The catalogue's own wording of each fact, in the answer's language. */
export function factTexts(t: Translate, p: ProcedureFacts) {
  const tiers = tiersText(t, p.fee);
  return {
    name: p.name,
    fee: tiers ? `${feeText(t, p.fee)} (${tiers})` : feeText(t, p.fee),
    feeNote: p.fee.note,
    time: processingTimeText(t, p.processing),
    timeNote: p.processing.note,
    documents: p.documents,
    online: onlineLevelText(t, p.onlineLevel),
  };
}
