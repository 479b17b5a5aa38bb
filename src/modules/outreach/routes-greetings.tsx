import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { Q, query, withQuery, type QueryOf } from '../../core/http/query.js';
import { hasRole } from '../../core/http/guards.js';
import { readForm, str, unitOf } from '../../core/http/forms.js';
import { renderPage, renderStaffPage } from '../../web/render.js';
import { inUnit, READER_ROLES, staffBase, WRITER_ROLES } from './context.js';
import { findOccasion, occasionsOfYear } from './domain/occasions.js';
import * as g from './greetings.js';
import { GreetingCalendarPage, GreetingEditPage, PublicGreetingsPage } from './views/greeting-pages.js';
import { vnYearOf } from '../../lib/vn-calendar/index.js';

type OccReq = FastifyRequest<{ Params: { unit: string; year: string; key: string } }>;
const yearOf = (v: unknown, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : fallback;
};

const YEAR_QUERY = query({ nam: Q.year });

async function calendar(req: FastifyRequest<{ Querystring: QueryOf<typeof YEAR_QUERY> }>, reply: FastifyReply) {
  const year = yearOf(req.query.nam, vnYearOf(new Date()));
  const unitId = unitOf(req).id;
  const { rows, pubs } = await inUnit(req, async (trx) => {
    const rows = await g.greetingsOfYear(trx, unitId, year);
    return { rows, pubs: await g.publicationsOf(trx, unitId, rows.map((r) => r.id)) };
  });
  const byGreeting = new Map<string, g.PublicationRow[]>();
  for (const p of pubs) byGreeting.set(p.greeting_id, [...(byGreeting.get(p.greeting_id) ?? []), p]);
  return renderStaffPage(req, reply, { title: req.t('outreach.greeting.calendar', { year }), current: 'loi-chuc', styles: ['css/outreach.css'] },
    <GreetingCalendarPage req={req} year={year} occasions={occasionsOfYear(year)} byKey={new Map(rows.map((r) => [r.occasion, r]))} pubs={byGreeting} />);
}

async function editor(req: FastifyRequest, reply: FastifyReply, errors?: Record<string, string>, status = 200) {
  const r = req as OccReq;
  const year = yearOf(r.params.year, 0);
  const o = year ? findOccasion(r.params.key, year) : undefined;
  if (!o) throw AppError.notFound('outreach.error.occasion_not_found');
  const { greeting, pubs } = await inUnit(r, async (trx) => {
    const greeting = await g.greetingFor(trx, unitOf(r), o.key, year);
    return { greeting, pubs: await g.publicationsOf(trx, unitOf(r).id, [greeting.id]) };
  });
  const crumbs = [{ label: req.t('outreach.greeting.calendar', { year }), href: `${staffBase(r, 'loi-chuc')}?nam=${year}` }];
  return renderStaffPage(r, reply, { title: o.name, breadcrumbs: crumbs, current: 'loi-chuc', styles: ['css/outreach.css'] },
    <GreetingEditPage req={r} o={o} g={greeting} pubs={pubs} isLeader={hasRole(r, ['leader', 'admin'])} errors={errors} />, status);
}

/** Runs a change on the occasion's greeting, then shows the editor again (422 keeps the errors). */
function change(fn: (trx: Parameters<Parameters<typeof inUnit>[1]>[0], req: OccReq, greeting: g.GreetingRow, fields: Record<string, string>, lists: Record<string, string[]>) => Promise<void>) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const r = req as OccReq;
    const year = yearOf(r.params.year, 0);
    if (!year || !findOccasion(r.params.key, year)) throw AppError.notFound('outreach.error.occasion_not_found');
    const { fields, lists } = await readForm(r);
    try {
      await inUnit(r, async (trx) => fn(trx, r, await g.greetingFor(trx, unitOf(r), r.params.key, year), fields, lists));
    } catch (e) {
      if (e instanceof AppError && e.status === 422) return editor(r, reply, e.details as Record<string, string>, 422);
      throw e;
    }
    return reply.redirect(`${staffBase(r, 'loi-chuc')}/${year}/${r.params.key}`, 303);
  };
}

export function registerGreetingRoutes(app: FastifyInstance): void {
  const read = { preHandler: app.requireStaff([...READER_ROLES]) };
  const write = { preHandler: app.requireStaff([...WRITER_ROLES]) };
  app.get<{ Querystring: QueryOf<typeof YEAR_QUERY> }>('/quan-tri/:unit/loi-chuc', withQuery(read, YEAR_QUERY), calendar);
  app.get('/quan-tri/:unit/loi-chuc/:year/:key', write, (req, reply) => editor(req, reply));
  app.post('/quan-tri/:unit/loi-chuc/:year/:key/luu', write, change((trx, req, greeting, f) => g.saveGreetingText(trx, req, greeting, {
    title: str(f.title).slice(0, 300), body: str(f.body).slice(0, 20000), radio_script: str(f.radio_script).slice(0, 20000), social_text: str(f.social_text).slice(0, 5000),
  })));
  app.post('/quan-tri/:unit/loi-chuc/:year/:key/chuyen', write, change((trx, req, greeting, f) =>
    g.moveGreeting(trx, req, greeting, str(f.to) as g.GreetingStatus, hasRole(req, ['leader', 'admin']))));
  app.post('/quan-tri/:unit/loi-chuc/:year/:key/dang', write, change((trx, req, greeting, f, lists) =>
    g.recordPublication(trx, req, greeting, lists.channels ?? [], str(f.link) || null)));
  app.get('/:unit/loi-chuc', async (req, reply) => {
    const rows = await inUnit(req, (trx) => g.publishedOnWebsite(trx, unitOf(req).id));
    return renderPage(req, reply, { title: req.t('outreach.greeting.public_title'), current: 'loi-chuc' }, <PublicGreetingsPage req={req} rows={rows} />);
  });
}
