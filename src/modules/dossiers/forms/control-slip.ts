import type { OfficialDocument } from '../../../lib/documents/index.js';
import { vnDateOf } from '../../../lib/vn-calendar/plain-date.js';
import { ACTION_VI, TIMING_VI } from '../domain/labels.js';
import { showDate } from '../domain/rules.js';
import { baseDocument, showDateTime, type FormContext } from './context.js';

/** Mẫu 06 — process control slip: every hand-over with its time and whether it was in time. */
export function form06(ctx: FormContext): OfficialDocument {
  const d = ctx.dossier;
  const due = d.due_date;
  const rows = ctx.events.map((e) => {
    const day = vnDateOf(e.at);
    const timing = !due ? '' : day < due ? TIMING_VI.early : day === due ? TIMING_VI.on_time : TIMING_VI.late;
    return [ACTION_VI[e.action as keyof typeof ACTION_VI] ?? e.action, showDateTime(e.at), e.officer_name ?? '', timing, e.note ?? ''];
  });
  return baseDocument(ctx, '06', {
    blocks: [
      { kind: 'field', label: 'Kèm theo hồ sơ của', value: d.applicant_name },
      { kind: 'field', label: 'Thủ tục', value: d.procedure_name },
      { kind: 'field', label: 'Ngày hẹn trả kết quả', value: due ? showDate(due) : '—' },
      { kind: 'table', columns: ['Bước xử lý', 'Thời gian giao, nhận hồ sơ', 'Người thực hiện', 'Kết quả (trước hạn/đúng hạn/quá hạn)', 'Ghi chú'], rows, widths: [22, 24, 18, 18, 18] },
      ...ctx.pauses.map((p) => ({ kind: 'paragraph' as const, italic: true, text: `Tạm dừng tính thời hạn (chờ bổ sung) từ ${showDateTime(p.started_at)}${p.ended_at ? ` đến ${showDateTime(p.ended_at)}` : ''}.` })),
    ],
    signers: [],
  });
}
