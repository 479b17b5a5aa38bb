import type { OfficialDocument } from '../../../lib/documents/index.js';
import { showDate } from '../domain/rules.js';
import type { Block } from '../../../lib/documents/index.js';
import { vnInstant, vnYearOf } from '../../../lib/vn-calendar/index.js';
import { applicantBlocks, baseDocument, lines, officerSigner, registerNumber, showDateTime, type FormContext, type FormNumber } from './context.js';

/**
 * Why a form cannot be issued yet (409), or null: Mẫu 02 needs a recorded supplement request with
 * what is missing, Mẫu 03 a recorded refusal with its reasons, Mẫu 04 an apology — a form never
 * carries placeholder text.
 */
export function formPrecondition(ctx: Pick<FormContext, 'dossier' | 'events' | 'apologies'>, form: FormNumber): string | null {
  const d = ctx.dossier;
  const did = (action: string) => ctx.events.some((e) => e.action === action);
  if (form === '02' && !(did('request_supplement') && lines(d.missing_papers).length)) {
    return 'Chỉ lập Mẫu 02 sau khi đã ghi nhận yêu cầu bổ sung hồ sơ và nội dung cần bổ sung.';
  }
  if (form === '03' && !(did('refuse') && lines(d.refusal_reason).length)) {
    return 'Chỉ lập Mẫu 03 sau khi đã ghi nhận việc từ chối và lý do từ chối.';
  }
  if (form === '04' && !(ctx.apologies.length && d.due_date)) return 'Chỉ lập Mẫu 04 sau khi đã lập phiếu xin lỗi (lý do, ngày hẹn mới).';
  return null;
}
import { committeeSigner } from './signature.js';

const CHANNEL_TEXT = { in_person: 'trực tiếp tại Bộ phận Một cửa', online: 'trực tuyến qua Cổng Dịch vụ công', postal: 'qua dịch vụ bưu chính công ích' };

/**
 * The processing period as Mẫu 01 states it ("Thời gian giải quyết hồ sơ theo quy định"), or null
 * when unknown (an imported dossier without a period).
 */
export function processingPeriod(d: FormContext['dossier']): string | null {
  if (d.fast_track) return 'Trong ngày (ngày giải quyết nhanh)';
  const n = d.working_days;
  if (n > 0 && d.limit_kind === 'calendar_days') return `${n} ngày`;
  if (n > 0 && d.limit_kind === 'working_hours') return `${n} giờ làm việc`;
  if (n > 0) return `${n} ngày làm việc`;
  return d.source === 'import' ? null : d.procedure_cutoff ? `Trong ngày (nhận sau ${d.procedure_cutoff} trả ngày làm việc tiếp theo)` : 'Trong ngày';
}

/** "17 giờ 00 phút, ngày 09/03/2026", and a warning when the holiday year is not official yet. */
function returnTime(d: FormContext['dossier']): string {
  if (!d.due_date) return 'sẽ hẹn sau khi hồ sơ đầy đủ, hợp lệ';
  const at = d.due_at ?? vnInstant(d.due_date, 17 * 60);
  const note = d.due_confidence === 'official' ? ''
    : ' (lịch nghỉ lễ năm này chưa có thông báo chính thức; ngày hẹn có thể được điều chỉnh)';
  return `${showDateTime(at)}${note}`;
}

/** The register line of Mẫu 01: book = the year's book, number = the form's number in it. */
function registerLine(ctx: FormContext): string | null {
  if (!ctx.formNumber) return null;
  const year = vnYearOf(ctx.dossier.received_at);
  return `Vào Sổ theo dõi hồ sơ, Quyển số: 01/${year}, Số thứ tự: ${registerNumber(ctx.formNumber)}.`;
}

/** Where the result is collected: the procedure's counter first (catalogue), then the unit's setting. */
export function collectPlace(ctx: Pick<FormContext, 'counter' | 'settings' | 'unitName'>): string {
  const centre = `Trung tâm Phục vụ hành chính công ${ctx.unitName}`;
  if (ctx.counter) return `${ctx.counter}, ${centre}`;
  return ctx.settings.collect_place || centre;
}

/** Mẫu 01 — receipt and appointment. */
export function form01(ctx: FormContext): OfficialDocument {
  const d = ctx.dossier;
  const period = processingPeriod(d);
  const papers: Block[] = d.papers?.length
    ? [
      { kind: 'paragraph', text: 'Thành phần hồ sơ đã nhận gồm:' },
      { kind: 'table', columns: ['STT', 'Tên giấy tờ'], rows: d.papers.map((p, i) => [String(i + 1), p]), widths: [10, 90] },
    ]
    : [];
  const register = registerLine(ctx);
  return baseDocument(ctx, '01', {
    blocks: [
      { kind: 'paragraph', text: `Trung tâm Phục vụ hành chính công ${ctx.unitName} tiếp nhận hồ sơ ${CHANNEL_TEXT[d.channel]} của:` },
      ...applicantBlocks(d),
      ...papers,
      ...(ctx.decidingUnitName !== ctx.unitName ? [{ kind: 'field' as const, label: 'Cơ quan có thẩm quyền giải quyết', value: ctx.decidingUnitName }] : []),
      { kind: 'field', label: 'Số lượng hồ sơ', value: '01 (một) bộ' },
      ...(period ? [{ kind: 'field' as const, label: 'Thời gian giải quyết hồ sơ theo quy định', value: period }] : []),
      { kind: 'field', label: 'Thời gian nhận hồ sơ', value: showDateTime(d.received_at) },
      { kind: 'field', label: 'Thời gian trả kết quả giải quyết hồ sơ', value: returnTime(d) },
      { kind: 'field', label: 'Đăng ký nhận kết quả tại', value: collectPlace(ctx) },
      ...(register ? [{ kind: 'paragraph' as const, text: register }] : []),
      { kind: 'paragraph', italic: true, text: 'Công dân tra cứu tình trạng hồ sơ bằng mã hồ sơ và 4 số cuối điện thoại trên trang của phường.' },
      ...(ctx.lookupUrl ? [{ kind: 'qr' as const, value: ctx.lookupUrl, caption: [`Mã hồ sơ: ${d.code}`, 'Quét mã QR để tra cứu tình trạng hồ sơ (nhập thêm 4 số cuối điện thoại).'] }] : []),
    ],
    signers: [officerSigner('NGƯỜI NỘP HỒ SƠ', d.applicant_name), officerSigner('NGƯỜI TIẾP NHẬN HỒ SƠ', d.officer_name)],
  });
}

/** Mẫu 02 — what is missing, listed once (hướng dẫn một lần). */
export function form02(ctx: FormContext): OfficialDocument {
  const d = ctx.dossier;
  const missing = lines(d.missing_papers);
  return baseDocument(ctx, '02', {
    blocks: [
      { kind: 'paragraph', text: `Vào lúc ${showDateTime(d.received_at)}, Trung tâm Phục vụ hành chính công ${ctx.unitName} tiếp nhận hồ sơ của:` },
      ...applicantBlocks(d),
      { kind: 'paragraph', text: 'Sau khi xem xét, hồ sơ chưa đầy đủ, hợp lệ. Đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:' },
      { kind: 'list', items: missing },
      { kind: 'paragraph', text: 'Thời gian bổ sung hồ sơ không tính vào thời hạn giải quyết. Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ Trung tâm Phục vụ hành chính công để được hướng dẫn.' },
    ],
    signers: [officerSigner('NGƯỜI HƯỚNG DẪN', d.officer_name)],
    recipients: ['Người nộp hồ sơ;', 'Lưu: Trung tâm PVHCC.'],
  });
}

/** Mẫu 03 — refusal with reasons. */
export function form03(ctx: FormContext): OfficialDocument {
  const d = ctx.dossier;
  return baseDocument(ctx, '03', {
    blocks: [
      { kind: 'paragraph', text: `Trung tâm Phục vụ hành chính công ${ctx.unitName} tiếp nhận hồ sơ của:` },
      ...applicantBlocks(d),
      { kind: 'paragraph', text: 'Qua xem xét, cơ quan có thẩm quyền từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:' },
      { kind: 'list', items: lines(d.refusal_reason) },
      { kind: 'paragraph', text: 'Xin thông báo để ông/bà được biết và thực hiện.' },
    ],
    signers: [officerSigner('NGƯỜI TIẾP NHẬN HỒ SƠ', d.officer_name)],
    recipients: ['Người nộp hồ sơ;', 'Lưu: Trung tâm PVHCC.'],
  });
}

/**
 * Mẫu 04 — apology and new appointment (latest apology). The body responsible for the delay
 * apologises: the deciding unit's People's Committee is the issuing body, so the signature's
 * "TM. ỦY BAN NHÂN DÂN" speaks for the body named in the header (a deputy signs "KT. CHỦ TỊCH").
 */
export function form04(ctx: FormContext): OfficialDocument {
  const d = ctx.dossier;
  const apology = ctx.apologies[ctx.apologies.length - 1];
  if (!apology || !d.due_date) throw new Error('Mẫu 04 needs an apology and a due date (checked by formPrecondition)');
  const originalDue = showDate(d.due_date);
  const deciding = ctx.decidingUnitName || ctx.unitName;
  return baseDocument(ctx, '04', {
    governingBody: undefined,
    issuingBody: `ỦY BAN NHÂN DÂN ${deciding.toUpperCase()}`,
    place: deciding,
    addressee: `Ông/Bà ${d.applicant_name}`,
    blocks: [
      { kind: 'paragraph', text: `Vào lúc ${showDateTime(d.received_at)}, Trung tâm Phục vụ hành chính công ${ctx.unitName} tiếp nhận hồ sơ đề nghị giải quyết thủ tục: ${d.procedure_name}. Thời gian hẹn trả kết quả: ngày ${originalDue}.` },
      { kind: 'paragraph', text: `Tuy nhiên đến nay, cơ quan giải quyết chưa trả kết quả giải quyết hồ sơ của ông/bà đúng hẹn. Lý do: ${apology.reason}.` },
      { kind: 'paragraph', text: 'Sự chậm trễ này đã gây phiền hà cho ông/bà. Chúng tôi trân trọng xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào:' },
      { kind: 'field', label: 'Ngày hẹn trả kết quả mới', value: showDate(apology.new_due_date) },
      { kind: 'paragraph', text: 'Mong nhận được sự thông cảm của ông/bà.' },
    ],
    signers: [committeeSigner(apology.leader_title, apology.leader_name)],
    recipients: ['Như trên;', 'Lưu: VT, Trung tâm PVHCC.'],
  });
}
