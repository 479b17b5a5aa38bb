import { translatorFor } from '../../../core/i18n.js';
import type { Block, OfficialDocument } from '../../../lib/documents/index.js';
import { formatDateTime } from '../../../lib/format.js';
import { messages } from '../i18n.js';
import type { PollRow } from './repo.js';
import type { PollResults } from './results.js';

/** The kind of matter in the wording of the Law on Grassroots Democracy 2022, from the module's messages (the minutes are Vietnamese). */
const vi = translatorFor(messages, 'vi');
const n = (x: number | null) => (x === null ? '–' : `${x.toLocaleString('vi-VN')}%`);

/** "Biên bản kết quả biểu quyết" laid out by src/lib/documents (Decree 30/2020). */
export function pollMinutes(unitName: string, poll: PollRow, scopeName: string, r: PollResults, now: Date): OfficialDocument {
  const unit = unitName.toUpperCase();
  const adopted = r.options.find((o) => o.id === r.outcome.adoptedOptionId);
  const blocks: Block[] = [
    { kind: 'paragraph', text: `Nội dung biểu quyết: ${poll.title}.` },
    { kind: 'field', label: 'Loại việc', value: `${vi(`community.matter_law.${poll.matter}`)} (Luật Thực hiện dân chủ ở cơ sở năm 2022)` },
    { kind: 'field', label: 'Phạm vi', value: scopeName },
    { kind: 'field', label: 'Thời gian nhận phiếu', value: `${formatDateTime(poll.opens_at)} đến ${formatDateTime(poll.closes_at)}` },
    { kind: 'field', label: 'Hình thức',
      value: `${poll.basis === 'household' ? 'mỗi hộ gia đình một phiếu (cử tri đại diện hộ)' : 'mỗi cử tri một phiếu'}; phiếu trực tuyến có mã xác thực và phiếu giấy${poll.secret ? '; bỏ phiếu kín' : ''}` },
    { kind: 'field', label: `Tổng số ${poll.basis === 'household' ? 'hộ' : 'cử tri'}`, value: String(r.eligible) },
    { kind: 'field', label: 'Số tham gia',
      value: `${r.participants} (${n(r.outcome.participationRate)}); trực tuyến ${r.byChannel.web + r.byChannel.api}, phiếu giấy ${r.byChannel.paper}` },
    { kind: 'table', columns: ['Tổ dân phố', 'Số hộ/cử tri', 'Tham gia', 'Tỷ lệ'], widths: [40, 20, 20, 20],
      rows: r.groups.map((g) => [`${g.code} – ${g.name}`, String(g.eligible), String(g.participants), n(g.rate)]) },
    { kind: 'table', columns: ['Phương án', 'Số phiếu',
      `Tỷ lệ trên ${poll.threshold_base === 'eligible' ? 'tổng số' : 'số phiếu'}`, 'Được thông qua'], widths: [46, 18, 18, 18],
      rows: r.options.map((o) => [o.label, String(o.votes), n(o.percentOfBase), o.adopted ? 'Có' : 'Không']) },
    { kind: 'paragraph', text: !r.outcome.quorumMet
      ? `Kết quả: số tham gia chưa vượt ${poll.quorum_percent.toLocaleString('vi-VN')}% nên cuộc biểu quyết không hợp lệ.`
      : adopted ? `Kết quả: phương án "${adopted.label}" được thông qua (trên ${poll.threshold_percent.toLocaleString('vi-VN')}% ${poll.threshold_base === 'eligible' ? 'tổng số' : 'số phiếu'} tán thành).`
        : 'Kết quả: không có phương án nào đạt tỷ lệ tán thành cần thiết.' },
  ];
  return {
    issuingBody: `ỦY BAN NHÂN DÂN ${unit}`, place: unitName, date: now, typeName: 'BIÊN BẢN',
    summary: 'Kết quả biểu quyết của cộng đồng dân cư', blocks, title: `Biên bản biểu quyết – ${poll.title}`,
    signers: [{ title: 'THƯ KÝ', hint: '(Ký, ghi rõ họ tên)' }, { title: 'CHỦ TRÌ', hint: '(Ký, ghi rõ họ tên)' }],
    recipients: ['UBND phường;', 'Ban công tác Mặt trận tổ dân phố;', 'Lưu: VT.'],
  };
}
