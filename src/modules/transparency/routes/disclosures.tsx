import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { withUnit } from '../../../core/tenancy.js';
import { AppError } from '../../../core/errors.js';
import { commentWindow, postingEndsOn, postingStatus } from '../lib/posting.js';
import { getAttachment, getDocument, getProject, insertComment, listAttachments, listComments, listDocuments, listProjects } from '../repo-disclosures.js';
import { getText } from '../repo-reception.js';
import { parseCommentForm } from '../validate.js';
import { DisclosuresPage } from '../views/disclosures-page.js';
import { DocumentPage } from '../views/document-page.js';
import { ProjectPage } from '../views/project-page.js';
import { translateErrors } from '../views/shared.js';
import { bodyOf, item, publicPage, uuidParam } from './context.js';
import { unitOf } from '../../../core/http/forms.js';
import { vnToday } from '../../../lib/vn-calendar/index.js';
import { queryFlag } from '../../../core/http/query.js';

const DocJson = Type.Object({
  id: Type.String(), category: Type.String(), title: Type.String(), document_number: Type.String(), published_on: Type.String(),
  posting_days: Type.Integer(), posting_ends_on: Type.String(), status: Type.String(), project_id: Type.Union([Type.String(), Type.Null()]),
  land_kind: Type.Union([Type.String(), Type.Null()]), amount_dong: Type.Union([Type.Number(), Type.Null()]), attachment_count: Type.Integer(), url: Type.String(),
});

async function loadProject(app: FastifyInstance, req: FastifyRequest, id: string) {
  return withUnit(app.db, unitOf(req).id, async (trx) => {
    const project = await getProject(trx, id);
    if (!project) throw AppError.notFound('transparency.error.not_found');
    const docs = await listDocuments(trx, { projectId: id });
    const withFiles = await Promise.all(docs.map(async (d) => ({ ...d, files: await listAttachments(trx, d.id) })));
    return { project, docs: withFiles, comments: await listComments(trx, { projectId: id, status: 'approved' }), item: await item(trx, 'land_project', id) };
  });
}

export async function disclosureRoutes(app: FastifyInstance): Promise<void> {
  app.get('/:unit/cong-khai', { schema: { hide: true } }, async (req, reply) => {
    const u = unitOf(req);
    const d = await withUnit(app.db, u.id, async (trx) => ({
      commitment: await getText(trx, 'commitment'), docs: await listDocuments(trx, { projectId: null }), projects: await listProjects(trx),
      commitmentItem: await item(trx, 'commitment'),
    }));
    return publicPage(req, reply, { title: req.t('transparency.disclosures.title'), current: 'cong-khai' },
      <DisclosuresPage req={req} {...d} today={vnToday()} />);
  });

  app.get('/:unit/cong-khai/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = uuidParam(req);
    const d = await withUnit(app.db, unitOf(req).id, async (trx) => ({ doc: await getDocument(trx, id), files: await listAttachments(trx, id), item: await item(trx, 'disclosure', id) }));
    if (!d.doc) throw AppError.notFound('transparency.error.not_found');
    return publicPage(req, reply, { title: d.doc.title, current: 'cong-khai', crumbs: [{ label: req.t('transparency.disclosures.title'), href: `/${unitOf(req).slug}/cong-khai` }] },
      <DocumentPage req={req} doc={d.doc} files={d.files} today={vnToday()} item={d.item} />);
  });

  app.get('/:unit/cong-khai/tep/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = uuidParam(req);
    const file = await withUnit(app.db, unitOf(req).id, (trx) => getAttachment(trx, id));
    if (!file) throw AppError.notFound('transparency.error.not_found');
    return reply.type('application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
      .header('x-content-type-options', 'nosniff').send(file.content);
  });

  app.get('/:unit/cong-khai/du-an/:id', { schema: { hide: true } }, async (req, reply) => {
    const d = await loadProject(app, req, uuidParam(req));
    const thanks = queryFlag(req, 'da-gui');
    return publicPage(req, reply, { title: d.project.name, current: 'cong-khai', crumbs: [{ label: req.t('transparency.disclosures.title'), href: `/${unitOf(req).slug}/cong-khai` }] },
      <ProjectPage req={req} {...d} today={vnToday()} thanks={thanks} />);
  });

  app.post('/:unit/cong-khai/du-an/:id/gop-y', { schema: { hide: true }, config: { rateLimit: { max: 5, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const u = unitOf(req);
    const id = uuidParam(req);
    const d = await loadProject(app, req, id);
    if (commentWindow(d.project.comment_opens_on, d.project.comment_closes_on, vnToday()) !== 'open') {
      throw AppError.conflict('transparency.error.comment_closed');
    }
    const parsed = parseCommentForm(bodyOf(req), req.t);
    if (!parsed.ok) {
      return publicPage(req, reply, { title: d.project.name, current: 'cong-khai' },
        <ProjectPage req={req} {...d} today={vnToday()} errors={translateErrors(req, parsed.errors)} values={parsed.values} />, 422);
    }
    await withUnit(app.db, u.id, (trx) => insertComment(trx, u.id, id, parsed.value));
    return reply.redirect(`/${u.slug}/cong-khai/du-an/${id}?da-gui=1#comment-form`, 303);
  });

  app.get('/api/v1/units/:unit/disclosures', {
    schema: {
      tags: ['transparency'], summary: 'Văn bản công khai, thời hạn niêm yết và dự án thu hồi đất',
      response: { 200: Type.Object({ today: Type.String(), documents: Type.Array(DocJson), projects: Type.Array(Type.Object({
        id: Type.String(), name: Type.String(), location: Type.String(), comment_opens_on: Type.Union([Type.String(), Type.Null()]),
        comment_closes_on: Type.Union([Type.String(), Type.Null()]), comment_window: Type.String(), url: Type.String() })) }) },
    },
  }, async (req) => {
    const u = unitOf(req);
    const today = vnToday();
    const { docs, projects } = await withUnit(app.db, u.id, async (trx) => ({ docs: await listDocuments(trx), projects: await listProjects(trx) }));
    return {
      today,
      documents: docs.map((d) => ({ ...d, summary: undefined, posting_ends_on: postingEndsOn(d.published_on, d.posting_days),
        status: postingStatus(d.published_on, d.posting_days, today), url: `/${u.slug}/cong-khai/${d.id}` })),
      projects: projects.map((p) => ({ id: p.id, name: p.name, location: p.location, comment_opens_on: p.comment_opens_on, comment_closes_on: p.comment_closes_on,
        comment_window: commentWindow(p.comment_opens_on, p.comment_closes_on, today), url: `/${u.slug}/cong-khai/du-an/${p.id}` })),
    };
  });
}
