import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withUnit } from '../../../core/tenancy.js';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { readForm, type UploadedFile, unitOf } from '../../../core/http/forms.js';
import { checkPdf, safeFileName } from '../lib/pdf-upload.js';
import { getDocument, getProject, insertAttachment, insertDocument, insertProject, listComments, listDocuments, listProjects, moderateComment } from '../repo-disclosures.js';
import { getText, saveText } from '../repo-reception.js';
import { recordDocument, recordProject } from '../published-items.js';
import { parseDocumentForm, parseProjectForm, parseTextForm } from '../validate.js';
import { StaffDisclosuresPage } from '../views/staff-disclosures.js';
import { translateErrors } from '../views/shared.js';
import type { FieldErrors } from '../../../web/components/forms.js';
import { EDITORS, flashOf, staffPage, uuidParam } from './context.js';

type Extra = Partial<Pick<Parameters<typeof StaffDisclosuresPage>[0], 'docErrors' | 'docValues' | 'projectErrors' | 'projectValues' | 'textErrors' | 'textValues' | 'flash'>>;

async function render(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, extra: Extra = {}, status = 200) {
  const d = await withUnit(app.db, unitOf(req).id, async (trx) => ({
    docs: await listDocuments(trx), projects: await listProjects(trx), pending: await listComments(trx, { status: 'pending' }), commitment: await getText(trx, 'commitment'),
  }));
  return staffPage(req, reply, { title: req.t('transparency.disclosures.staff_title'), current: 'cong-khai' }, <StaffDisclosuresPage req={req} {...d} {...extra} />, status);
}

/** 413 for a file over 20 MB, 422 for anything that is not a PDF; null when acceptable or absent. */
function pdfError(req: FastifyRequest, file: UploadedFile | undefined): { status: 413 | 422; errors: FieldErrors } | null {
  if (!file) return null;
  const check = checkPdf(file.data, (file as { truncated?: boolean }).truncated === true);
  if (check.ok) return null;
  return { status: check.status, errors: { file: req.t(check.status === 413 ? 'transparency.error.pdf_too_large' : 'transparency.error.pdf_invalid') } };
}

export async function staffDisclosureRoutes(app: FastifyInstance): Promise<void> {
  const guard = { preHandler: app.requireStaff([...EDITORS]), schema: { hide: true } };
  const base = (slug: string) => `/quan-tri/${slug}/cong-khai`;

  app.get('/quan-tri/:unit/cong-khai', guard, (req, reply) => render(app, req, reply, { flash: flashOf(req) }));

  app.post('/quan-tri/:unit/cong-khai/van-ban', guard, async (req, reply) => {
    const u = unitOf(req);
    const form = await readForm(req);
    const parsed = parseDocumentForm(form.fields, req.t);
    const file = form.files.find((f) => f.field === 'file');
    const bad = pdfError(req, file);
    if (!parsed.ok || bad) {
      const errors = { ...(parsed.ok ? {} : translateErrors(req, parsed.errors)), ...(bad?.errors ?? {}) };
      return render(app, req, reply, { docErrors: errors, docValues: form.fields }, bad?.status ?? 422);
    }
    const id = await withUnit(app.db, u.id, async (trx) => {
      if (parsed.value.project_id && !(await getProject(trx, parsed.value.project_id))) throw AppError.unprocessable('transparency.error.not_found');
      const doc = await insertDocument(trx, u.id, parsed.value);
      const attachment = file ? await insertAttachment(trx, u.id, doc.id, safeFileName(file.filename), file.data) : null;
      if (!parsed.value.project_id) await recordDocument(trx, u.id, u.slug, { id: doc.id, title: parsed.value.title });
      await audit(trx, req, { action: 'transparency.disclosure.create', entity: 'disclosure_document', entityId: doc.id,
        after: { ...parsed.value, attachment: attachment ? { id: attachment.id, file_name: attachment.file_name, byte_size: attachment.byte_size } : null } });
      return doc.id;
    });
    return reply.redirect(`${base(u.slug)}?da-luu=1&van-ban=${id}`, 303);
  });

  app.post('/quan-tri/:unit/cong-khai/van-ban/:id/tep', guard, async (req, reply) => {
    const u = unitOf(req);
    const id = uuidParam(req);
    const form = await readForm(req);
    const file = form.files.find((f) => f.field === 'file');
    if (!file) throw AppError.unprocessable('transparency.error.pdf_missing');
    const bad = pdfError(req, file);
    if (bad) throw new AppError(bad.status, bad.status === 413 ? 'payload_too_large' : 'validation_failed',
      bad.status === 413 ? 'transparency.error.pdf_too_large' : 'transparency.error.pdf_invalid');
    await withUnit(app.db, u.id, async (trx) => {
      if (!(await getDocument(trx, id))) throw AppError.notFound('transparency.error.not_found');
      const a = await insertAttachment(trx, u.id, id, safeFileName(file.filename), file.data);
      await audit(trx, req, { action: 'transparency.disclosure.attach', entity: 'disclosure_document', entityId: id, after: { id: a.id, file_name: a.file_name, byte_size: a.byte_size } });
    });
    return reply.redirect(`${base(u.slug)}?da-luu=1`, 303);
  });

  app.post('/quan-tri/:unit/cong-khai/du-an', guard, async (req, reply) => {
    const u = unitOf(req);
    const form = await readForm(req);
    const parsed = parseProjectForm(form.fields, req.t);
    if (!parsed.ok) return render(app, req, reply, { projectErrors: translateErrors(req, parsed.errors), projectValues: form.fields }, 422);
    await withUnit(app.db, u.id, async (trx) => {
      const p = await insertProject(trx, u.id, parsed.value);
      await recordProject(trx, u.id, u.slug, { id: p.id, name: parsed.value.name });
      await audit(trx, req, { action: 'transparency.land_project.create', entity: 'land_project', entityId: p.id, after: parsed.value });
    });
    return reply.redirect(`${base(u.slug)}?da-luu=1`, 303);
  });

  app.post('/quan-tri/:unit/cong-khai/gop-y/:id', guard, async (req, reply) => {
    const u = unitOf(req);
    const id = uuidParam(req);
    const decision = (await readForm(req)).fields.decision;
    if (decision !== 'approved' && decision !== 'rejected') throw AppError.badRequest('transparency.error.choice').with({ field: 'decision' });
    await withUnit(app.db, u.id, async (trx) => {
      const before = await moderateComment(trx, id, decision);
      if (!before) throw AppError.notFound('transparency.error.not_found');
      await audit(trx, req, { action: `transparency.comment.${decision === 'approved' ? 'approve' : 'reject'}`, entity: 'disclosure_comment', entityId: id, before, after: { status: decision } });
    });
    return reply.redirect(`${base(u.slug)}?da-luu=1`, 303);
  });

  app.post('/quan-tri/:unit/cong-khai/cam-ket', guard, async (req, reply) => {
    const u = unitOf(req);
    const form = await readForm(req);
    const parsed = parseTextForm(form.fields, req.t);
    if (!parsed.ok) return render(app, req, reply, { textErrors: translateErrors(req, parsed.errors), textValues: form.fields }, 422);
    await withUnit(app.db, u.id, async (trx) => {
      const before = await getText(trx, 'commitment');
      await saveText(trx, u.id, 'commitment', parsed.value.title, parsed.value.body);
      await audit(trx, req, { action: 'transparency.commitment.update', entity: 'transparency_text', entityId: 'commitment', before, after: parsed.value });
    });
    return reply.redirect(`${base(u.slug)}?da-luu=1`, 303);
  });
}
