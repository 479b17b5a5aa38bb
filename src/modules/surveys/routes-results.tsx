import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageParam } from '../../web/components/display.js';
import { renderPage, renderStaffPage } from '../../web/render.js';
import { langOf } from './context.js';
import { exportTable, toCsv, toXlsx } from './export.js';
import { crossTab, crossTabbable } from './results.js';
import { loadResults, requirePublicResults } from './results-data.js';
import { findQuestion } from './types.js';
import { PublicResults } from './views/public-results.js';
import { ResultsPage } from './views/results-page.js';
import { surveyTitle } from './views/survey-form-page.js';
import { withQuery, query, Q } from '../../core/http/query.js';

export const RESULT_ROLES = ['admin', 'leader', 'centre_officer', 'viewer', 'inspection'] as const;
type IdReq = FastifyRequest<{ Params: { unit: string; id: string }; Querystring: Record<string, string | undefined> }>;

async function showResults(req: IdReq, reply: FastifyReply) {
  const d = await loadResults(req, { id: req.params.id });
  const rowQ = findQuestion(d.def, req.query.hang ?? '');
  const colQ = findQuestion(d.def, req.query.cot ?? '');
  const cross = rowQ && colQ && crossTabbable(rowQ) && crossTabbable(colQ) ? crossTab(rowQ, colQ, d.responses) : null;
  const crumbs = [{ label: req.t('surveys.staff.title'), href: `/quan-tri/${req.params.unit}/khao-sat` },
    { label: d.survey.title_vi, href: `/quan-tri/${req.params.unit}/khao-sat/${d.survey.id}` }, { label: req.t('surveys.results.title') }];
  return renderStaffPage(req, reply, { title: req.t('surveys.results.title'), breadcrumbs: crumbs, current: 'khao-sat', styles: ['css/surveys.css'], scripts: ['js/surveys-live.js'] },
    <ResultsPage req={req} survey={d.survey} def={d.def} responses={d.responses} index={d.index} year={d.year} years={d.years}
      cross={cross} rowQ={rowQ?.id} colQ={colQ?.id} page={pageParam(req.query)} />);
}

async function exportResults(req: IdReq, reply: FastifyReply, format: 'csv' | 'xlsx') {
  const d = await loadResults(req, { id: req.params.id });
  const table = exportTable(d.def, d.responses, langOf(req));
  const name = `khao-sat-${d.survey.slug}${d.year ? `-${d.year}` : ''}`;
  if (format === 'csv') {
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(toCsv(table));
  }
  const buf = await toXlsx(table, d.survey.slug);
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${name}.xlsx"`).send(buf);
}

export function registerResultsRoutes(app: FastifyInstance): void {
  const guard = { preHandler: app.requireStaff([...RESULT_ROLES]) };
  app.get('/quan-tri/:unit/khao-sat/:id/ket-qua', withQuery(guard, query({ trang: Q.page, nam: Q.year })), (req, reply) => showResults(req as IdReq, reply));
  app.get('/quan-tri/:unit/khao-sat/:id/ket-qua.csv', withQuery(guard, query({ nam: Q.year })), (req, reply) => exportResults(req as IdReq, reply, 'csv'));
  app.get('/quan-tri/:unit/khao-sat/:id/ket-qua.xlsx', withQuery(guard, query({ nam: Q.year })), (req, reply) => exportResults(req as IdReq, reply, 'xlsx'));
  app.get('/:unit/khao-sat/:slug/ket-qua', { schema: { querystring: query({ nam: Q.year }) } }, async (req, reply) => {
    const r = req as FastifyRequest<{ Params: { unit: string; slug: string } }>;
    const d = await loadResults(r, { slug: r.params.slug });
    requirePublicResults(d);
    const title = `${req.t('surveys.public.results_title')}: ${surveyTitle(d.survey, langOf(r))}`;
    return renderPage(r, reply, { title, current: 'khao-sat', styles: ['css/surveys.css'] },
      <PublicResults req={r} title={title} data={d} />);
  });
}
