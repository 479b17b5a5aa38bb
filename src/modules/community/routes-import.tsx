import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { readForm, unitOf } from '../../core/http/forms.js';
import { renderStaffPage } from '../../web/render.js';
import { inUnit, isUuid, staffBase, WARD_ROLES, type CommunityContext } from './context.js';
import { applyImport, getBatch, lockBatch, previewImport } from './households/import-service.js';
import { readSheet } from '../../lib/tabular/index.js';
import { ImportPreview, ImportUpload } from './views/import-page.js';

const MAX_BYTES = 5 * 1024 * 1024;
type BatchReq = FastifyRequest<{ Params: { unit: string; batch: string } }>;
const opts = (req: FastifyRequest) => ({ title: req.t('community.import.title'), current: 'cong-dong',
  breadcrumbs: [{ label: req.t('community.staff_nav'), href: staffBase(req) }, { label: req.t('community.households.title'),
    href: `${staffBase(req)}/ho` }] });

async function upload(ctx: CommunityContext, req: FastifyRequest, reply: FastifyReply) {
  const { files } = await readForm(req);
  const file = files.find((f) => f.field === 'file');
  const fail = (msg: string, status: number) => renderStaffPage(req, reply, opts(req), <ImportUpload req={req} error={msg} />, status);
  if (!file || !file.data.length) return fail('Chọn tệp CSV hoặc XLSX danh sách hộ.', 422);
  if (file.data.length > MAX_BYTES) return fail('Tệp quá lớn (tối đa 5 MB).', 413);
  let sheet;
  try { sheet = await readSheet(file.data, file.filename); } catch { return fail('Không đọc được tệp: cần CSV (UTF-8) hoặc XLSX.', 422); }
  const r = await inUnit(req, async (trx) => {
    const p = await previewImport(trx, unitOf(req).id, ctx.keys, sheet, file.filename.slice(0, 200), req.staff?.userId ?? null);
    if ('id' in p) await audit(trx, req, { action: 'community.import.preview', entity: 'community_import_batch', entityId: p.id,
      after: { file: file.filename, rows: sheet.rows.length } });
    return p;
  });
  if ('missing' in r) return fail(`Tệp thiếu cột: ${r.missing!.map((c) => req.t(`community.import.col_${c}`)).join(', ')}.`, 422);
  return reply.redirect(`${staffBase(req)}/nhap/${r.id}`, 303);
}

async function loadBatch(req: BatchReq) {
  if (!isUuid(req.params.batch)) throw AppError.notFound();
  const b = await inUnit(req, (trx) => getBatch(trx, req.params.batch));
  if (!b) throw AppError.notFound('community.error.import_not_found');
  return b;
}

export function registerImportRoutes(app: FastifyInstance, ctx: CommunityContext): void {
  const guard = { preHandler: app.requireStaff(WARD_ROLES) };
  app.get('/quan-tri/:unit/cong-dong/nhap', guard, (req, reply) => renderStaffPage(req, reply, opts(req), <ImportUpload req={req} />));
  app.post('/quan-tri/:unit/cong-dong/nhap', guard, (req, reply) => upload(ctx, req, reply));
  app.get('/quan-tri/:unit/cong-dong/nhap/:batch', guard, async (req, reply) =>
    renderStaffPage(req, reply, opts(req), <ImportPreview req={req} batch={await loadBatch(req as BatchReq)} />));
  app.post('/quan-tri/:unit/cong-dong/nhap/:batch', guard, async (req, reply) => {
    const r = req as BatchReq;
    await loadBatch(r);
    const out = await inUnit(r, async (trx) => {
      const b = await lockBatch(trx, r.params.batch);
      if (b.applied_at) throw AppError.conflict('community.error.import_applied');
      const res = await applyImport(trx, unitOf(r).id, b as never);
      await audit(trx, r, { action: 'community.import.apply', entity: 'community_import_batch', entityId: b.id, after: res });
      return { res, batch: { ...b, applied_at: new Date() } };
    });
    return renderStaffPage(r, reply, opts(r), <ImportPreview req={r} batch={out.batch as never} result={out.res} />);
  });
}
