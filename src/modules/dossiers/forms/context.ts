import type { Block, OfficialDocument, Signer } from '../../../lib/documents/index.js';
import { vnDateTimeOf } from '../../../lib/vn-calendar/plain-date.js';
import { showDate } from '../domain/rules.js';
import type { ApologyRow, DossierEventRow, DossierRow, DossierSettings, PauseRow } from '../domain/types.js';

/** Everything a one-stop form needs, loaded once by the repo. */
export interface FormContext {
  unitName: string; // "Phường Chu Văn An"
  dossier: DossierRow;
  decidingUnitName: string;
  events: DossierEventRow[];
  pauses: PauseRow[];
  apologies: ApologyRow[];
  settings: DossierSettings;
  now: Date;
  /** Public look-up link of the dossier (printed as a QR code on Mẫu 01); null when unknown. */
  lookupUrl?: string | null;
  /** The form's number in the unit's register for the year ("Số:"), from dossier_form_numbers. */
  formNumber?: number | null;
  /** The return counter configured for the procedure in the catalogue (e.g. "Quầy 1"), or null. */
  counter?: string | null;
}

/** Register number as printed: a leading zero only below 10 (Decree 30/2020). @example registerNumber(7) // '07' */
export const registerNumber = (n: number) => (n < 10 ? `0${n}` : String(n));

const FORM_SYMBOLS: Record<Exclude<FormNumber, '05'>, string> = { '01': 'TNHS', '02': 'BSHS', '03': 'TCHS', '04': 'XL', '06': 'KSHS' };

/** The day a form speaks of (never after `now`): receipt, supplement request, refusal, apology. */
export function formDate(ctx: FormContext, form: FormNumber): Date {
  const d = ctx.dossier;
  const last = (action: string) => [...ctx.events].reverse().find((e) => e.action === action)?.at;
  const at = form === '01' ? d.received_at
    : form === '02' ? last('request_supplement') ?? d.received_at
      : form === '03' ? last('refuse') ?? d.received_at
        : form === '04' ? ctx.apologies[ctx.apologies.length - 1]?.issued_at ?? ctx.now
          : ctx.now;
  return at.getTime() > ctx.now.getTime() ? ctx.now : at;
}

export const FORM_NUMBERS = ['01', '02', '03', '04', '05', '06'] as const;
export type FormNumber = (typeof FORM_NUMBERS)[number];

/** Names of the forms (Decree 61/2018 appendix, same purposes under Decree 118/2025). */
export const FORM_NAMES: Record<FormNumber, string> = {
  '01': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  '02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  '03': 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  '04': 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  '05': 'Sổ theo dõi hồ sơ',
  '06': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
};

/** "14 giờ 05 phút, ngày 12/03/2026" (Vietnam time); open a sentence with "Vào lúc …", never "Ngày 14 giờ". */
export function showDateTime(at: Date): string {
  const { date, minutes } = vnDateTimeOf(at);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh} giờ ${mm} phút, ngày ${showDate(date)}`;
}

/** Header shared by every form: the unit's People's Committee over its service centre. */
export function baseDocument(ctx: FormContext, form: FormNumber, extra: Partial<OfficialDocument>): OfficialDocument {
  return {
    governingBody: `ỦY BAN NHÂN DÂN ${ctx.unitName.toUpperCase()}`,
    issuingBody: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
    number: `${ctx.formNumber ? registerNumber(ctx.formNumber) : ''}/${FORM_SYMBOLS[form as Exclude<FormNumber, '05'>]}`,
    place: ctx.unitName,
    date: formDate(ctx, form),
    typeName: FORM_NAMES[form].toUpperCase(),
    summary: `Mã hồ sơ: ${ctx.dossier.code}`,
    blocks: [],
    signers: [],
    title: `${FORM_NAMES[form]} — ${ctx.dossier.code}`,
    ...extra,
  };
}

export const applicantBlocks = (d: DossierRow): Block[] => [
  { kind: 'field', label: 'Ông/bà', value: d.applicant_name },
  ...(d.applicant_address ? [{ kind: 'field' as const, label: 'Địa chỉ', value: d.applicant_address }] : []),
  ...(d.applicant_phone ? [{ kind: 'field' as const, label: 'Số điện thoại', value: d.applicant_phone }] : []),
  ...(d.applicant_email ? [{ kind: 'field' as const, label: 'Thư điện tử', value: d.applicant_email }] : []),
  { kind: 'field', label: 'Nội dung yêu cầu giải quyết', value: d.procedure_name },
];

export const officerSigner = (title: string, name: string | null): Signer =>
  ({ title, hint: '(Ký và ghi rõ họ tên)', name: name ?? '' });

export const lines = (text: string | null) => (text ?? '').split(/\r?\n|;/).map((s) => s.trim()).filter(Boolean);
