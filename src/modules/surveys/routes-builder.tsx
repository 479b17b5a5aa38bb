import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { renderStaffPage } from '../../web/render.js';
import * as b from './builder.js';
import { bodyOf, inUnit, surveyById } from './context.js';
import type { DefinitionProblem } from './definition.js';
import { questionFromForm, type QuestionForm } from './question-form.js';
import * as repo from './repo.js';
import type { SurveyRow, Trx } from './repo.js';
import { close, hasUnpublishedChanges, publish } from './service.js';
import { findQuestion, type SurveyDefinition } from './types.js';
import { BuilderPage } from './views/builder-page.js';
import { QuestionEditor } from './views/question-editor.js';
import { str } from '../../core/http/forms.js';

export const STAFF_ROLES = ['admin', 'leader', 'centre_officer'] as const;
type IdReq = FastifyRequest<{ Params: { unit: string; id: string; qid?: string; sid?: string } }>;

const builderUrl = (req: IdReq, anchor = '') => `/quan-tri/${req.params.unit}/khao-sat/${req.params.id}${anchor}`;

export async function showBuilder(req: IdReq, reply: FastifyReply, problems?: DefinitionProblem[], status = 200) {
  const { survey, changed } = await inUnit(req, async (trx) => {
    const survey = await surveyById(trx, req, req.params.id);
    return { survey, changed: await hasUnpublishedChanges(trx, survey) };
  });
  const crumbs = [{ label: req.t('surveys.staff.title'), href: `/quan-tri/${req.params.unit}/khao-sat` }, { label: survey.title_vi }];
  return renderStaffPage(req, reply, { title: survey.title_vi, breadcrumbs: crumbs, current: 'khao-sat', styles: ['css/surveys.css'] },
    <BuilderPage req={req} survey={survey} changed={changed} problems={problems} publicUrl={req.server.config.publicUrl} />, status);
}

/** Applies one edit to the draft, audited in the same transaction, then back to the builder. */
async function editDraft(req: IdReq, reply: FastifyReply, action: string, edit: (def: SurveyDefinition, s: SurveyRow) => SurveyDefinition, anchor = '') {
  await inUnit(req, async (trx) => {
    const survey = await surveyById(trx, req, req.params.id);
    const draft = edit(survey.draft, survey);
    await repo.updateSurvey(trx, survey.id, { draft });
    await audit(trx, req, { action, entity: 'survey', entityId: survey.id, before: survey.draft, after: draft });
  });
  return reply.redirect(builderUrl(req, anchor), 303);
}

function textPair(body: Record<string, unknown>) {
  const title = { vi: str(body.title_vi), en: str(body.title_en) };
  if (!title.vi || !title.en) throw AppError.unprocessable('surveys.error.name_vi_en_required');
  return title;
}

async function showQuestion(req: IdReq, reply: FastifyReply, errors?: string[], status = 200) {
  const survey = await inUnit(req, (trx) => surveyById(trx, req, req.params.id));
  const q = findQuestion(survey.draft, req.params.qid!);
  if (!q) throw AppError.notFound('surveys.error.question_not_found');
  const crumbs = [{ label: req.t('surveys.staff.title'), href: `/quan-tri/${req.params.unit}/khao-sat` }, { label: survey.title_vi, href: builderUrl(req) }];
  return renderStaffPage(req, reply, { title: req.t('surveys.builder.edit'), breadcrumbs: crumbs, current: 'khao-sat' },
    <><h1>{req.t('surveys.builder.edit')}</h1>
      <QuestionEditor req={req} action={`${builderUrl(req)}/cau-hoi/${q.id}`} question={q} errors={errors} submitLabel={req.t('surveys.builder.save')} /></>, status);
}

async function changeStatus(req: IdReq, reply: FastifyReply) {
  const action = str(bodyOf(req).action);
  const problems = await inUnit(req, async (trx: Trx) => {
    const survey = await surveyById(trx, req, req.params.id);
    if (action === 'publish') {
      const r = await publish(trx, survey);
      if (!r.ok) return r.problems;
      await audit(trx, req, { action: 'survey.publish', entity: 'survey', entityId: survey.id, before: { status: survey.status, version: survey.current_version }, after: { status: r.survey.status, version: r.survey.current_version } });
    } else if (action === 'close') {
      if (survey.status !== 'published') throw AppError.conflict('surveys.error.close_open_only');
      await close(trx, survey);
      await audit(trx, req, { action: 'survey.close', entity: 'survey', entityId: survey.id, before: { status: survey.status }, after: { status: 'closed' } });
    } else throw AppError.badRequest('surveys.error.bad_action');
    return [];
  });
  if (problems.length) return showBuilder(req, reply, problems, 422);
  return reply.redirect(builderUrl(req), 303);
}

export function registerBuilderRoutes(app: FastifyInstance): void {
  const guard = { preHandler: app.requireStaff([...STAFF_ROLES]) };
  app.get('/quan-tri/:unit/khao-sat/:id', guard, (req, reply) => showBuilder(req as IdReq, reply));
  app.post('/quan-tri/:unit/khao-sat/:id/trang-thai', guard, (req, reply) => changeStatus(req as IdReq, reply));
  app.post('/quan-tri/:unit/khao-sat/:id/cai-dat', guard, async (req, reply) => {
    const r = req as IdReq;
    const body = bodyOf(r);
    const rule = str(body.rule);
    if (!['none', 'device', 'phone'].includes(rule)) throw AppError.unprocessable('surveys.error.bad_rule');
    const title_vi = str(body.title_vi);
    if (!title_vi) throw AppError.unprocessable('surveys.error.title_vi_required');
    const patch = { title_vi, title_en: str(body.title_en), description_vi: str(body.description_vi), description_en: str(body.description_en),
      rule: rule as SurveyRow['rule'], public_results: body.public_results === 'on' };
    await inUnit(r, async (trx) => {
      const s = await surveyById(trx, r, r.params.id);
      await repo.updateSurvey(trx, s.id, patch);
      await audit(trx, r, { action: 'survey.settings', entity: 'survey', entityId: s.id,
        before: { title_vi: s.title_vi, rule: s.rule, public_results: s.public_results }, after: patch });
    });
    return reply.redirect(builderUrl(r), 303);
  });
  app.post('/quan-tri/:unit/khao-sat/:id/phan', guard, (req, reply) =>
    editDraft(req as IdReq, reply, 'survey.section.add', (d) => {
      const body = bodyOf(req);
      return b.addSection(d, textPair({ title_vi: body.section_vi, title_en: body.section_en }));
    }));
  app.post('/quan-tri/:unit/khao-sat/:id/phan/:sid/thao-tac', guard, (req, reply) => {
    const r = req as IdReq;
    const action = str(bodyOf(r).action);
    if (!['up', 'down', 'delete', 'rename'].includes(action)) throw AppError.badRequest('surveys.error.bad_action');
    return editDraft(r, reply, `survey.section.${action}`, (d) => {
      if (!b.findSection(d, r.params.sid!)) throw AppError.notFound('surveys.error.section_not_found');
      if (action === 'rename') {
        const body = bodyOf(r);
        return b.renameSection(d, r.params.sid!, textPair({ title_vi: body[`title_vi-${r.params.sid}`], title_en: body[`title_en-${r.params.sid}`] }));
      }
      return action === 'delete' ? b.deleteSection(d, r.params.sid!) : b.moveSection(d, r.params.sid!, action as 'up' | 'down');
    });
  });
  app.post('/quan-tri/:unit/khao-sat/:id/cau-hoi', guard, async (req, reply) => {
    const r = req as IdReq;
    const body = bodyOf(r);
    const parsed = questionFromForm(body as QuestionForm, b.newId('q'));
    if (!parsed.ok) return showBuilder(r, reply, parsed.errors.map((message) => ({ path: 'new', message })), 422);
    return editDraft(r, reply, 'survey.question.add', (d) => {
      if (!b.findSection(d, str(body.section))) throw AppError.unprocessable('surveys.error.section_missing');
      return b.addQuestion(d, str(body.section), parsed.question);
    }, `#q-${parsed.question.id}`);
  });
  app.get('/quan-tri/:unit/khao-sat/:id/cau-hoi/:qid', guard, (req, reply) => showQuestion(req as IdReq, reply));
  app.post('/quan-tri/:unit/khao-sat/:id/cau-hoi/:qid', guard, async (req, reply) => {
    const r = req as IdReq;
    const parsed = questionFromForm(bodyOf(r) as QuestionForm, r.params.qid!);
    if (!parsed.ok) return showQuestion(r, reply, parsed.errors, 422);
    return editDraft(r, reply, 'survey.question.edit', (d) => {
      if (!findQuestion(d, r.params.qid!)) throw AppError.notFound('surveys.error.question_not_found');
      return b.replaceQuestion(d, parsed.question);
    }, `#q-${r.params.qid}`);
  });
  app.post('/quan-tri/:unit/khao-sat/:id/cau-hoi/:qid/thao-tac', guard, (req, reply) => {
    const r = req as IdReq;
    const action = str(bodyOf(r).action);
    if (!['up', 'down', 'delete'].includes(action)) throw AppError.badRequest('surveys.error.bad_action');
    return editDraft(r, reply, `survey.question.${action}`, (d) => {
      if (!findQuestion(d, r.params.qid!)) throw AppError.notFound('surveys.error.question_not_found');
      return action === 'delete' ? b.deleteQuestion(d, r.params.qid!) : b.moveQuestion(d, r.params.qid!, action as 'up' | 'down');
    }, action === 'delete' ? '' : `#q-${r.params.qid}`);
  });
}
