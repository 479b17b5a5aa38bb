import { translatorFor } from '../../../core/i18n.js';
import type { OfficialDocument } from '../../../lib/documents/index.js';
import { vnDateOf } from '../../../lib/vn-calendar/plain-date.js';
import { showDate } from '../domain/rules.js';
import type { DossierEventRow } from '../domain/types.js';
import { messages } from '../i18n.js';
import { baseDocument, showDateTime, type FormContext } from './context.js';

/** The labels of actions and timings come from the module's messages, in Vietnamese (the language of the form). */
const vi = translatorFor(messages, 'vi');

/** Who hands the dossier over and who takes it at one step. */
type Party = 'citizen' | 'desk' | 'department' | 'leader';

/**
 * The hand-overs of the one-stop process (Mẫu 06: "Giao" / "Nhận" at each step), and whether the
 * officer recorded on the timeline signs as the giver or as the receiver. Events that move nothing
 * (an apology, an import) are not steps.
 */
const STEPS: Partial<Record<string, { from: Party; to: Party; officerIs: 'giver' | 'receiver' }>> = {
  receive: { from: 'citizen', to: 'desk', officerIs: 'receiver' },
  request_supplement: { from: 'desk', to: 'citizen', officerIs: 'giver' },
  supplement: { from: 'citizen', to: 'desk', officerIs: 'receiver' },
  start_processing: { from: 'desk', to: 'department', officerIs: 'giver' },
  approve: { from: 'department', to: 'leader', officerIs: 'receiver' },
  refuse: { from: 'department', to: 'leader', officerIs: 'receiver' },
  mark_result_ready: { from: 'leader', to: 'desk', officerIs: 'receiver' },
  return: { from: 'desk', to: 'citizen', officerIs: 'giver' },
  withdraw: { from: 'desk', to: 'citizen', officerIs: 'giver' },
};

/** Blank lines left above a printed name for the handwritten signature. */
const SIGN_SPACE = '\n\n\n';

export const CONTROL_SLIP_COLUMNS = [
  'Bước xử lý', 'Giao, nhận (cơ quan, bộ phận)', 'Thời gian giao, nhận hồ sơ',
  'Người giao (ký, ghi rõ họ tên)', 'Người nhận (ký, ghi rõ họ tên)', 'Kết quả (trước hạn/đúng hạn/quá hạn)', 'Ghi chú',
];

/** Mẫu 06 — process control slip: each hand-over, its time, giver's and receiver's signatures, in time or late. */
export function form06(ctx: FormContext): OfficialDocument {
  const d = ctx.dossier;
  // Short names in the narrow column (the official form writes "Bộ phận TN&TKQ"); in full above the table.
  const due = d.due_date;
  const deciding = ctx.decidingUnitName || ctx.unitName;
  const party: Record<Party, string> = {
    citizen: 'Tổ chức, cá nhân',
    desk: `TT PVHCC ${ctx.unitName}`,
    department: `Bộ phận chuyên môn ${deciding}`,
    leader: `Lãnh đạo UBND ${deciding}`,
  };
  const steps = ctx.events.filter((e): e is DossierEventRow => STEPS[e.action] !== undefined);
  const rows = steps.map((e, i) => {
    const step = STEPS[e.action]!;
    const day = vnDateOf(e.at);
    const timing = !due ? '' : vi(`dossiers.timing.${day < due ? 'early' : day === due ? 'on_time' : 'late'}`);
    const officer = e.officer_name ?? '';
    const citizen = d.applicant_name;
    const giver = step.from === 'citizen' ? citizen : step.officerIs === 'giver' ? officer : '';
    const receiver = step.to === 'citizen' ? citizen : step.officerIs === 'receiver' ? officer : '';
    return [
      `${i + 1}. ${vi(`dossiers.action.${e.action}`)}`,
      `Giao: ${party[step.from]}\nNhận: ${party[step.to]}`,
      showDateTime(e.at),
      `${SIGN_SPACE}${giver}`,
      `${SIGN_SPACE}${receiver}`,
      timing,
      e.note ?? '',
    ];
  });
  return baseDocument(ctx, '06', {
    blocks: [
      { kind: 'field', label: 'Kèm theo hồ sơ của', value: d.applicant_name },
      { kind: 'field', label: 'Thủ tục', value: d.procedure_name },
      { kind: 'field', label: 'Cơ quan tiếp nhận hồ sơ', value: `Trung tâm Phục vụ hành chính công ${ctx.unitName}` },
      { kind: 'field', label: 'Cơ quan (bộ phận) giải quyết hồ sơ', value: deciding },
      // Decree 118/2025 inter-agency dossiers: the body received in another ward cooperates.
      { kind: 'field', label: 'Cơ quan phối hợp giải quyết', value: deciding !== ctx.unitName ? `Trung tâm Phục vụ hành chính công ${ctx.unitName}` : 'Không' },
      { kind: 'field', label: 'Ngày hẹn trả kết quả', value: due ? showDate(due) : '—' },
      { kind: 'table', columns: CONTROL_SLIP_COLUMNS, rows, widths: [16, 21, 15, 13, 13, 11, 11], align: ['left', 'left', 'center', 'center', 'center', 'center', 'left'] },
      ...ctx.pauses.map((p) => ({ kind: 'paragraph' as const, italic: true, text: `Tạm dừng tính thời hạn (chờ bổ sung) từ ${showDateTime(p.started_at)}${p.ended_at ? ` đến ${showDateTime(p.ended_at)}` : ''}.` })),
    ],
    signers: [],
  });
}
