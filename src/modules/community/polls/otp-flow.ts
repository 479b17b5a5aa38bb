import { uuidv7 } from 'uuidv7';
import { AppError } from '../../../core/errors.js';
import { checkOtp, generateCode, hashCode, normalisePhone, OTP_TTL_MS } from '../../surveys/index.js';
import type { CommunityContext, Trx } from '../context.js';
import * as households from '../households/repo.js';
import type { CodeChannel } from './messaging.js';
import * as repo from './repo.js';
import { pollPhase } from './rules.js';
import { castVote } from './votes.js';

/** Codes one household may request per poll and hour (limits SMS cost and abuse). */
export const CODES_PER_HOUR = 3;

export interface IssuedCode { otpId: string; code: string; phone: string; householdLabel: string; expiresAt: Date }

/** "Nguyễn Văn An" → "N*** V** An": enough for the voter to recognise the household. */
export const maskName = (name: string) => name.split(' ').map((w, i,
  a) => (i === a.length - 1 ? w : `${w[0]}${'*'.repeat(Math.max(1, w.length - 1))}`)).join(' ');

/**
 * A code for the household registered with this phone in the poll's scope (the first that has
 * not voted when several share a phone). The caller sends it after the transaction commits.
 */
export async function issueCode(trx: Trx, ctx: CommunityContext, poll: repo.PollRow, phoneInput: string,
  channel: CodeChannel): Promise<IssuedCode> {
  if (pollPhase(poll,
    new Date()) !== 'open' || !poll.web_enabled) throw AppError.conflict('Cuộc biểu quyết không trong thời gian nhận phiếu trực tuyến.');
  const phone = normalisePhone(phoneInput);
  if (!phone) throw AppError.unprocessable('Số điện thoại di động không hợp lệ (ví dụ: 0912 345 678).');
  const found = await households.householdsByPhone(trx, phone, poll.group_id);
  if (!found.length) throw AppError.notFound('Số điện thoại này chưa đăng ký với tổ dân phố trong phạm vi biểu quyết. Vui lòng liên hệ tổ trưởng.');
  const pending = [];
  for (const h of found) if (poll.basis === 'resident' || !(await repo.participationOf(trx, poll.id, h.id))) pending.push(h);
  if (!pending.length) throw AppError.conflict('Hộ gia đình của số điện thoại này đã bỏ phiếu.');
  const household = pending[0];
  const recent = await trx.selectFrom('community_poll_otps').select(trx.fn.countAll<number>().as('n')).where('poll_id', '=', poll.id)
    .where('household_id', '=', household.id).where('created_at', '>=', new Date(Date.now() - 3600_000)).executeTakeFirstOrThrow();
  if (Number(recent.n) >= CODES_PER_HOUR) throw AppError.tooMany('Hộ này đã yêu cầu quá nhiều mã. Vui lòng thử lại sau một giờ.');
  const id = uuidv7();
  const code = generateCode();
  const expiresAt = new Date(Date.now() + OTP_TTL_MS);
  await trx.insertInto('community_poll_otps').values({ id, unit_id: poll.unit_id, poll_id: poll.id, household_id: household.id, channel,
    code_hash: hashCode(ctx.otpSecret, id, code), expires_at: expiresAt }).execute();
  return { otpId: id, code, phone, householdLabel: maskName(household.head_name), expiresAt };
}

export const codeText = (code: string, title: string) =>
  `Mã bỏ phiếu: ${code}. Biểu quyết "${title.slice(0, 60)}". Mã dùng một lần, hiệu lực 10 phút. Không chia sẻ mã.`;

export type VoteOutcome = { ok: true } | { ok: false; status: number; message: string };

const CHECK_MESSAGES = {
  expired: 'Mã xác thực đã hết hạn. Vui lòng yêu cầu mã mới.', wrong: 'Mã xác thực không đúng.',
  locked: 'Đã nhập sai quá nhiều lần. Vui lòng yêu cầu mã mới.', used: 'Mã xác thực đã được sử dụng.',
} as const;

/**
 * Checks the code and records the vote in one transaction. A wrong code is counted (the caller
 * must commit, so this returns instead of throwing); a vote refused by the rules throws.
 */
export async function voteWithCode(trx: Trx, ctx: CommunityContext, poll: repo.PollRow, v: {
  otpId: string; code: string; optionId: string; memberId?: string | null; channel: 'web' | 'api'; declareAppToday?: string | null;
}): Promise<VoteOutcome> {
  const otp = /^[0-9a-f-]{36}$/i.test(v.otpId) ? await trx.selectFrom('community_poll_otps').selectAll()
    .where('poll_id', '=', poll.id).where('id', '=', v.otpId).forUpdate().executeTakeFirst() : undefined;
  if (!otp) return { ok: false, status: 404, message: 'Không tìm thấy mã xác thực. Vui lòng yêu cầu mã mới.' };
  const check = checkOtp(ctx.otpSecret, { id: otp.id, codeHash: otp.code_hash, expiresAt: otp.expires_at, attempts: otp.attempts,
    verifiedAt: null, usedAt: otp.used_at }, v.code, new Date());
  if (check === 'wrong') await trx.updateTable('community_poll_otps').set({ attempts: otp.attempts + 1 }).where('id', '=',
    otp.id).execute();
  if (check !== 'ok') return { ok: false, status: check === 'wrong' ? 422 : check === 'locked' ? 429 : 410,
    message: CHECK_MESSAGES[check] };
  const household = await households.getHousehold(trx, otp.household_id);
  if (!household) return { ok: false, status: 404, message: 'Không tìm thấy hộ gia đình.' };
  await castVote(trx, { poll, household, memberId: v.memberId, optionId: v.optionId, channel: v.channel });
  await trx.updateTable('community_poll_otps').set({ used_at: new Date() }).where('id', '=', otp.id).execute();
  if (v.declareAppToday && household.app_status === 'none') {
    await households.updateHousehold(trx, household.id, { app_status: 'declared', app_since: v.declareAppToday });
  }
  return { ok: true };
}

/** Members a resident-basis voter picks from, after the code was sent to their household. */
export const membersForOtp = async (trx: Trx, pollId: string, otpId: string) => {
  const otp = await trx.selectFrom('community_poll_otps').select('household_id').where('poll_id', '=', pollId).where('id', '=',
    otpId).executeTakeFirst();
  return otp ? households.listMembers(trx, otp.household_id as string) : [];
};
