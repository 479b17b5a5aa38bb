import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { readForm, str, unitOf } from '../../core/http/forms.js';
import { sharpLib } from '../../lib/lazy-modules.js';
import { renderStaffPage } from '../../web/render.js';
import { inUnit, staffBase } from './context.js';
import { isLetterKind, type LetterKind } from './domain/kinds.js';
import { signerSettings } from './print.js';
import * as repo from './repo-letters.js';
import { TemplatesPage } from './views/templates-page.js';

const ADMIN_ROLES = ['admin', 'leader'] as const;
const MAX_SIGNATURE_BYTES = 1_000_000;
/** Printed signature height; the width follows the image's aspect ratio (at most 60 mm). */
const SIGNATURE_HEIGHT_MM = 18;

async function page(req: FastifyRequest, reply: FastifyReply, notice?: string, errors?: Record<string, string>, status = 200) {
  const unitId = unitOf(req).id;
  const { templates, settings } = await inUnit(req, async (trx) => {
    const rows = await repo.listTemplates(trx, unitId);
    return { templates: new Map(rows.map((r) => [r.kind as LetterKind, r])), settings: await signerSettings(trx, unitId) };
  });
  const crumbs = [{ label: req.t('outreach.register.title'), href: staffBase(req, 'thu') }];
  return renderStaffPage(req, reply, { title: req.t('outreach.templates.title'), breadcrumbs: crumbs, current: 'thu', styles: ['css/outreach.css'] },
    <TemplatesPage req={req} templates={templates} settings={settings} notice={notice} errors={errors} />, status);
}

/** Size of the printed signature from the PNG's pixels; refuses anything that is not a PNG. */
async function signatureOf(data: Buffer): Promise<{ png: Buffer; width: number; height: number } | null> {
  try {
    const meta = await sharpLib()(data).metadata();
    if (meta.format !== 'png' || !meta.width || !meta.height) return null;
    const width = Math.min(60, (SIGNATURE_HEIGHT_MM * meta.width) / meta.height);
    return { png: data, width, height: (width * meta.height) / meta.width };
  } catch {
    return null;
  }
}

export function registerTemplateRoutes(app: FastifyInstance): void {
  const guard = { preHandler: app.requireStaff([...ADMIN_ROLES]) };
  app.get('/quan-tri/:unit/thu/mau', guard, (req, reply) => page(req, reply));
  app.post('/quan-tri/:unit/thu/mau/nguoi-ky', guard, async (req, reply) => {
    const { fields, files } = await readForm(req);
    const errors: Record<string, string> = {};
    const set: Record<string, unknown> = {
      signer_authority: str(fields.signer_authority).slice(0, 100), signer_title: str(fields.signer_title).slice(0, 100), signer_name: str(fields.signer_name).slice(0, 100),
    };
    if (!set.signer_title) errors.signer_title = 'Nhập chức vụ người ký.';
    if (!set.signer_name) errors.signer_name = 'Nhập họ tên người ký.';
    const file = files.find((f) => f.field === 'signature' && f.data.length);
    if (file) {
      if (file.data.length > MAX_SIGNATURE_BYTES) throw AppError.tooLarge('outreach.error.signature_too_large');
      const sig = await signatureOf(file.data);
      if (!sig) errors.signature = 'Ảnh chữ ký phải là tệp PNG (nền trong suốt).';
      else Object.assign(set, { signature_png: sig.png, signature_width_mm: sig.width, signature_height_mm: sig.height });
    }
    if (Object.keys(errors).length) return page(req, reply, undefined, errors, 422);
    await inUnit(req, async (trx) => {
      await repo.saveSettings(trx, unitOf(req).id, set);
      await audit(trx, req, { action: 'letter.settings', entity: 'letter_settings', entityId: unitOf(req).id, after: { ...set, signature_png: file ? `${file.data.length} bytes` : undefined } });
    });
    return page(req, reply, req.t('outreach.saved'));
  });
  app.post('/quan-tri/:unit/thu/mau/:kind', guard, async (req, reply) => {
    const kind = (req.params as { kind: string }).kind;
    if (!isLetterKind(kind)) throw AppError.notFound();
    const { fields } = await readForm(req);
    const subject = str(fields[`subject_${kind}`]);
    const body = str(fields[`body_${kind}`]);
    const errors: Record<string, string> = {};
    if (!subject) errors[`subject_${kind}`] = 'Nhập trích yếu của mẫu thư.';
    if (!body) errors[`body_${kind}`] = 'Nhập nội dung của mẫu thư.';
    if (body.length > 20000) errors[`body_${kind}`] = 'Nội dung mẫu thư quá dài.';
    if (Object.keys(errors).length) return page(req, reply, undefined, errors, 422);
    await inUnit(req, async (trx) => {
      await repo.saveTemplate(trx, unitOf(req).id, kind, subject, body);
      await audit(trx, req, { action: 'letter.template', entity: 'letter_template', entityId: kind, after: { subject } });
    });
    return page(req, reply, req.t('outreach.saved'));
  });
}
