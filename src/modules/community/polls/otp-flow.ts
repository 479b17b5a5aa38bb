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
    new Date()) !== 'open' || !poll.web_enabled) throw AppError.conflict('community.error.poll_not_online');
  const phone = normalisePhone(phoneInput);
  if (!phone) throw AppError.unprocessable('community.error.mobile_format');
  const found = await households.householdsByPhone(trx, phone, poll.group_id);
  if (!found.length) throw AppError.notFound('community.error.phone_not_registered');
  const pending = [];
  for (const h of found) if (poll.basis === 'resident' || !(await repo.participationOf(trx, poll.id, h.id))) pending.push(h);
  if (!pending.length) throw AppError.conflict('community.error.household_voted');
  const household = pending[0];
  const recent = await trx.selectFrom('community_poll_otps').select(trx.fn.countAll<number>().as('n')).where('poll_id', '=', poll.id)
    .where('household_id', '=', household.id).where('created_at', '>=', new Date(Date.now() - 3600_000)).executeTakeFirstOrThrow();
  if (Number(recent.n) >= CODES_PER_HOUR) throw AppError.tooMany('community.error.too_many_codes');
  const id = uuidv7();
  const code = generateCode();
  const expiresAt = new Date(Date.now() + OTP_TTL_MS);
  await trx.insertInto('community_poll_otps').values({ id, unit_id: poll.unit_id, poll_id: poll.id, household_id: household.id, channel,
    code_hash: hashCode(ctx.otpSecret, id, code), expires_at: expiresAt }).execute();
  return { otpId: id, code, phone, householdLabel: maskName(household.head_name), expiresAt };
}

export const codeText = (code: string, title: string) =>
  `Mã bỏ phiếu: ${code}. Biểu quyết "${title.slice(0, 60)}". Mã dùng một lần, hiệu lực 10 phút. Không chia sẻ mã.`;

/** A refused vote: `message` is a message key. */
export type VoteOutcome = { ok: true } | { ok: false; status: number; message: string };

const CHECK_MESSAGES = {
  expired: 'community.error.code_expired', wrong: 'community.error.code_wrong',
  locked: 'community.error.code_locked', used: 'community.error.code_used',
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
  if (!otp) return { ok: false, status: 404, message: 'community.error.code_not_found' };
  const check = checkOtp(ctx.otpSecret, { id: otp.id, codeHash: otp.code_hash, expiresAt: otp.expires_at, attempts: otp.attempts,
    verifiedAt: null, usedAt: otp.used_at }, v.code, new Date());
  if (check === 'wrong') await trx.updateTable('community_poll_otps').set({ attempts: otp.attempts + 1 }).where('id', '=',
    otp.id).execute();
  if (check !== 'ok') return { ok: false, status: check === 'wrong' ? 422 : check === 'locked' ? 429 : 410,
    message: CHECK_MESSAGES[check] };
  const household = await households.getHousehold(trx, otp.household_id);
  if (!household) return { ok: false, status: 404, message: 'community.error.household_not_found' };
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
