import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { hasRole } from '../../../core/http/guards.js';
import { withUnit } from '../../../core/tenancy.js';
import { renderStaffPage } from '../../../web/render.js';
import { isValidPrefix } from '../domain/numbering.js';
import { listCounters, listServices, saveCounter, saveService } from '../repo/config-repo.js';
import { getSettings, updateSettings } from '../repo/settings-repo.js';
import { AdminPage } from '../views/admin-page.js';
import { urls } from './urls.js';
import { queryFlag } from '../../../core/http/query.js';

const int = (v: string | undefined, min: number, max: number, field: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw AppError.unprocessable('centre.error.int_range', { field }).with({ field, min, max });
  return n;
};
const text = (v: string | undefined, max: number, field: string): string => {
  const s = (v ?? '').trim();
  if (!s || s.length > max) throw AppError.unprocessable('centre.error.text_required', { field }).with({ field, max });
  return s;
};

export function registerAdminPages(app: FastifyInstance): void {
  const view = app.requireStaff(['admin', 'centre_officer', 'leader']);
  const edit = app.requireStaff(['admin', 'centre_officer']);

  const show = async (req: FastifyRequest, reply: FastifyReply, msg: { notice?: string; error?: string } = {}, status = 200) => {
    const unitId = req.unit!.id;
    const data = await withUnit(app.db, unitId, async (trx) => ({
      services: await listServices(trx, unitId), counters: await listCounters(trx, unitId), settings: await getSettings(trx, unitId),
    }));
    return renderStaffPage(req, reply, { title: req.t('centre.admin.title'), current: 'quay', styles: ['css/centre.css'] },
      <AdminPage req={req} {...data} {...msg} canEdit={hasRole(req, ['admin', 'centre_officer'])} />, status);
  };
  app.get('/quan-tri/:unit/quay', { preHandler: view, schema: { hide: true } }, (req, reply) =>
    show(req, reply, queryFlag(req, 'da-luu') ? { notice: req.t('centre.admin.saved') } : {}));

  const handle = (path: string, fn: (req: FastifyRequest, f: Record<string, string>, lists: Record<string, string[]>) => Promise<void>) =>
    app.post(path, { preHandler: edit, schema: { hide: true } }, async (req, reply) => {
      const { fields, lists } = await readForm(req);
      try {
        await fn(req, fields, lists);
        return reply.redirect(`${urls.staffHome(req.unit!.slug)}?da-luu=1`, 303);
      } catch (err) {
        if (err instanceof AppError && err.status < 500) return show(req, reply, { error: err.text(req.t) }, err.status);
        throw err;
      }
    });

  handle('/quan-tri/:unit/quay/linh-vuc', (req, f) => withUnit(app.db, req.unit!.id, async (trx) => {
    const prefix = text(f.prefix, 3, 'Chữ đầu số').toUpperCase();
    if (!isValidPrefix(prefix)) throw AppError.unprocessable('centre.error.prefix_format', { field: 'prefix' });
    const code = text(f.code, 60, 'Mã');
    if (!/^[a-z0-9-]+$/.test(code)) throw AppError.unprocessable('centre.error.code_format', { field: 'code' });
    const clash = (await listServices(trx, req.unit!.id)).find((s) => s.prefix === prefix && s.code !== code);
    if (clash) throw AppError.conflict('centre.error.prefix_taken').with({ prefix, area: clash.name_vi });
    const s = {
      code, prefix, name_vi: text(f.name_vi, 100, 'Tên tiếng Việt'), name_en: text(f.name_en, 100, 'Tên tiếng Anh'),
      sort_order: int(f.sort_order || '0', 0, 999, 'Thứ tự'), default_service_s: int(f.default_service_s, 30, 7200, 'Thời gian phục vụ'),
      booking_capacity: int(f.booking_capacity, 0, 50, 'Số lịch hẹn'), active: f.active === '1',
    };
    const id = await saveService(trx, req.unit!.id, s);
    await audit(trx, req, { action: 'centre.service.save', entity: 'centre_service', entityId: id, after: s });
  }));

  handle('/quan-tri/:unit/quay/quay-moi', (req, f, lists) => withUnit(app.db, req.unit!.id, async (trx) => {
    const known = new Set((await listServices(trx, req.unit!.id)).map((s) => s.id));
    const serviceIds = (lists.services ?? []).filter((id) => known.has(id));
    const c = { number: int(f.number, 1, 99, 'Số quầy'), name: text(f.name, 100, 'Tên quầy'), active: f.active === '1', service_ids: serviceIds };
    const id = await saveCounter(trx, req.unit!.id, c);
    await audit(trx, req, { action: 'centre.counter.save', entity: 'centre_counter', entityId: id, after: c });
  }));

  handle('/quan-tri/:unit/quay/cai-dat', (req, f, lists) => withUnit(app.db, req.unit!.id, async (trx) => {
    const flags = lists.flags ?? [];
    const s = { priority_head_start_s: int(f.head_start_min, 0, 120, 'Ưu tiên đi trước') * 60, speech_enabled: flags.includes('speech'), chime_enabled: flags.includes('chime') };
    await updateSettings(trx, req.unit!.id, s);
    await audit(trx, req, { action: 'centre.settings.save', entity: 'centre_settings', entityId: req.unit!.id, after: s });
  }));
}
