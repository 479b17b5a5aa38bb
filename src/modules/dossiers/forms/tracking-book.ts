import { excelLib } from '../../../lib/lazy-modules.js';
import { showDate } from '../domain/rules.js';
import type { DossierRow } from '../domain/types.js';
import { STATUS_VI } from '../domain/labels.js';
import { showDateTime } from './context.js';

const COLUMNS = [
  { header: 'STT', width: 6 }, { header: 'Mã hồ sơ', width: 28 }, { header: 'Tên thủ tục hành chính', width: 36 },
  { header: 'Tên cá nhân, tổ chức', width: 24 }, { header: 'Địa chỉ, số điện thoại', width: 28 },
  { header: 'Kênh nộp', width: 12 }, { header: 'Nhận hồ sơ (giờ, ngày)', width: 26 }, { header: 'Hẹn trả kết quả', width: 14 },
  { header: 'Có kết quả (giờ, ngày)', width: 26 }, { header: 'Trả kết quả (giờ, ngày)', width: 26 },
  { header: 'Tình trạng', width: 20 }, { header: 'Ghi chú', width: 24 },
];

const CHANNEL = { in_person: 'Trực tiếp', online: 'Trực tuyến', postal: 'Bưu chính' };

/** Mẫu 05 — the dossier tracking book as an XLSX sheet. */
export async function trackingBookXlsx(unitName: string, dossiers: DossierRow[]): Promise<Buffer> {
  const wb = new (excelLib().Workbook)();
  wb.creator = `Trung tâm Phục vụ hành chính công ${unitName}`;
  const ws = wb.addWorksheet('Sổ theo dõi hồ sơ', { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell(1, 1).value = `SỔ THEO DÕI HỒ SƠ — ${unitName.toUpperCase()}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(3);
  COLUMNS.forEach((c, i) => { header.getCell(i + 1).value = c.header; ws.getColumn(i + 1).width = c.width; });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  dossiers.forEach((d, i) => {
    ws.addRow([
      i + 1, d.code, d.procedure_name, d.applicant_name,
      [d.applicant_address, d.applicant_phone].filter(Boolean).join('; '), CHANNEL[d.channel],
      showDateTime(d.received_at), d.due_date ? showDate(d.due_date) : '', d.result_at ? showDateTime(d.result_at) : '',
      d.returned_at ? showDateTime(d.returned_at) : '', STATUS_VI[d.status],
      [d.apologies > 0 ? 'Đã xin lỗi (Mẫu 04)' : '', d.home_service ? 'Phục vụ tại nhà' : ''].filter(Boolean).join('; '),
    ]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
