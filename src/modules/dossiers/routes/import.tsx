import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { withUnit } from '../../../core/tenancy.js';
import { renderStaffPage } from '../../../web/render.js';
import { mappingFromForm, missingRequired } from '../import/columns.js';
import { readSheet } from '../../../lib/tabular/index.js';
import { loadImport, saveUpload, startImport, validateSheet, type RowError } from '../import/run.js';
import { PreviewPage, ProgressPage, UploadPage } from '../views/import-page.js';
import { WRITE_ROLES, type UnitReq } from './context.js';

const MAX_BYTES = 50 * 1024 * 1024;
const MAPPING_QUERY = Type.Record(Type.String(), Type.String({ maxLength: 2000 }));
const page = (req: UnitReq, reply: FastifyReply, body: preact.VNode, status = 200) =>
  renderStaffPage(req, reply, { title: req.t('dossiers.import.title'), styles: ['css/dossiers.css'], current: 'ho-so' }, body, status);

async function upload(app: FastifyInstance, req: UnitReq, reply: FastifyReply) {
  const { files } = await readForm(req);
  const file = files.find((f) => f.field === 'file');
  if (!file || !file.data.length || !/\.(csv|xlsx)$/i.test(file.filename)) return page(req, reply, <UploadPage req={req} error={req.t('dossiers.import.no_file')} />, 422);
  if (file.data.length > MAX_BYTES) throw AppError.tooLarge('dossiers.error.import_too_large');
  const id = await saveUpload(app.db, req.unit!.id, file.filename, file.data, req.staff!.username);
  return reply.redirect(`/quan-tri/${req.unit!.slug}/ho-so/nhap/${id}`, 303);
}

async function show(app: FastifyInstance, req: UnitReq, reply: FastifyReply) {
  const imp = await loadImport(app.db, req.unit!.id, req.params.id ?? '');
  if (!imp) throw AppError.notFound('dossiers.error.import_not_found');
  if (imp.status !== 'uploaded') {
    return page(req, reply, <ProgressPage req={req} imp={{ ...imp, errors: imp.errors as RowError[] } as never} />);
  }
  const sheet = await readSheet(imp.data as Buffer, imp.filename as string, { withTime: true });
  const mapping = mappingFromForm(req.query, sheet.headers);
  const missing = missingRequired(mapping);
  const { ok, bad } = missing.length ? { ok: [], bad: [] } : validateSheet(sheet, mapping);
  return page(req, reply, <PreviewPage req={req} id={imp.id as string} headers={sheet.headers} sample={sheet.rows.slice(0, 5)} mapping={mapping}
    okCount={ok.length} bad={bad} missing={missing} />);
}

async function run(app: FastifyInstance, req: UnitReq, reply: FastifyReply) {
  const imp = await loadImport(app.db, req.unit!.id, req.params.id ?? '');
  if (!imp) throw AppError.notFound('dossiers.error.import_not_found');
  if (imp.status === 'running') throw AppError.conflict('dossiers.error.import_running');
  const { fields } = await readForm(req);
  const sheet = await readSheet(imp.data as Buffer, imp.filename as string, { withTime: true });
  const mapping = mappingFromForm(fields, sheet.headers);
  if (missingRequired(mapping).length) throw AppError.unprocessable('dossiers.error.missing_columns', { columns: missingRequired(mapping) });
  await withUnit(app.db, req.unit!.id, (trx) => audit(trx, req, { action: 'dossier.import', entity: 'dossier_import', entityId: imp.id as string, after: { filename: imp.filename, mapping } }));
  await startImport(app.db, req.unit!.id, imp.id as string, mapping);
  return reply.redirect(`/quan-tri/${req.unit!.slug}/ho-so/nhap/${imp.id}`, 303);
}

export async function importRoutes(app: FastifyInstance): Promise<void> {
  const opts = { preHandler: app.requireStaff(WRITE_ROLES), schema: { hide: true } };
  // The preview's column choices: `?map_<field>=<column number>`, '' = not imported.
  const preview = { ...opts, schema: { hide: true, querystring: MAPPING_QUERY } };
  app.get('/quan-tri/:unit/ho-so/nhap', opts, (req, reply) => page(req as UnitReq, reply, <UploadPage req={req} />));
  app.post('/quan-tri/:unit/ho-so/nhap', opts, (req, reply) => upload(app, req as UnitReq, reply));
  app.get('/quan-tri/:unit/ho-so/nhap/:id', preview, (req, reply) => show(app, req as UnitReq, reply));
  app.post('/quan-tri/:unit/ho-so/nhap/:id/chay', opts, (req, reply) => run(app, req as UnitReq, reply));
}
