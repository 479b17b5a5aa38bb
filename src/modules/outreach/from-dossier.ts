import { vnDateOf } from '../../lib/vn-calendar/index.js';
import type { DossierLetterRef } from '../dossiers/index.js';
import type { LetterInput } from './letters-service.js';

/** dd/mm/yyyy of a 'YYYY-MM-DD' date or of an instant (Vietnam time). */
function showDay(v: string | Date | null): string {
  if (!v) return '';
  const iso = typeof v === 'string' ? v : vnDateOf(v);
  return iso.split('-').reverse().join('/');
}

/**
 * A letter from a dossier (pure): congratulation on a marriage registration, condolence after a
 * death registration, apology for an overdue dossier (Mẫu 04: reason and new date).
 * @example letterFromDossier('marriage', ref).fields.ngay_su_kien // '05/03/2026'
 */
export function letterFromDossier(kind: 'marriage' | 'condolence' | 'apology', d: DossierLetterRef): LetterInput {
  const base = { kind, recipientName: d.applicantName, address: d.applicantAddress, source: 'dossier', sourceRef: d.code };
  if (kind === 'apology') {
    return {
      ...base, email: d.applicantEmail, channel: d.applicantEmail ? 'email' : 'in_person',
      fields: {
        ma_ho_so: d.code, thu_tuc: d.procedureName, ngay_hen: showDay(d.dueDate),
        ly_do: d.apology?.reason ?? '', ngay_hen_moi: showDay(d.apology?.newDueDate ?? null),
      },
    };
  }
  return { ...base, channel: 'in_person', fields: { ngay_su_kien: showDay(d.returnedAt ?? d.receivedAt) } };
}
