import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { Alert } from '../../web/components/display.js';
import { renderPage, renderStaffPage } from '../../web/render.js';
import { answersFromForm } from './answers.js';
import { bodyOf, inUnit, publicSurvey, surveyById, type SurveyContext } from './context.js';
import { STAFF_ROLES } from './routes-builder.js';
import { currentDefinition, submitResponse } from './service.js';
import type { AnswerError } from './answer-errors.js';
import { PaperForm } from './views/paper-form.js';
import { SurveyForm } from './views/survey-form-page.js';

type IdReq = FastifyRequest<{ Params: { unit: string; id: string }; Querystring: { da_nhap?: string } }>;

async function showKeyIn(req: IdReq, reply: FastifyReply, body?: Record<string, unknown>, errors?: AnswerError[], status = 200) {
  const { survey, def } = await inUnit(req, async (trx) => {
    const survey = await surveyById(trx, req, req.params.id);
    return { survey, def: await currentDefinition(trx, survey) };
  });
  if (!def || survey.status !== 'published') throw AppError.conflict('surveys.error.paper_not_open');
  const base = `/quan-tri/${req.params.unit}/khao-sat/${survey.id}`;
  const crumbs = [{ label: req.t('surveys.staff.title'), href: `/quan-tri/${req.params.unit}/khao-sat` }, { label: survey.title_vi, href: base }];
  return renderStaffPage(req, reply, { title: req.t('surveys.builder.key_in'), breadcrumbs: crumbs, current: 'khao-sat', styles: ['css/surveys.css'] }, <>
    <p class="lead">{req.t('surveys.keyin.lead')}</p>
    {req.query.da_nhap && !errors && <Alert kind="success">{req.t('surveys.keyin.saved')}</Alert>}
    <SurveyForm req={req} survey={survey} def={def} action={`${base}/nhap-phieu`} body={body} errors={errors} intro={false} />
  </>, status);
}

async function keyIn(ctx: SurveyContext, req: IdReq, reply: FastifyReply) {
  const body = bodyOf(req);
  const r = await inUnit(req, async (trx) => {
    const survey = await surveyById(trx, req, req.params.id);
    const def = await currentDefinition(trx, survey);
    const result = await submitResponse(trx, {
      survey, raw: def ? answersFromForm(def, body) : {}, channel: 'paper', respondent: { kind: 'exempt' },
      secret: ctx.secret, enteredBy: req.staff?.userId ?? null,
    });
    if (result.ok) {
      await audit(trx, req, { action: 'survey.paper.enter', entity: 'survey_response', entityId: result.id, after: { survey: survey.id, channel: 'paper' } });
    }
    return result;
  });
  if (r.ok) return reply.redirect(`/quan-tri/${req.params.unit}/khao-sat/${req.params.id}/nhap-phieu?da_nhap=1`, 303);
  if (r.reason === 'invalid') return showKeyIn(req, reply, body, r.errors, 422);
  throw AppError.conflict(r.message);
}

export function registerPaperRoutes(app: FastifyInstance, ctx: SurveyContext): void {
  const guard = { preHandler: app.requireStaff([...STAFF_ROLES]) };
  app.get('/:unit/khao-sat/:slug/phieu', async (req, reply) => {
    const r = req as FastifyRequest<{ Params: { unit: string; slug: string } }>;
    const { survey, def } = await inUnit(r, async (trx) => {
      const survey = await publicSurvey(trx, r, r.params.slug);
      return { survey, def: await currentDefinition(trx, survey) };
    });
    if (!def) throw AppError.notFound('surveys.error.survey_not_found');
    return renderPage(r, reply, { title: survey.title_vi, bare: true, styles: ['css/surveys.css'], scripts: ['js/surveys-print.js'] },
      <PaperForm req={r} survey={survey} def={def} />);
  });
  app.get('/quan-tri/:unit/khao-sat/:id/nhap-phieu', guard, (req, reply) => showKeyIn(req as IdReq, reply));
  app.post('/quan-tri/:unit/khao-sat/:id/nhap-phieu', guard, (req, reply) => keyIn(ctx, req as IdReq, reply));
}
