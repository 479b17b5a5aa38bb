import { translatorFor } from '../../../core/i18n.js';
import { excelLib } from '../../../lib/lazy-modules.js';
import { showDate } from '../domain/rules.js';
import type { DossierEventRow, DossierRow } from '../domain/types.js';
import { messages } from '../i18n.js';
import { showDateTime } from './context.js';

/**
 * Columns of Mẫu 05 "Sổ theo dõi hồ sơ" (Circular 01/2018/TT-VPCP form, same purpose under Decree
 * 118/2025: re-check the numbering against the gazette text), in the official order (1)–(14),
 * then two columns of this app (channel, status) that the official book leaves to "Ghi chú".
 */
export const TRACKING_BOOK_COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Mã hồ sơ', width: 28 },
  { header: 'Tên thủ tục hành chính', width: 36 },
  { header: 'Số lượng hồ sơ (bộ)', width: 10 },
  { header: 'Tên cá nhân, tổ chức', width: 24 },
  { header: 'Địa chỉ, số điện thoại', width: 28 },
  { header: 'Cơ quan chủ trì giải quyết', width: 26 },
  { header: 'Nhận hồ sơ (giờ, ngày)', width: 26 },
  { header: 'Hẹn trả kết quả', width: 14 },
  { header: 'Chuyển hồ sơ đến cơ quan giải quyết (giờ, ngày)', width: 26 },
  { header: 'Nhận kết quả từ cơ quan giải quyết (giờ, ngày)', width: 26 },
  { header: 'Trả kết quả (giờ, ngày)', width: 26 },
  { header: 'Ký nhận', width: 18 },
  { header: 'Ghi chú', width: 24 },
  { header: 'Kênh nộp', width: 12 },
  { header: 'Tình trạng', width: 20 },
] as const;

/** Channel and status labels come from the module's messages, in Vietnamese (the language of the book). */
const vi = translatorFor(messages, 'vi');

/** Hand-over instants of a dossier between the desk and the deciding body, from its timeline. */
export interface HandOvers {
  /** First hand-over to the processing body ("Chuyển xử lý"). */
  handedOverAt: Date | null;
  /** When the desk got the result back ("Có kết quả, chờ trả"). */
  resultReceivedAt: Date | null;
}

export function handOversOf(events: Pick<DossierEventRow, 'action' | 'at'>[]): HandOvers {
  const first = (action: string) => events.filter((e) => e.action === action).map((e) => e.at).sort((a, b) => +a - +b)[0] ?? null;
  return { handedOverAt: first('start_processing'), resultReceivedAt: first('mark_result_ready') };
}

export interface TrackingBookExtras {
  /** Names of the deciding units (`unit_id` → name); the book's own unit when missing. */
  unitNames?: Map<string, string>;
  /** Hand-over instants per dossier id. */
  handOvers?: Map<string, HandOvers>;
}

/** Mẫu 05 — the dossier tracking book as an XLSX sheet (header row 3, one row per dossier from row 4). */
export async function trackingBookXlsx(unitName: string, dossiers: DossierRow[], extras: TrackingBookExtras = {}): Promise<Buffer> {
  const wb = new (excelLib().Workbook)();
  wb.creator = `Trung tâm Phục vụ hành chính công ${unitName}`;
  const ws = wb.addWorksheet('Sổ theo dõi hồ sơ', { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  ws.mergeCells(1, 1, 1, TRACKING_BOOK_COLUMNS.length);
  ws.getCell(1, 1).value = `SỔ THEO DÕI HỒ SƠ — ${unitName.toUpperCase()}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(3);
  TRACKING_BOOK_COLUMNS.forEach((c, i) => { header.getCell(i + 1).value = c.header; ws.getColumn(i + 1).width = c.width; });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  const at = (d: Date | null | undefined) => (d ? showDateTime(d) : '');
  dossiers.forEach((d, i) => {
    const h = extras.handOvers?.get(d.id);
    const row = ws.addRow([
      i + 1, d.code, d.procedure_name, 1, d.applicant_name,
      [d.applicant_address, d.applicant_phone].filter(Boolean).join('; '),
      extras.unitNames?.get(d.unit_id) ?? unitName,
      showDateTime(d.received_at), d.due_date ? showDate(d.due_date) : '',
      at(h?.handedOverAt), at(h?.resultReceivedAt ?? d.result_at), at(d.returned_at),
      '', // Ký nhận: the citizen signs on paper when collecting the result
      [d.apologies > 0 ? 'Đã xin lỗi (Mẫu 04)' : '', d.home_service ? 'Phục vụ tại nhà' : ''].filter(Boolean).join('; '),
      vi(`dossiers.channel.${d.channel}`), vi(`dossiers.status.${d.status}`),
    ]);
    row.height = 30; // room for the signature
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
