import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { renderPage, renderStaffPage } from '../../web/render.js';
import { bodyOf, inUnit, setKioskCookie, surveyById, type SurveyContext } from './context.js';
import { slugify } from './definition.js';
import { answersFromForm, validateAnswers } from './answers.js';
import { qrLink } from './qr.js';
import { qrSvg } from '../../lib/qr/index.js';
import * as repo from './repo.js';
import { STAFF_ROLES } from './routes-builder.js';
import { RESULT_ROLES } from './routes-results.js';
import { findTemplate } from './templates.js';
import { PosterPage } from './views/poster-page.js';
import { StaffSurveyList } from './views/staff-list-page.js';
import { SurveyForm } from './views/survey-form-page.js';
import { Alert } from '../../web/components/display.js';
import { str, unitOf } from '../../core/http/forms.js';

type IdReq = FastifyRequest<{ Params: { unit: string; id: string } }>;

async function showList(req: FastifyRequest, reply: FastifyReply, errors?: Record<string, string>, values?: Record<string, unknown>, status = 200) {
  const { surveys, counts } = await inUnit(req, async (trx) => ({
    surveys: await repo.listSurveys(trx, unitOf(req).id), counts: await repo.countResponsesBySurvey(trx, unitOf(req).id),
  }));
  return renderStaffPage(req, reply, { title: req.t('surveys.staff.title'), current: 'khao-sat' },
    <StaffSurveyList req={req} surveys={surveys} counts={counts} errors={errors} values={values} />, status);
}

async function create(req: FastifyRequest, reply: FastifyReply) {
  const body = bodyOf(req);
  const template = findTemplate(str(body.template));
  const title_vi = str(body.title_vi) || template?.title.vi || '';
  const slug = slugify(str(body.slug) || (str(body.title_vi) ? title_vi : template?.slug ?? ''));
  if (!title_vi) return showList(req, reply, { title_vi: 'Cần nhập tên phiếu khảo sát bằng tiếng Việt.' }, body, 422);
  if (!slug) return showList(req, reply, { slug: 'Đường dẫn chỉ gồm chữ không dấu, số và dấu gạch ngang.' }, body, 422);
  const created = await inUnit(req, async (trx) => {
    if (await repo.getSurveyBySlug(trx, unitOf(req).id, slug)) return null;
    const s = await repo.insertSurvey(trx, unitOf(req).id, {
      slug, kind: template?.key ?? 'custom', title_vi, title_en: str(body.title_en) || template?.title.en || '',
      description_vi: template?.description.vi ?? '', description_en: template?.description.en ?? '',
      rule: template?.rule ?? 'device', draft: template?.definition ?? { sections: [] },
    });
    await audit(trx, req, { action: 'survey.create', entity: 'survey', entityId: s.id, after: { slug, title_vi, template: template?.key ?? null } });
    return s;
  });
  if (!created) return showList(req, reply, { slug: `Đường dẫn "${slug}" đã được dùng cho phiếu khác.` }, body, 409);
  return reply.redirect(`/quan-tri/${unitOf(req).slug}/khao-sat/${created.id}`, 303);
}

export function registerStaffRoutes(app: FastifyInstance, ctx: SurveyContext): void {
  const guard = { preHandler: app.requireStaff([...STAFF_ROLES]) };
  app.get('/quan-tri/:unit/khao-sat', { preHandler: app.requireStaff([...RESULT_ROLES]) }, (req, reply) => showList(req, reply));
  app.post('/quan-tri/:unit/khao-sat', guard, create);
  app.get('/quan-tri/:unit/khao-sat/:id/qr.svg', guard, async (req, reply) => {
    const r = req as IdReq;
    const s = await inUnit(r, (trx) => surveyById(trx, r, r.params.id));
    const svg = await qrSvg(qrLink(app.config.publicUrl, unitOf(r).slug, s.slug));
    return reply.type('image/svg+xml').header('content-disposition', `attachment; filename="qr-${s.slug}.svg"`).send(svg);
  });
  app.get('/quan-tri/:unit/khao-sat/:id/ap-phich', guard, async (req, reply) => {
    const r = req as IdReq;
    const s = await inUnit(r, (trx) => surveyById(trx, r, r.params.id));
    const link = qrLink(app.config.publicUrl, unitOf(r).slug, s.slug);
    return renderPage(r, reply, { title: s.title_vi, bare: true, styles: ['css/surveys.css'], scripts: ['js/surveys-print.js'] },
      <PosterPage req={r} survey={s} svg={await qrSvg(link)} link={link} />);
  });
  // Staff see the draft as respondents will; a post only checks the answers, nothing is stored.
  const preview = async (req: FastifyRequest, reply: FastifyReply) => {
    const r = req as IdReq;
    const s = await inUnit(r, (trx) => surveyById(trx, r, r.params.id));
    const body = r.method === 'POST' ? bodyOf(r) : undefined;
    const check = body ? validateAnswers(s.draft, answersFromForm(s.draft, body)) : null;
    const crumbs = [{ label: req.t('surveys.staff.title'), href: `/quan-tri/${r.params.unit}/khao-sat` }, { label: s.title_vi, href: `/quan-tri/${r.params.unit}/khao-sat/${s.id}` }];
    return renderStaffPage(r, reply, { title: req.t('surveys.builder.preview'), breadcrumbs: crumbs, current: 'khao-sat', styles: ['css/surveys.css'] }, <>
      <Alert kind={check?.ok ? 'success' : 'info'}>{req.t(check?.ok ? 'surveys.builder.preview_ok' : 'surveys.builder.preview_note')}</Alert>
      <SurveyForm req={r} survey={s} def={s.draft} action={`/quan-tri/${r.params.unit}/khao-sat/${s.id}/xem-truoc`}
        body={body} errors={check && !check.ok ? check.errors : []} />
    </>, check && !check.ok ? 422 : 200);
  };
  app.get('/quan-tri/:unit/khao-sat/:id/xem-truoc', guard, preview);
  app.post('/quan-tri/:unit/khao-sat/:id/xem-truoc', guard, preview);
  // Turns this browser into the centre's survey kiosk: answers count as channel "kiosk" and
  // the one-response-per-device rule is waived on it (many citizens share the tablet).
  app.get('/quan-tri/:unit/khao-sat/:id/kiosk', guard, async (req, reply) => {
    const r = req as IdReq;
    const s = await inUnit(r, async (trx) => {
      const s = await surveyById(trx, r, r.params.id);
      await audit(trx, r, { action: 'survey.kiosk', entity: 'survey', entityId: s.id });
      return s;
    });
    setKioskCookie(ctx, reply, unitOf(r).id);
    return reply.redirect(`/${unitOf(r).slug}/khao-sat/${s.slug}?kiosk=1`, 303);
  });
}
