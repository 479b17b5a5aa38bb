/**
 * Staff import of an official holiday table: `/quan-tri/{unit}/lich-nghi/nhap-bang` (roles admin
 * and leader). GET shows the form and the unit's recent due-date changes; POST (pasted JSON in
 * `table` or a .json file in `file`) stores the table, recounts open dossiers and shows those whose
 * due date moved. A client asking for JSON (Accept: application/json) gets `{ year, units,
 * changes: [{ code, old_due, new_due, old_due_date, new_due_date }] }`, or 422 with the messages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { readForm } from '../../core/http/forms.js';
import { provider } from '../../core/providers.js';
import { renderStaffPage } from '../../web/render.js';
import { vnIsoString } from '../../lib/vn-calendar/index.js';
import { MAX_TABLE_BYTES, checkOfficialTable, importOfficialTable } from './import-table.js';
import { unitAndDescendants } from './repo.js';
import { ImportTablePage, type ImportPageView } from './views/import-page.js';

async function show(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, extra: Partial<ImportPageView>, status = 200) {
  const units = await unitAndDescendants(app.db, req.unit!.id);
  const recent = (await provider('dueRecomputation')?.latest(app.db, units, 100)) ?? [];
  const view: ImportPageView = { recent, isCity: req.unit!.type === 'city', ...extra };
  return renderStaffPage(req, reply, { title: req.t('calendar.import_title'), current: 'lich-nghi' },
    <ImportTablePage req={req} view={view} />, status);
}

const wantsJson = (req: FastifyRequest) => /application\/json/.test(String(req.headers.accept ?? ''));

export async function importRoutes(app: FastifyInstance): Promise<void> {
  const staff = { preHandler: app.requireStaff(['admin', 'leader']) };

  app.get('/quan-tri/:unit/lich-nghi/nhap-bang', staff, (req, reply) => show(app, req, reply, {}));

  app.post('/quan-tri/:unit/lich-nghi/nhap-bang', staff, async (req, reply) => {
    const { fields, files } = await readForm(req);
    const file = files.find((f) => f.field === 'file' && f.data.length > 0);
    const text = file ? file.data.toString('utf8').replace(/^\uFEFF/, '') : fields.table ?? '';
    if (Buffer.byteLength(text) > MAX_TABLE_BYTES) {
      throw new AppError(413, 'too_large', 'calendar.error.table_too_large').with({ kb: MAX_TABLE_BYTES / 1000 });
    }
    const checked = checkOfficialTable(text);
    if (!checked.ok) {
      if (wantsJson(req)) throw AppError.unprocessable('calendar.error.table_invalid', { problems: checked.errors }).with({ problems: checked.errors.join(' ') });
      return show(app, req, reply, { errors: checked.errors, json: text }, 422);
    }
    const result = await importOfficialTable(app, req, checked.table);
    if (wantsJson(req)) {
      return reply.send({
        year: result.year, units: result.units,
        changes: result.changes.map((c) => ({
          code: c.code, old_due: c.oldDueAt && vnIsoString(c.oldDueAt), new_due: c.newDueAt && vnIsoString(c.newDueAt),
          old_due_date: c.oldDueDate, new_due_date: c.newDueDate,
        })),
      });
    }
    return show(app, req, reply, { done: { year: result.year, changes: result.changes } });
  });
}
