import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../../core/errors.js';
import { withUnit } from '../../../core/tenancy.js';
import { addDays, vnDayStart } from '../../../lib/vn-calendar/index.js';
import { CONTENT_TYPES, FORM_NUMBERS, formatAllowed, renderForm, trackingBookXlsx, type FormFormat, type FormNumber } from '../forms/index.js';
import { unitNames } from '../repo/dossiers.js';
import { dossiersReceivedBetween, handOversByDossier } from '../repo/list.js';
import { loadFormContext } from '../service/forms.js';
import { READ_ROLES, depsOf, type UnitReq } from './context.js';

const FILE_RE = /^(0[1-6])\.(pdf|docx|xlsx)$/;

/** `/api/v1/units/:unit/dossiers/:code/forms/01.pdf` … `05.xlsx` … `06.docx`, staff session or bearer token. */
export async function formRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/v1/units/:unit/dossiers/:code/forms/:file', {
    preHandler: app.requireStaff(READ_ROLES),
    schema: {
      summary: 'One-stop form of a dossier: 01–04 and 06 as PDF or DOCX, 05 (tracking book) as XLSX',
      tags: ['dossiers'],
      params: Type.Object({ unit: Type.String(), code: Type.String({ maxLength: 60 }), file: Type.String({ maxLength: 10 }) }),
    },
  }, async (req, reply) => {
    const { code, file } = (req as UnitReq).params as { code: string; file: string };
    const m = FILE_RE.exec(file);
    if (!m || !(FORM_NUMBERS as readonly string[]).includes(m[1])) throw AppError.notFound('dossiers.error.form_not_found');
    const [n, format] = [m[1] as FormNumber, m[2] as FormFormat];
    if (!formatAllowed(n, format)) throw AppError.notFound(n === '05' ? 'dossiers.error.form_05_xlsx' : 'dossiers.error.form_pdf_docx');
    const ctx = await loadFormContext(depsOf(app), req.unit!.id, code, n);
    const body = await renderForm(n, format, ctx);
    return reply.type(CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="mau-${n}-${ctx.dossier.code}.${format}"`).send(body);
  });

  app.get<{ Querystring: { from: string; to: string } }>('/api/v1/units/:unit/dossiers/tracking-book.xlsx', {
    preHandler: app.requireStaff(READ_ROLES),
    schema: {
      summary: 'Mẫu 05 tracking book of the unit for a period (received between from and to, ISO dates)',
      tags: ['dossiers'],
      params: Type.Object({ unit: Type.String() }),
      querystring: Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }),
    },
  }, async (req, reply) => {
    const { from, to } = req.query;
    const start = vnDayStart(from);
    const end = vnDayStart(addDays(to, 1));
    if (!(end > start)) throw AppError.badRequest('dossiers.error.bad_period');
    const { rows, names, handOvers } = await withUnit(app.db, req.unit!.id, async (trx) => {
      const rows = await dossiersReceivedBetween(trx, req.unit!.id, start, end);
      const [names, handOvers] = await Promise.all([
        unitNames(trx, [...new Set(rows.map((r) => r.unit_id))]), handOversByDossier(trx, rows.map((r) => r.id)),
      ]);
      return { rows, names, handOvers };
    });
    return reply.type(CONTENT_TYPES.xlsx).header('content-disposition', `attachment; filename="so-theo-doi-${from}-${to}.xlsx"`)
      .send(await trackingBookXlsx(req.unit!.name, rows, { unitNames: names, handOvers }));
  });
}
