import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { audit, actorOf } from '../../core/audit.js';
import { readForm } from '../../core/http/forms.js';
import { withUnit } from '../../core/tenancy.js';
import { renderStaffPage } from '../../web/render.js';
import { diffImport, mergeImported } from './import-diff.js';
import { ImportError, parseImportFile } from './import-parse.js';
import { insertProcedureRow, listProcedureRows, refreshVocabulary, updateProcedureRow, type Db } from './repo.js';
import { insertImport, findImport, markImportApplied } from './repo-imports.js';
import { procedureData } from './row-mapping.js';
import { EDITOR_ROLES } from './staff-context.js';
import type { ProcedureData } from './types.js';
import { ImportPreviewPage, ImportUploadPage } from './views/import-page.js';
import { syncProcedureItems } from './freshness.js';

type Req = FastifyRequest<{ Params: { unit: string; importId: string } }>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function upload(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const { files } = await readForm(req);
  const file = files.find((f) => f.field === 'file');
  const title = { title: req.t('catalogue.import.title'), current: 'thu-tuc' };
  if (!file || file.data.length === 0) return renderStaffPage(req, reply, title, <ImportUploadPage req={req} error={req.t('catalogue.import.no_file')} />, 422);
  let rows: ProcedureData[];
  try {
    rows = await parseImportFile(file.filename, file.data);
  } catch (e) {
    if (e instanceof ImportError) return renderStaffPage(req, reply, title, <ImportUploadPage req={req} error={e.message} />, 422);
    throw e;
  }
  const unitId = req.unit!.id;
  const id = await withUnit(app.db, unitId, async (trx) => {
    const diff = diffImport(await listProcedureRows(trx, unitId), rows);
    const importId = await insertImport(trx, { unitId, filename: file.filename.slice(0, 200), rows, diff, createdBy: actorOf(req).name });
    await audit(trx, req, { action: 'catalogue.import.preview', entity: 'catalogue_import', entityId: importId,
      after: { filename: file.filename, rows: rows.length, added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length } });
    return importId;
  });
  return reply.redirect(`/quan-tri/${req.unit!.slug}/thu-tuc/nhap/${id}`, 303);
}

async function loadImport(db: Db, unitId: string, id: string) {
  if (!UUID.test(id)) throw AppError.notFound();
  const row = await findImport(db, unitId, id);
  if (!row) throw AppError.notFound();
  return row;
}

async function preview(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const unitId = req.unit!.id;
  const { imp, diff } = await withUnit(app.db, unitId, async (trx) => {
    const imp = await loadImport(trx, unitId, req.params.importId);
    return { imp, diff: diffImport(await listProcedureRows(trx, unitId), imp.rows) };
  });
  return renderStaffPage(req, reply, { title: req.t('catalogue.import.preview_title', { file: imp.filename }), current: 'thu-tuc' },
    <ImportPreviewPage req={req} importId={imp.id} filename={imp.filename} diff={diff} applied={imp.applied_at !== null} />);
}

async function apply(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const unitId = req.unit!.id;
  const actor = actorOf(req).name;
  // Procedures missing from the file stay published unless the officer chose to unpublish them.
  const unpublishMissing = (await readForm(req)).fields.missing === 'unpublish';
  const count = await withUnit(app.db, unitId, async (trx) => {
    const imp = await loadImport(trx, unitId, req.params.importId);
    if (imp.applied_at) throw AppError.conflict('catalogue.import.already');
    const current = await listProcedureRows(trx, unitId);
    const byId = new Map(current.map((p) => [p.id, p]));
    const diff = diffImport(current, imp.rows);
    const note = `Nhập từ tệp ${imp.filename}`;
    for (const a of diff.added) await insertProcedureRow(trx, unitId, { ...imp.rows[a.index], slug: uniqueSlug(imp.rows[a.index].slug, current) }, actor, note);
    for (const c of diff.changed) await updateProcedureRow(trx, unitId, c.id, mergeImported(procedureData(byId.get(c.id)!), imp.rows[c.index]), actor, note);
    const removed = unpublishMissing ? diff.removed : [];
    for (const r of removed) await updateProcedureRow(trx, unitId, r.id, { ...procedureData(byId.get(r.id)!), published: false }, actor, note);
    await markImportApplied(trx, imp.id);
    await audit(trx, req, { action: 'catalogue.import.apply', entity: 'catalogue_import', entityId: imp.id,
      after: { filename: imp.filename, added: diff.added.length, changed: diff.changed.length, missing: diff.removed.length, unpublished: removed.length } });
    await refreshVocabulary(trx, unitId);
    await syncProcedureItems(trx, unitId, req.unit!.slug);
    return diff.added.length + diff.changed.length + removed.length;
  });
  return reply.redirect(`/quan-tri/${req.unit!.slug}/thu-tuc?da-nhap=${count}`, 303);
}

function uniqueSlug(slug: string, current: { slug: string }[]): string {
  const taken = new Set(current.map((p) => p.slug));
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
  current.push({ slug: candidate } as any);
  return candidate;
}

export async function importRoutes(app: FastifyInstance): Promise<void> {
  const opts = { preHandler: app.requireStaff(EDITOR_ROLES), schema: { hide: true } };
  app.get('/quan-tri/:unit/thu-tuc/nhap', opts, (req, reply) =>
    renderStaffPage(req, reply, { title: req.t('catalogue.import.title'), current: 'thu-tuc' }, <ImportUploadPage req={req} />));
  app.post('/quan-tri/:unit/thu-tuc/nhap', opts, (req, reply) => upload(app, req as Req, reply));
  app.get('/quan-tri/:unit/thu-tuc/nhap/:importId', opts, (req, reply) => preview(app, req as Req, reply));
  app.post('/quan-tri/:unit/thu-tuc/nhap/:importId/ap-dung', opts, (req, reply) => apply(app, req as Req, reply));
}
