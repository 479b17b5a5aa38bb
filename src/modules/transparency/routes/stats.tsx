import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { withUnit } from '../../../core/tenancy.js';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { readForm, unitOf } from '../../../core/http/forms.js';
import { parseStatsCsv, parseStatsXlsx, type ImportResult } from '../lib/stats-import.js';
import { listFigures, listYears, upsertFigures } from '../repo-stats.js';
import { loadYearStats } from '../stats-source.js';
import { statsCharts, statsCsv, statsXlsx } from '../stats-export.js';
import { StatsPage } from '../views/stats-page.js';
import { StaffStatsPage } from '../views/staff-stats.js';
import { EDITORS, flashOf, item, publicPage, staffPage } from './context.js';
import { vnParts } from '../../../lib/vn-calendar/index.js';

/** `?nam=` / `?year=`: the current year in Vietnam when absent, 400 when not a plausible year. */
function yearOf(req: FastifyRequest): number {
  const q = (req.query ?? {}) as Record<string, string | undefined>;
  const raw = q.nam ?? q.year;
  if (raw === undefined || raw === '') return vnParts(new Date()).year;
  if (!/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100) throw AppError.badRequest('transparency.error.year');
  return Number(raw);
}

const load = (app: FastifyInstance, req: FastifyRequest, year: number) => loadYearStats(app.db, unitOf(req).id, year, req.lang, req.t);

const Summary = Type.Object({
  received_online: Type.Integer(), received_in_person: Type.Integer(), received: Type.Integer(), resolved: Type.Integer(),
  resolved_on_time: Type.Integer(), online_rate: Type.Union([Type.Number(), Type.Null()]), on_time_rate: Type.Union([Type.Number(), Type.Null()]),
});
const snake = (s: import('../lib/rates.js').RateSummary) => ({ received_online: s.receivedOnline, received_in_person: s.receivedInPerson, received: s.received,
  resolved: s.resolved, resolved_on_time: s.resolvedOnTime, online_rate: s.onlineRate, on_time_rate: s.onTimeRate });

export async function statsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/:unit/thong-ke', { schema: { hide: true } }, async (req, reply) => {
    const year = yearOf(req);
    const { stats, source } = await load(app, req, year);
    const [years, published] = await withUnit(app.db, unitOf(req).id, async (trx) => [await listYears(trx), await item(trx, 'statistics')] as const);
    const allYears = [...new Set([...years, vnParts(new Date()).year, year])].sort((a, b) => b - a);
    return publicPage(req, reply, { title: req.t('transparency.stats.title'), current: 'thong-ke' },
      <StatsPage req={req} stats={stats} years={allYears} source={source.description} charts={statsCharts(stats, req.t)} item={published} />);
  });

  app.get('/:unit/thong-ke/csv', { schema: { hide: true } }, async (req, reply) => {
    const year = yearOf(req);
    const { stats } = await load(app, req, year);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="thong-ke-truc-tuyen-${year}.csv"`).send(statsCsv(stats, req.t));
  });

  app.get('/:unit/thong-ke/xlsx', { schema: { hide: true } }, async (req, reply) => {
    const year = yearOf(req);
    const { stats, source } = await load(app, req, year);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="thong-ke-truc-tuyen-${year}.xlsx"`).send(await statsXlsx(stats, req.t, source.description));
  });

  app.get('/api/v1/units/:unit/stats/online', {
    schema: {
      tags: ['transparency'], summary: 'Hồ sơ trực tuyến/trực tiếp và tỷ lệ đúng hạn theo tháng, lĩnh vực',
      querystring: Type.Object({ year: Type.Optional(Type.String()) }),
      response: { 200: Type.Object({
        year: Type.Integer(), source: Type.Object({ id: Type.String(), description: Type.String() }), total: Summary,
        by_month: Type.Array(Type.Intersect([Type.Object({ month: Type.Integer(), source: Type.Union([Type.String(), Type.Null()]) }), Summary])),
        by_field: Type.Array(Type.Intersect([Type.Object({ field: Type.String() }), Summary])),
      }) },
    },
  }, async (req) => {
    const { stats, source, monthSources } = await load(app, req, yearOf(req));
    return { year: stats.year, source, total: snake(stats.total), by_month: stats.byMonth.map((m, i) => ({ month: m.month, source: monthSources[i], ...snake(m) })),
      by_field: stats.byField.map((f) => ({ field: f.field, ...snake(f) })) };
  });

  staffStatsRoutes(app);
}

function staffStatsRoutes(app: FastifyInstance): void {
  const guard = { preHandler: app.requireStaff([...EDITORS]), schema: { hide: true } };
  const title = (req: FastifyRequest) => req.t('transparency.stats.staff_title');

  app.get('/quan-tri/:unit/thong-ke', guard, async (req, reply) => {
    const year = yearOf(req);
    const rows = await withUnit(app.db, unitOf(req).id, (trx) => listFigures(trx, year));
    return staffPage(req, reply, { title: title(req), current: 'thong-ke' }, <StaffStatsPage req={req} year={year} rows={rows} flash={flashOf(req)} />);
  });

  app.post('/quan-tri/:unit/thong-ke/nhap', guard, async (req, reply) => {
    const u = unitOf(req);
    const form = await readForm(req);
    const file = form.files.find((f) => f.field === 'file');
    const source = (form.fields.source ?? '').trim().slice(0, 300);
    const fail = async (status: number, errors: Record<string, string>, rowErrors?: { row: number; message: string }[]) => {
      const year = vnParts(new Date()).year;
      const rows = await withUnit(app.db, u.id, (trx) => listFigures(trx, year));
      return staffPage(req, reply, { title: title(req), current: 'thong-ke' }, <StaffStatsPage req={req} year={year} rows={rows} errors={errors} rowErrors={rowErrors} source={source} />, status);
    };
    if (!source) return fail(422, { source: req.t('transparency.error.required', { field: req.t('transparency.stats.import_source') }) });
    if (!file) return fail(422, { file: req.t('transparency.error.import_missing') });
    const name = file.filename.toLowerCase();
    let result: ImportResult;
    if (name.endsWith('.csv')) result = parseStatsCsv(file.data.toString('utf8'));
    else if (name.endsWith('.xlsx')) result = await parseStatsXlsx(file.data);
    else return fail(422, { file: req.t('transparency.error.import_format') });
    if (!result.ok) return fail(422, { file: req.t('transparency.error.import_rows') }, result.errors);
    const rows = result.rows;
    const count = await withUnit(app.db, u.id, async (trx) => {
      const n = await upsertFigures(trx, u.id, rows, source);
      await audit(trx, req, { action: 'transparency.stats.import', entity: 'online_stats_monthly', entityId: file.filename.slice(0, 120), after: { source, rows: n, years: [...new Set(rows.map((r) => r.year))] } });
      return n;
    });
    return reply.redirect(`/quan-tri/${u.slug}/thong-ke?nam=${rows[0]?.year ?? ''}&da-luu=${count}`, 303);
  });
}
