import { validateAnswers } from './answers.js';
import type { AnswerError } from './answer-errors.js';
import { checkDefinition, type DefinitionProblem } from './definition.js';
import * as repo from './repo.js';
import type { SurveyRow, Trx } from './repo.js';
import { canSpend, OTP_MESSAGES } from './otp.js';
import { respondentKey } from './respondent.js';
import type { Channel, SurveyDefinition } from './types.js';

export type Respondent =
  | { kind: 'device'; deviceId: string }
  | { kind: 'phone'; otpId: string }
  | { kind: 'exempt' };

export type SubmitResult =
  | { ok: true; id: string }
  | { ok: false; reason: 'invalid'; errors: AnswerError[] }
  | { ok: false; reason: 'closed' | 'already' | 'needPhone' | 'needDevice'; /** a message key */ message: string };

export interface SubmitInput {
  survey: SurveyRow;
  raw: Record<string, unknown>;
  channel: Channel;
  respondent: Respondent | null;
  secret: string;
  enteredBy?: string | null;
  now?: Date;
}

/** Published versions never change, so their definitions are cached by (survey, version). */
const versionCache = new Map<string, SurveyDefinition>();

/** The definition respondents currently answer (the latest published version). */
export async function currentDefinition(trx: Trx, survey: SurveyRow): Promise<SurveyDefinition | null> {
  if (survey.current_version === 0) return null;
  const key = `${survey.id}:${survey.current_version}`;
  const hit = versionCache.get(key);
  if (hit) return hit;
  const def = (await repo.getVersion(trx, survey.id, survey.current_version))?.definition ?? null;
  if (def) {
    if (versionCache.size > 500) versionCache.clear();
    versionCache.set(key, def);
  }
  return def;
}

/** Vietnamese fallback; the routes show `surveys.device_needed` in the reader's language. */
export const DEVICE_NEEDED = 'surveys.error.device_needed';

async function applyRule(trx: Trx, input: SubmitInput, now: Date): Promise<SubmitResult | null> {
  const { survey, respondent, secret } = input;
  if (survey.rule === 'none' || respondent?.kind === 'exempt') return null;
  if (survey.rule === 'device') {
    // No signed device cookie from opening the form: refused, never counted as a fresh device
    // (else a client that drops cookies would answer as often as the rate limit lets it).
    if (respondent?.kind !== 'device') return { ok: false, reason: 'needDevice', message: DEVICE_NEEDED };
    const key = respondentKey(secret, survey.id, 'device', respondent.deviceId);
    const fresh = await repo.claimRespondentKey(trx, survey.unit_id, survey.id, key);
    return fresh ? null : { ok: false, reason: 'already', message: 'surveys.error.device_answered' };
  }
  const otp = respondent?.kind === 'phone' ? await repo.getOtp(trx, survey.id, respondent.otpId) : undefined;
  if (!otp || !canSpend({ id: otp.id, codeHash: otp.code_hash, expiresAt: otp.expires_at, attempts: otp.attempts, verifiedAt: otp.verified_at, usedAt: otp.used_at }, now)) {
    return { ok: false, reason: 'needPhone', message: 'surveys.error.verify_phone_first' };
  }
  await repo.updateOtp(trx, otp.id, { used_at: now });
  const fresh = await repo.claimRespondentKey(trx, survey.unit_id, survey.id, otp.phone_key);
  return fresh ? null : { ok: false, reason: 'already', message: OTP_MESSAGES.already };
}

/**
 * Validates and stores one response. The rule's key is claimed in the same transaction, so a
 * refused answer set does not use up the person's one response, and two parallel posts from one
 * device cannot both pass.
 */
export async function submitResponse(trx: Trx, input: SubmitInput): Promise<SubmitResult> {
  const now = input.now ?? new Date();
  const { survey } = input;
  const def = await currentDefinition(trx, survey);
  if (survey.status !== 'published' || !def) {
    return { ok: false, reason: 'closed', message: 'surveys.error.not_accepting' };
  }
  const check = validateAnswers(def, input.raw);
  if (!check.ok) return { ok: false, reason: 'invalid', errors: check.errors };
  const refused = await applyRule(trx, input, now);
  if (refused) return refused;
  const { id } = await repo.insertResponse(trx, {
    unit_id: survey.unit_id, survey_id: survey.id, version: survey.current_version,
    channel: input.channel, answers: check.answers, entered_by: input.enteredBy ?? null, submitted_at: input.now,
  });
  return { ok: true, id };
}

/** Publishes the draft as a new version (first publication or a changed definition). */
export async function publish(trx: Trx, survey: SurveyRow): Promise<{ ok: true; survey: SurveyRow } | { ok: false; problems: DefinitionProblem[] }> {
  const problems = checkDefinition(survey.draft);
  if (problems.length) return { ok: false, problems };
  const current = await currentDefinition(trx, survey);
  let version = survey.current_version;
  if (!current || JSON.stringify(current) !== JSON.stringify(survey.draft)) {
    version += 1;
    await repo.insertVersion(trx, survey.unit_id, survey.id, version, survey.draft);
  }
  const updated = await repo.updateSurvey(trx, survey.id, {
    status: 'published', current_version: version, published_at: survey.published_at ?? new Date(), closed_at: null,
  });
  return { ok: true, survey: updated };
}

export const close = (trx: Trx, survey: SurveyRow) =>
  repo.updateSurvey(trx, survey.id, { status: 'closed', closed_at: new Date() });

/** True when the draft differs from what respondents currently see. */
export async function hasUnpublishedChanges(trx: Trx, survey: SurveyRow): Promise<boolean> {
  const current = await currentDefinition(trx, survey);
  return !!current && JSON.stringify(current) !== JSON.stringify(survey.draft);
}

/** Definitions of every published version, to read old answers with the questions they answered. */
export async function versionDefinitions(trx: Trx, surveyId: string): Promise<Map<number, SurveyDefinition>> {
  return new Map((await repo.listVersions(trx, surveyId)).map((v) => [v.version, v.definition]));
}
