import { excelLib } from '../../../lib/lazy-modules.js';
import type { CityRanking, UnitScorecard } from '../service.js';

const LEVEL = (l: number) => (l ? `Mức ${l}` : 'Chưa đạt Mức 1');

/** The city ranking as a workbook: one row per unit, criteria points, level. */
export async function rankingWorkbook(r: CityRanking, cityName: string): Promise<Buffer> {
  const ExcelJS = excelLib();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Xếp hạng ${r.year}`);
  ws.addRow([`${cityName} — xếp hạng "Chính quyền thân thiện" năm ${r.year} (bộ tiêu chí ${r.rubric.key} v${r.rubric.version})`]).font = { bold: true };
  const head = ws.addRow(['Hạng', 'Đơn vị', 'Loại', 'Mức', 'Điểm', 'Tối đa', 'Tỷ lệ (%)', 'Tiêu chí 1', 'Tiêu chí 2', 'Tiêu chí 3', 'Tiêu chí 4', 'Chỉ số đã đo', 'Đã chốt']);
  head.font = { bold: true };
  for (const u of r.units) {
    ws.addRow([u.rank, u.unit.name, u.unit.type, LEVEL(u.level), u.points, u.max, u.percent, ...u.criteria.map((c) => c.points),
      `${u.measured}/${u.total}`, u.finalised ? 'Có' : 'Không']);
  }
  ws.columns.forEach((c, i) => { c.width = i === 1 ? 30 : 12; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A unit's scoring table: every indicator with value, points and status, criterion subtotals. */
export async function scorecardWorkbook(card: UnitScorecard): Promise<Buffer> {
  const ExcelJS = excelLib();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Bảng điểm ${card.year}`);
  ws.addRow([`${card.unit.name} — bảng điểm tự đánh giá "Chính quyền thân thiện" năm ${card.year}`]).font = { bold: true };
  ws.addRow([`Tổng: ${card.points}/${card.max} điểm (${card.percent} %) — ${LEVEL(card.level)}`]);
  ws.addRow(['Mã', 'Tiêu chí / chỉ số', 'Nguồn số liệu', 'Giá trị', 'Tử số', 'Mẫu số', 'Điểm', 'Tối đa', 'Đánh giá']).font = { bold: true };
  const STATUS = { met: 'Đạt', partial: 'Đạt một phần', not_met: 'Chưa đạt', not_measured: 'Chưa đo', pending: 'Chờ duyệt' } as const;
  for (const c of card.criteria) {
    ws.addRow([c.id, `Tiêu chí ${c.number}: ${c.title.vi}`, '', '', '', '', c.points, c.max, `${c.percent} %`]).font = { bold: true };
    for (const i of c.indicators) {
      ws.addRow([i.key, i.label.vi, i.source, i.value ?? 'Chưa đo', i.numerator ?? '', i.denominator ?? '', i.points, i.max, STATUS[i.status]]);
    }
  }
  ws.addRow(['', 'Tổng cộng', '', '', '', '', card.points, card.max, LEVEL(card.level)]).font = { bold: true };
  ws.columns.forEach((c, i) => { c.width = i === 1 ? 60 : 14; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
