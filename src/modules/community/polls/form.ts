import { randomBytes } from 'node:crypto';
import { legalDefaults, MATTERS, type Matter } from './rules.js';
import type { NewPoll } from './repo.js';
import { parseVnLocalDateTime } from '../../../lib/vn-calendar/index.js';

export interface PollFields {
  title: string; description: string; matter: string; group_id: string; basis: string; secret: string;
  opens_at: string; closes_at: string; quorum_percent: string; threshold_percent: string; threshold_base: string; options: string;
}
const NAMES: (keyof PollFields)[] = ['title', 'description', 'matter', 'group_id', 'basis', 'secret', 'opens_at', 'closes_at',
  'quorum_percent', 'threshold_percent', 'threshold_base', 'options'];
export const pollFieldsOf = (b: Record<string, string>): PollFields => Object.fromEntries(NAMES.map((k) => [k,
  (b[k] ?? '').trim()])) as never;

/** An 8-character code for the public link: lower-case letters and digits without look-alikes. */
export function newPollCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}

function percent(text: string, fallback: number): number | null {
  if (!text) return fallback;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 && n <= 100 ? Math.round(n * 100) / 100 : null;
}

export function validatePoll(f: PollFields, groupIds: Set<string>): { ok: true; poll: Omit<NewPoll,
  'code'>; options: string[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!f.title) errors.title = 'Nhập nội dung cần biểu quyết.';
  else if (f.title.length > 300) errors.title = 'Nội dung quá dài (tối đa 300 ký tự).';
  const matter = MATTERS.find((m) => m === f.matter) as Matter | undefined;
  if (!matter) errors.matter = 'Chọn loại việc theo Luật Thực hiện dân chủ ở cơ sở.';
  const law = legalDefaults(matter ?? 'self_managed');
  if (f.group_id && !groupIds.has(f.group_id)) errors.group_id = 'Chọn tổ dân phố hoặc toàn phường.';
  const basis = f.basis || law.basis;
  if (basis !== 'household' && basis !== 'resident') errors.basis = 'Chọn cách tính: mỗi hộ một phiếu hoặc mỗi người một phiếu.';
  const opens = parseVnLocalDateTime(f.opens_at);
  const closes = parseVnLocalDateTime(f.closes_at);
  if (!opens) errors.opens_at = 'Nhập thời gian bắt đầu (ngày và giờ).';
  if (!closes) errors.closes_at = 'Nhập thời gian kết thúc (ngày và giờ).';
  else if (opens && closes <= opens) errors.closes_at = 'Thời gian kết thúc phải sau thời gian bắt đầu.';
  const quorum = percent(f.quorum_percent, law.quorumPercent);
  if (quorum === null) errors.quorum_percent = 'Tỷ lệ tham gia tối thiểu là số từ 0 đến 100.';
  const threshold = percent(f.threshold_percent, law.thresholdPercent);
  if (threshold === null) errors.threshold_percent = 'Tỷ lệ tán thành là số từ 0 đến 100.';
  const base = f.threshold_base || law.thresholdBase;
  if (base !== 'eligible' && base !== 'cast') errors.threshold_base = 'Chọn cách tính tỷ lệ tán thành.';
  if (matter && matter !== 'consultation' && base === 'cast') errors.threshold_base = 'Việc nhân dân quyết định tính trên tổng số cử tri/hộ, không trên số phiếu (Luật Thực hiện dân chủ ở cơ sở).';
  if (matter && matter !== 'consultation' && quorum !== null && quorum < 50) errors.quorum_percent = 'Việc nhân dân quyết định cần trên 50% cử tri/hộ tham gia; không đặt thấp hơn 50.';
  const options = f.options.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  if (options.length < 2) errors.options = 'Cần ít nhất hai phương án, mỗi dòng một phương án (ví dụ: Đồng ý / Không đồng ý).';
  else if (new Set(options).size !== options.length) errors.options = 'Các phương án không được trùng nhau.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, options, poll: {
    title: f.title, description: f.description, matter: matter!, group_id: f.group_id || null, basis: basis as 'household',
    secret: f.secret ? f.secret === 'on' || f.secret === '1' : law.secret, opens_at: opens!, closes_at: closes!,
    quorum_percent: quorum!, threshold_percent: threshold!, threshold_base: base as 'eligible', web_enabled: true,
  } };
}
