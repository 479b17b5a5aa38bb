import { CCCD_QR_ERRORS, parseCccdQr } from '../../../lib/cccd-qr/index.js';
import { normalisePhone } from '../../surveys/index.js';
import { isCccdNumber } from './cccd-crypto.js';

/** What the household form posts, as strings (kept to re-show the form with errors). */
export interface HouseholdFields {
  group_id: string; head_name: string; address: string; phone: string; members: string;
  head_cccd: string; head_birth_date: string; head_sex: string; app_status: string; app_since: string; qr: string;
}

export const FIELD_NAMES: (keyof HouseholdFields)[] = ['group_id', 'head_name', 'address', 'phone', 'members', 'head_cccd',
  'head_birth_date', 'head_sex', 'app_status', 'app_since', 'qr'];

export const fieldsOf = (body: Record<string, string>): HouseholdFields =>
  Object.fromEntries(FIELD_NAMES.map((k) => [k, (body[k] ?? '').trim()])) as unknown as HouseholdFields;

/** Fills identity fields from a scanned CCCD QR (server side, for browsers without the camera script). */
export function applyQr(f: HouseholdFields): { fields: HouseholdFields; error?: string } {
  const r = parseCccdQr(f.qr);
  if (!r.ok) return { fields: f, error: CCCD_QR_ERRORS[r.error] };
  const v = r.value;
  return { fields: { ...f, head_name: v.fullName, head_cccd: v.number, head_birth_date: v.birthDate, head_sex: v.sex,
    address: f.address || v.address, qr: '' } };
}

export interface ValidHousehold {
  groupId: string; headName: string; address: string; phone: string | null; others: string[];
  headCccd: string | null; headBirthDate: string | null; headSex: 'Nam' | 'Nữ' | null;
  app: { status: 'none' | 'declared' | 'confirmed'; since: string | null };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validateHousehold(f: HouseholdFields, groupIds: Set<string>,
  today: string): { ok: true; value: ValidHousehold } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!groupIds.has(f.group_id)) errors.group_id = 'Chọn tổ dân phố của hộ.';
  if (!f.head_name) errors.head_name = 'Nhập họ tên chủ hộ.';
  else if (f.head_name.length > 120) errors.head_name = 'Họ tên quá dài (tối đa 120 ký tự).';
  if (!f.address) errors.address = 'Nhập địa chỉ của hộ.';
  const phone = f.phone ? normalisePhone(f.phone) : null;
  if (f.phone && !phone) errors.phone = 'Số điện thoại di động không hợp lệ (ví dụ: 0912 345 678).';
  const cccd = f.head_cccd.replace(/\s/g, '');
  if (cccd && !isCccdNumber(cccd)) errors.head_cccd = 'Số CCCD phải gồm đúng 12 chữ số.';
  if (f.head_birth_date && (!ISO_DATE.test(f.head_birth_date) || f.head_birth_date > today)) errors.head_birth_date = 'Ngày sinh không hợp lệ.';
  if (f.head_sex && f.head_sex !== 'Nam' && f.head_sex !== 'Nữ') errors.head_sex = 'Giới tính là Nam hoặc Nữ.';
  const status = (['none', 'declared', 'confirmed'] as const).find((s) => s === (f.app_status || 'none'));
  if (!status) errors.app_status = 'Chọn tình trạng cài ứng dụng.';
  if (status && status !== 'none' && !ISO_DATE.test(f.app_since)) errors.app_since = 'Nhập ngày cài ứng dụng Hải Phòng Smart.';
  else if (f.app_since && f.app_since > today) errors.app_since = 'Ngày cài ứng dụng không được sau hôm nay.';
  const others = f.members.split(/\r?\n/).map((s) => s.trim().replace(/\s+/g, ' ')).filter(Boolean);
  if (others.some((m) => m.length > 120)) errors.members = 'Mỗi dòng một họ tên, tối đa 120 ký tự.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: {
    groupId: f.group_id, headName: f.head_name.replace(/\s+/g, ' '), address: f.address.replace(/\s+/g, ' '), phone, others,
    headCccd: cccd || null, headBirthDate: f.head_birth_date || null, headSex: (f.head_sex || null) as 'Nam' | 'Nữ' | null,
    app: { status: status!, since: status === 'none' ? null : f.app_since },
  } };
}
