import type { Block, OfficialDocument } from '../../../lib/documents/index.js';
import { levelGaps } from '../scorecard.js';
import type { Rubric } from '../rubric/model.js';
import type { UnitScorecard } from '../service.js';

export type ReportKind = 'annual' | 'midterm' | 'final';

const KIND_TITLE: Record<ReportKind, string> = {
  annual: 'Tự đánh giá kết quả xây dựng "Chính quyền thân thiện" năm',
  midterm: 'Sơ kết giữa kỳ thực hiện Đề án "Chính quyền thân thiện" đến năm',
  final: 'Tổng kết thực hiện Đề án "Chính quyền thân thiện" đến năm',
};

const n = (x: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
const level = (l: number) => (l ? `Mức ${l}` : 'chưa đạt Mức 1');
const STATUS = { met: 'Đạt', partial: 'Đạt một phần', not_met: 'Chưa đạt', not_measured: 'Chưa đo', pending: 'Chờ duyệt' } as const;

function valueText(i: UnitScorecard['criteria'][number]['indicators'][number]): string {
  if (i.value === null) return 'Chưa đo';
  if (i.source.startsWith('scoring.')) return i.value >= 1 ? 'Đạt' : i.value > 0 ? 'Một phần' : 'Chưa đạt';
  if (i.unit === 'boolean') return i.value >= 1 ? 'Có' : 'Không';
  return i.unit === 'percent' ? `${n(i.value)} %` : n(i.value);
}

function criterionBlocks(card: UnitScorecard): Block[] {
  return card.criteria.flatMap((c): Block[] => [
    { kind: 'paragraph', bold: true, text: `${c.number}. Tiêu chí ${c.number}: ${c.title.vi} — ${n(c.points)}/${n(c.max)} điểm (${n(c.percent)} %)` },
    { kind: 'table', columns: ['TT', 'Chỉ số', 'Kết quả', 'Điểm', 'Đánh giá'], widths: [7, 50, 15, 12, 16], align: ['center', 'left', 'center', 'center', 'center'],
      rows: c.indicators.map((i, k) => [String(k + 1), i.label.vi, valueText(i), `${n(i.points)}/${n(i.max)}`, STATUS[i.status]]) },
  ]);
}

/** Previous years side by side, for the mid-term and final reviews. */
function historyBlocks(history: UnitScorecard[]): Block[] {
  if (!history.length) return [];
  return [
    { kind: 'paragraph', bold: true, text: 'Kết quả qua các năm' },
    { kind: 'table', columns: ['Năm', 'Tiêu chí 1', 'Tiêu chí 2', 'Tiêu chí 3', 'Tiêu chí 4', 'Tổng điểm', 'Mức'],
      rows: history.map((h) => [String(h.year), ...h.criteria.map((c) => n(c.points)), n(h.points), level(h.level)]) },
  ];
}

/**
 * The self-assessment report in the official layout (src/lib/documents): the scorecard, each
 * criterion's indicators, what is missing for the next level, and (reviews) the years so far.
 * Every figure comes from the same scorecard the API returns.
 */
export function selfAssessmentDocument(o: { card: UnitScorecard; rubric: Rubric; kind: ReportKind; history: UnitScorecard[]; date: Date }): OfficialDocument {
  const { card } = o;
  const unitName = card.unit.name;
  const gaps = card.level < 4 ? levelGaps(o.rubric, card, card.level + 1) : [];
  const names = new Map(card.criteria.flatMap((c) => c.indicators).map((i) => [i.key, i.label.vi]));
  const gapText = gaps.map((g) => g.kind === 'total' ? `tổng điểm cần đạt ${g.need} % (hiện ${n(g.have)} %)`
    : g.kind === 'criterion' ? `${g.ref.replace('c', 'tiêu chí ')} cần đạt ${g.need} % số điểm (hiện ${n(g.have)} %)` : `bắt buộc đạt chỉ số "${names.get(g.ref) ?? g.ref}"`);
  return {
    governingBody: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG',
    issuingBody: `ỦY BAN NHÂN DÂN ${unitName.toUpperCase()}`,
    number: `    /BC-UBND`,
    place: unitName,
    date: o.date,
    typeName: 'BÁO CÁO',
    summary: `${KIND_TITLE[o.kind]} ${card.year}`,
    title: `Báo cáo ${KIND_TITLE[o.kind].toLowerCase()} ${card.year} – ${unitName}`,
    blocks: [
      { kind: 'paragraph', text: `Thực hiện Đề án xây dựng "Chính quyền thân thiện", Ủy ban nhân dân ${unitName.charAt(0).toLowerCase() + unitName.slice(1)} báo cáo kết quả tự đánh giá năm ${card.year} theo bộ tiêu chí ${card.rubric.key === 'default' ? 'mặc định' : `của ${card.rubric.key}`} (phiên bản ${card.rubric.version}) như sau:` },
      { kind: 'paragraph', bold: true, text: 'I. KẾT QUẢ CHUNG' },
      { kind: 'field', label: 'Tổng điểm tự đánh giá', value: `${n(card.points)}/${n(card.max)} điểm (${n(card.percent)} %)` },
      { kind: 'field', label: 'Mức đạt', value: level(card.level) },
      { kind: 'field', label: 'Số chỉ số đã đo', value: `${card.measured}/${card.total}` },
      { kind: 'field', label: 'Tình trạng', value: card.finalised ? 'Đã chốt số liệu' : 'Tạm tính (chưa chốt số liệu)' },
      { kind: 'paragraph', bold: true, text: 'II. KẾT QUẢ THEO TỪNG TIÊU CHÍ' },
      ...criterionBlocks(card),
      ...historyBlocks(o.history),
      { kind: 'paragraph', bold: true, text: 'III. ƯỚC TÍNH BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QUYẾT ĐỊNH 766/QĐ-TTg)' },
      { kind: 'table', columns: ['Nhóm chỉ số', 'Điểm ước tính', 'Tối đa'], widths: [60, 20, 20], align: ['left', 'center', 'center'],
        rows: card.national.groups.map((g) => [g.label.vi, g.points === null ? 'Chưa có dữ liệu' : n(g.points), String(g.max)]) },
      { kind: 'paragraph', italic: true, text: 'Số liệu trên là ước tính từ dữ liệu của phần mềm, không thay thế kết quả chính thức.' },
      { kind: 'paragraph', bold: true, text: 'IV. TỒN TẠI VÀ PHƯƠNG HƯỚNG' },
      gapText.length ? { kind: 'list', items: gapText.map((g) => `Để đạt ${level(card.level + 1)}: ${g}.`) } : { kind: 'paragraph', text: 'Đơn vị đã đạt mức cao nhất của bộ tiêu chí.' },
    ],
    signers: [{ authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' }],
    recipients: ['UBND thành phố Hải Phòng;', 'Sở Nội vụ thành phố;', 'Đảng ủy, HĐND phường;', 'Lưu: VT, VHXH.'],
  };
}
