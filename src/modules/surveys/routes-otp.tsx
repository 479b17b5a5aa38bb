import { uuidv7 } from 'uuidv7';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { rawQueryParam } from '../../core/http/query.js';
import { renderPage } from '../../web/render.js';
import { bodyOf, inUnit, langOf, publicSurvey, verificationToken, type SurveyContext } from './context.js';
import { checkOtp, generateCode, hashCode, normalisePhone, OTP_MESSAGES, OTP_TTL_MS } from './otp.js';
import * as repo from './repo.js';
import type { SurveyRow } from './repo.js';
import { respondentKey } from './respondent.js';
import { currentDefinition } from './service.js';
import { smsSender } from './sms.js';
import { CodeStep, PhoneStep } from './views/public-pages.js';
import { SurveyForm, surveyTitle } from './views/survey-form-page.js';

type SlugReq = FastifyRequest<{ Params: { unit: string; slug: string }; Querystring: Record<string, string | undefined> }>;

/** Codes a phone may request per survey and hour (limits SMS cost and abuse). */
export const OTP_PER_HOUR = 3;

// Kept across the phone and code steps: the kiosk and QR channel markers of the survey's links.
const queryOf = (req: FastifyRequest) =>
  rawQueryParam(req, 'kiosk') === '1' ? '?kiosk=1' : rawQueryParam(req, 'kenh') === 'qr' ? '?kenh=qr' : '';
const opts = (req: FastifyRequest, s: SurveyRow) => ({ title: surveyTitle(s, langOf(req)), current: 'khao-sat', styles: ['css/surveys.css'] });

export function showPhoneStep(req: FastifyRequest, reply: FastifyReply, survey: SurveyRow, error?: string, status = 200, phone?: string) {
  return renderPage(req, reply, opts(req, survey), <PhoneStep req={req} survey={survey} error={error} phone={phone} query={queryOf(req)} />, status);
}

async function requestCode(ctx: SurveyContext, req: SlugReq, reply: FastifyReply) {
  const input = String(bodyOf(req).phone ?? '');
  const phone = normalisePhone(input);
  const r = await inUnit(req, async (trx) => {
    const survey = await publicSurvey(trx, req, req.params.slug);
    if (survey.rule !== 'phone' || survey.status !== 'published') throw AppError.notFound();
    if (!phone) return { survey, error: OTP_MESSAGES.phone, status: 422 };
    const phoneKey = respondentKey(ctx.secret, survey.id, 'phone', phone);
    if (await repo.hasRespondentKey(trx, survey.id, phoneKey)) return { survey, error: OTP_MESSAGES.already, status: 409 };
    if (await repo.recentOtpCount(trx, survey.id, phoneKey, new Date(Date.now() - 3600_000)) >= OTP_PER_HOUR) {
      return { survey, error: 'surveys.error.too_many_codes', status: 429 };
    }
    const id = uuidv7();
    const code = generateCode();
    await repo.insertOtp(trx, {
      id, unit_id: survey.unit_id, survey_id: survey.id, phone_key: phoneKey,
      code_hash: hashCode(ctx.secret, id, code), expires_at: new Date(Date.now() + OTP_TTL_MS),
    });
    return { survey, id, code };
  });
  if ('error' in r) return showPhoneStep(req, reply, r.survey, req.t(r.error!), r.status, input);
  // The phone number leaves the server only here, to the SMS adapter; it is never stored.
  await smsSender(req.log).send(phone!, `Mã xác thực khảo sát: ${r.code}. Mã có hiệu lực trong 10 phút.`);
  return renderPage(req, reply, opts(req, r.survey), <CodeStep req={req} survey={r.survey} otpId={r.id} query={queryOf(req)} />);
}

async function verifyCode(ctx: SurveyContext, req: SlugReq, reply: FastifyReply) {
  const body = bodyOf(req);
  const otpId = String(body.otp ?? '');
  const r = await inUnit(req, async (trx) => {
    const survey = await publicSurvey(trx, req, req.params.slug);
    const otp = await repo.getOtp(trx, survey.id, otpId);
    if (!otp || survey.rule !== 'phone') throw AppError.notFound('surveys.error.otp_not_found');
    const check = checkOtp(ctx.secret, {
      id: otp.id, codeHash: otp.code_hash, expiresAt: otp.expires_at, attempts: otp.attempts, verifiedAt: otp.verified_at, usedAt: otp.used_at,
    }, String(body.code ?? ''), new Date());
    if (check === 'wrong') await repo.updateOtp(trx, otp.id, { attempts: otp.attempts + 1 });
    if (check === 'ok') await repo.updateOtp(trx, otp.id, { verified_at: new Date() });
    return { survey, check, def: await currentDefinition(trx, survey) };
  });
  if (r.check === 'ok' && r.def) {
    const action = `/${req.params.unit}/khao-sat/${r.survey.slug}${queryOf(req)}`;
    return renderPage(req, reply, opts(req, r.survey),
      <SurveyForm req={req} survey={r.survey} def={r.def} action={action} hidden={{ xac_thuc: verificationToken(ctx, otpId) }} />);
  }
  if (r.check === 'wrong') {
    return renderPage(req, reply, opts(req, r.survey), <CodeStep req={req} survey={r.survey} otpId={otpId} error={req.t(OTP_MESSAGES.wrong)} query={queryOf(req)} />, 422);
  }
  const message = r.check === 'ok' ? OTP_MESSAGES.used : OTP_MESSAGES[r.check];
  return showPhoneStep(req, reply, r.survey, req.t(message), r.check === 'locked' ? 429 : 422);
}

export function registerOtpRoutes(app: FastifyInstance, ctx: SurveyContext): void {
  const rateLimit = { max: 10, timeWindow: '10 minutes' };
  app.post('/:unit/khao-sat/:slug/xac-thuc', { config: { rateLimit } }, (req, reply) => requestCode(ctx, req as SlugReq, reply));
  app.post('/:unit/khao-sat/:slug/xac-thuc/ma', { config: { rateLimit } }, (req, reply) => verifyCode(ctx, req as SlugReq, reply));
}
