import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPage } from '../../web/render.js';
import { answersFromForm } from './answers.js';
import { bodyOf, deviceId, existingDeviceId, inUnit, issueDeviceCookie, isKioskDevice, langOf, publicSurvey, readVerificationToken, type SurveyContext } from './context.js';
import * as repo from './repo.js';
import type { SurveyRow } from './repo.js';
import { respondentKey } from './respondent.js';
import { AppError } from '../../core/errors.js';
import { deleteDraft, draftKey, isDraftId, newDraftId, saveDraftAnswer, scalePoints } from './drafts.js';
import { currentDefinition, submitResponse, type Respondent } from './service.js';
import type { Channel } from './types.js';
import { Refused, SurveyList, ThankYou } from './views/public-pages.js';
import { SurveyForm, surveyTitle } from './views/survey-form-page.js';
import { showPhoneStep } from './routes-otp.js';
import { unitOf } from '../../core/http/forms.js';

type SlugReq = FastifyRequest<{ Params: { unit: string; slug: string }; Querystring: Record<string, string | undefined> }>;

/** Where the respondent came from: the QR link carries ?kenh=qr, the centre tablet ?kiosk=1. */
export function modeOf(req: SlugReq) {
  const kiosk = req.query.kiosk === '1';
  const qr = req.query.kenh === 'qr';
  return { kiosk, qr, query: kiosk ? '?kiosk=1' : qr ? '?kenh=qr' : '' };
}

function channelOf(ctx: SurveyContext, req: SlugReq): Channel {
  const m = modeOf(req);
  if (m.kiosk && isKioskDevice(ctx, req, unitOf(req).id)) return 'kiosk';
  return m.qr ? 'qr' : 'online';
}

function respondentOf(ctx: SurveyContext, req: SlugReq, reply: FastifyReply, survey: SurveyRow): Respondent | null {
  if (survey.rule === 'none') return null;
  if (modeOf(req).kiosk && isKioskDevice(ctx, req, survey.unit_id)) return { kind: 'exempt' };
  if (survey.rule === 'device') {
    // Only the cookie issued when the form was opened counts. Without it the post is refused;
    // the refusal carries a new cookie so that a real browser's second press goes through.
    const id = existingDeviceId(ctx, req);
    if (id) return { kind: 'device', deviceId: id };
    issueDeviceCookie(ctx, reply);
    return null;
  }
  const otpId = readVerificationToken(ctx, bodyOf(req).xac_thuc);
  return otpId ? { kind: 'phone', otpId } : null;
}

const pageOpts = (req: SlugReq, survey: SurveyRow) => ({
  title: surveyTitle(survey, langOf(req)), bare: modeOf(req).kiosk, current: 'khao-sat',
  styles: ['css/surveys.css'], scripts: modeOf(req).kiosk ? ['js/surveys-kiosk.js', 'js/surveys-draft.js'] : ['js/surveys-draft.js'],
});

async function showForm(ctx: SurveyContext, req: SlugReq, reply: FastifyReply) {
  const { survey, def, answered } = await inUnit(req, async (trx) => {
    const survey = await publicSurvey(trx, req, req.params.slug);
    const def = await currentDefinition(trx, survey);
    let answered = false;
    if (survey.rule === 'device' && !(modeOf(req).kiosk && isKioskDevice(ctx, req, survey.unit_id))) {
      const key = respondentKey(ctx.secret, survey.id, 'device', deviceId(ctx, req, reply));
      answered = await repo.hasRespondentKey(trx, survey.id, key);
    }
    return { survey, def, answered };
  });
  if (survey.status !== 'published' || !def) return renderPage(req, reply, pageOpts(req, survey), <Refused req={req} survey={survey} message={req.t('surveys.closed')} />);
  if (answered) return renderPage(req, reply, pageOpts(req, survey), <Refused req={req} survey={survey} message={req.t('surveys.already')} />);
  if (survey.rule === 'phone') return showPhoneStep(req, reply, survey);
  const action = `/${req.params.unit}/khao-sat/${survey.slug}${modeOf(req).query}`;
  const hidden = { nhap: newDraftId() };
  return renderPage(req, reply, pageOpts(req, survey),
    <SurveyForm req={req} survey={survey} def={def} action={action} kiosk={modeOf(req).kiosk} hidden={hidden} draftUrl={`${action.split('?')[0]}/nhap`} />);
}

async function submit(ctx: SurveyContext, req: SlugReq, reply: FastifyReply) {
  const body = bodyOf(req);
  const outcome = await inUnit(req, async (trx) => {
    const survey = await publicSurvey(trx, req, req.params.slug);
    const def = await currentDefinition(trx, survey);
    const raw = def ? answersFromForm(def, body) : {};
    const result = await submitResponse(trx, {
      survey, raw, channel: channelOf(ctx, req), respondent: respondentOf(ctx, req, reply, survey), secret: ctx.secret,
    });
    if (result.ok && isDraftId(body.nhap)) await deleteDraft(trx, survey.unit_id, survey.id, draftKey(ctx.secret, survey.id, body.nhap));
    return { survey, def, result };
  });
  const { survey, def, result } = outcome;
  const m = modeOf(req);
  if (result.ok) return reply.redirect(`/${req.params.unit}/khao-sat/${survey.slug}/cam-on${m.query}`, 303);
  if (result.reason === 'invalid' && def) {
    const hidden: Record<string, string> = typeof body.xac_thuc === 'string' ? { xac_thuc: body.xac_thuc } : {};
    if (isDraftId(body.nhap)) hidden.nhap = body.nhap;
    const action = `/${req.params.unit}/khao-sat/${survey.slug}${m.query}`;
    return renderPage(req, reply, pageOpts(req, survey),
      <SurveyForm req={req} survey={survey} def={def} action={action} body={body} errors={result.errors} hidden={hidden} kiosk={m.kiosk} />, 422);
  }
  if (result.reason === 'invalid') return renderPage(req, reply, pageOpts(req, survey), <Refused req={req} survey={survey} message={req.t('surveys.closed')} />, 422);
  if (result.reason === 'needDevice' && def) {
    const action = `/${req.params.unit}/khao-sat/${survey.slug}${m.query}`;
    const notice = { title: req.t('surveys.device_needed_title'), text: req.t('surveys.device_needed') };
    return renderPage(req, reply, pageOpts(req, survey),
      <SurveyForm req={req} survey={survey} def={def} action={action} body={body} kiosk={m.kiosk} notice={notice} />, 422);
  }
  if (result.reason === 'needPhone') return showPhoneStep(req, reply, survey, req.t(result.message), 422);
  const status = result.reason === 'already' ? 409 : 422;
  return renderPage(req, reply, pageOpts(req, survey), <Refused req={req} survey={survey} message={req.t(result.message)} />, status);
}

/** First-tap save of one scale answer (JavaScript forms); a later tap on the same scale replaces it. */
async function saveDraft(ctx: SurveyContext, req: SlugReq, reply: FastifyReply) {
  const body = bodyOf(req);
  const field = typeof body.cau === 'string' ? body.cau : '';
  const value = Number(body.gia_tri);
  if (!isDraftId(body.nhap)) throw AppError.badRequest('surveys.error.session_missing');
  const id = body.nhap;
  await inUnit(req, async (trx) => {
    const survey = await publicSurvey(trx, req, req.params.slug);
    const def = survey.status === 'published' ? await currentDefinition(trx, survey) : null;
    if (!def) throw AppError.conflict('surveys.closed');
    const points = scalePoints(def, field);
    if (points === null) throw AppError.unprocessable('surveys.error.not_rating_question');
    if (!Number.isInteger(value) || value < 1 || value > points) throw AppError.unprocessable('surveys.error.points_range').with({ points });
    await saveDraftAnswer(trx, survey.unit_id, survey.id, draftKey(ctx.secret, survey.id, id), field, value);
  });
  return reply.send({ saved: true, field, value });
}

export function registerPublicRoutes(app: FastifyInstance, ctx: SurveyContext): void {
  app.get<{ Params: { unit: string } }>('/:unit/khao-sat', async (req, reply) => {
    const surveys = await inUnit(req, (trx) => repo.listSurveys(trx, unitOf(req).id));
    const shown = surveys.filter((s) => s.status === 'published' || (s.status === 'closed' && s.public_results));
    return renderPage(req, reply, { title: req.t('surveys.public.title'), current: 'khao-sat', styles: ['css/surveys.css'] },
      <SurveyList req={req} surveys={shown} />);
  });
  app.get('/:unit/khao-sat/:slug', (req, reply) => showForm(ctx, req as SlugReq, reply));
  app.post('/:unit/khao-sat/:slug', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    (req, reply) => submit(ctx, req as SlugReq, reply));
  app.post('/:unit/khao-sat/:slug/nhap', { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } },
    (req, reply) => saveDraft(ctx, req as SlugReq, reply));
  app.get('/:unit/khao-sat/:slug/cam-on', async (req, reply) => {
    const r = req as SlugReq;
    const survey = await inUnit(r, (trx) => publicSurvey(trx, r, r.params.slug));
    const formUrl = `/${r.params.unit}/khao-sat/${survey.slug}${modeOf(r).query}`;
    return renderPage(r, reply, pageOpts(r, survey), <ThankYou req={r} survey={survey} kiosk={modeOf(r).kiosk} formUrl={formUrl} />);
  });
}
