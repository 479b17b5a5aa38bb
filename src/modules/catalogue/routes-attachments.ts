import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { AppError } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { readForm } from '../../core/http/forms.js';
import { withUnit } from '../../core/tenancy.js';
import { actorOf } from '../../core/audit.js';
import { deleteAttachmentRow, insertAttachmentRow } from './repo.js';
import { loadForStaff } from './staff-context.js';

type Req = FastifyRequest<{ Params: { unit: string; id: string; attachmentId: string }; Querystring: Record<string, string | undefined> }>;

export const MAX_FORM_BYTES = 10 * 1024 * 1024;
const ALLOWED: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
};

/** The MIME type we serve, from the extension (the browser's claim is not trusted). */
export function formMimeType(filename: string): string | null {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  return ALLOWED[ext] ?? null;
}

async function upload(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const p = await loadForStaff(app, req);
  const { fields, files } = await readForm(req);
  const title = (fields.title ?? '').trim();
  const file = files.find((f) => f.field === 'file');
  if (!title || title.length > 300) throw AppError.unprocessable('catalogue.staff.error_form_title');
  const mime = file ? formMimeType(file.filename) : null;
  if (!file || !mime || file.data.length === 0) throw AppError.unprocessable('catalogue.staff.error_form_file');
  if (file.data.length > MAX_FORM_BYTES) throw AppError.tooLarge('catalogue.staff.error_form_file');
  const unitId = req.unit!.id;
  await withUnit(app.db, unitId, async (trx) => {
    const id = await insertAttachmentRow(trx, unitId, p.id, {
      title, filename: file.filename.slice(0, 200), mime_type: mime, content: file.data, created_by: actorOf(req).name,
    });
    await audit(trx, req, { action: 'catalogue.form.add', entity: 'catalogue_attachment', entityId: id,
      after: { procedureId: p.id, title, filename: file.filename } });
  });
  return reply.redirect(`/quan-tri/${req.unit!.slug}/thu-tuc/${p.id}?bieu-mau=them`, 303);
}

async function remove(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const p = await loadForStaff(app, req);
  const unitId = req.unit!.id;
  if (!/^[0-9a-f-]{36}$/i.test(req.params.attachmentId)) throw AppError.notFound();
  const deleted = await withUnit(app.db, unitId, async (trx) => {
    const row = await deleteAttachmentRow(trx, unitId, p.id, req.params.attachmentId);
    if (row) await audit(trx, req, { action: 'catalogue.form.delete', entity: 'catalogue_attachment', entityId: row.id, before: row });
    return row;
  });
  if (!deleted) throw AppError.notFound();
  return reply.redirect(`/quan-tri/${req.unit!.slug}/thu-tuc/${p.id}?bieu-mau=xoa`, 303);
}

export async function attachmentRoutes(app: FastifyInstance, opts: RouteShorthandOptions): Promise<void> {
  app.post('/quan-tri/:unit/thu-tuc/:id/bieu-mau', opts, (req, reply) => upload(app, req as Req, reply));
  app.post('/quan-tri/:unit/thu-tuc/:id/bieu-mau/:attachmentId/xoa', opts, (req, reply) => remove(app, req as Req, reply));
}
