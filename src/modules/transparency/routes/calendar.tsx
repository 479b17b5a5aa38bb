import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { withUnit } from '../../../core/tenancy.js';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { buildFeed } from '../lib/ics.js';
import { deleteEvent, getEvent, insertEvent, listEvents, type CalendarOwner } from '../repo-calendar.js';
import { parseEventForm } from '../validate.js';
import { CalendarPage } from '../views/calendar-page.js';
import { CalendarPrint } from '../views/calendar-print.js';
import { StaffCalendarPage } from '../views/staff-calendar.js';
import { translateErrors } from '../views/shared.js';
import { bodyOf, EDITORS, flashOf, item, publicPage, staffPage, uuidParam } from './context.js';
import { unitOf } from '../../../core/http/forms.js';
import { addDays, type IsoWeek, isoWeekAt, parseWeekKey, vnWallInstant, weekKey } from '../../../lib/vn-calendar/index.js';

const q = (req: FastifyRequest) => (req.query ?? {}) as Record<string, string | undefined>;

/** `?tuan=2026-W48` (or `?week=`), the current week when absent; 400 when malformed. */
export function weekFromQuery(req: FastifyRequest, now = new Date()): IsoWeek {
  const raw = q(req).tuan ?? q(req).week;
  if (!raw) return isoWeekAt(now);
  const w = parseWeekKey(raw);
  if (!w) throw AppError.badRequest('transparency.error.week');
  return w;
}

const ownerFromQuery = (req: FastifyRequest): CalendarOwner => (q(req).lich === 'chu-tich' ? 'chairman' : 'committee');

function apiOwner(req: FastifyRequest): CalendarOwner | undefined {
  const o = q(req).owner;
  if (o === undefined || o === '') return undefined;
  if (o !== 'committee' && o !== 'chairman') throw AppError.badRequest('transparency.error.owner');
  return o;
}

const weekRange = (w: IsoWeek) => {
  const [y, m, d] = w.monday.split('-').map(Number);
  const [y2, m2, d2] = addDays(w.monday, 7).split('-').map(Number);
  return [vnWallInstant(y, m, d), vnWallInstant(y2, m2, d2)] as const;
};

const EventJson = Type.Object({
  id: Type.String(), owner: Type.String(), title: Type.String(), starts_at: Type.String(), ends_at: Type.String(),
  place: Type.String(), chair: Type.String(), participants: Type.String(),
});

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  app.get('/:unit/lich-cong-tac', { schema: { hide: true } }, async (req, reply) => {
    const u = unitOf(req);
    const week = weekFromQuery(req);
    const owner = ownerFromQuery(req);
    const [from, to] = weekRange(week);
    const [events, published] = await withUnit(app.db, u.id, async (trx) => [await listEvents(trx, from, to, owner), await item(trx, 'calendar', owner)] as const);
    return publicPage(req, reply, { title: req.t('transparency.calendar.title'), current: 'lich-cong-tac' },
      <CalendarPage req={req} week={week} owner={owner} events={events} item={published} />);
  });

  app.get('/:unit/lich-cong-tac/ban-in', { schema: { hide: true } }, async (req, reply) => {
    const u = unitOf(req);
    const week = weekFromQuery(req);
    const owner = ownerFromQuery(req);
    const [from, to] = weekRange(week);
    const events = await withUnit(app.db, u.id, (trx) => listEvents(trx, from, to, owner));
    return publicPage(req, reply, { title: `${req.t(`transparency.calendar.owner.${owner}`)} ${weekKey(week)}`, bare: true },
      <CalendarPrint req={req} week={week} owner={owner} events={events} />);
  });

  app.get('/api/v1/units/:unit/calendar', {
    schema: {
      tags: ['transparency'], summary: 'Lịch công tác trong một tuần (ISO 8601, giờ Việt Nam)',
      querystring: Type.Object({ week: Type.Optional(Type.String()), owner: Type.Optional(Type.String()) }),
      response: { 200: Type.Object({ week: Type.String(), from: Type.String(), to: Type.String(), items: Type.Array(EventJson) }) },
    },
  }, async (req) => {
    const week = weekFromQuery(req);
    const owner = apiOwner(req);
    const [from, to] = weekRange(week);
    const events = await withUnit(app.db, unitOf(req).id, (trx) => listEvents(trx, from, to, owner));
    return {
      week: weekKey(week), from: week.monday, to: week.sunday,
      items: events.map((e) => ({ ...e, starts_at: e.starts_at.toISOString(), ends_at: e.ends_at.toISOString() })),
    };
  });

  app.get('/api/v1/units/:unit/calendar.ics', {
    schema: { tags: ['transparency'], summary: 'Lịch công tác dạng iCalendar (?owner=committee|chairman)', querystring: Type.Object({ owner: Type.Optional(Type.String()) }) },
  }, async (req, reply) => {
    const u = unitOf(req);
    const owner = apiOwner(req) ?? 'committee';
    const now = new Date();
    const events = await withUnit(app.db, u.id, (trx) => listEvents(trx, new Date(now.getTime() - 56 * 86400_000), new Date(now.getTime() + 183 * 86400_000), owner));
    const name = `${req.t(`transparency.calendar.owner.${owner}`)} – ${u.name}`;
    const feed = buildFeed(name, events.map((e) => ({
      id: e.id, title: e.title, startsAt: e.starts_at, endsAt: e.ends_at, place: e.place,
      description: [e.chair && `${req.t('transparency.calendar.chair')}: ${e.chair}`, e.participants && `${req.t('transparency.calendar.participants')}: ${e.participants}`].filter(Boolean).join('\n'),
    })), now);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="lich-${owner}.ics"`).send(feed.toString());
  });

  staffCalendarRoutes(app);
}

function staffCalendarRoutes(app: FastifyInstance): void {
  const guard = { preHandler: app.requireStaff([...EDITORS]), schema: { hide: true } };
  const base = (slug: string) => `/quan-tri/${slug}/lich-cong-tac`;
  const title = (req: FastifyRequest) => req.t('transparency.calendar.staff_title');

  app.get('/quan-tri/:unit/lich-cong-tac', guard, async (req, reply) => {
    const week = weekFromQuery(req);
    const [from, to] = weekRange(week);
    const events = await withUnit(app.db, unitOf(req).id, (trx) => listEvents(trx, from, to));
    return staffPage(req, reply, { title: title(req), current: 'lich-cong-tac' }, <StaffCalendarPage req={req} week={week} events={events} flash={flashOf(req)} />);
  });

  app.post('/quan-tri/:unit/lich-cong-tac', guard, async (req, reply) => {
    const u = unitOf(req);
    const parsed = parseEventForm(bodyOf(req), req.t);
    if (!parsed.ok) {
      const week = isoWeekAt(new Date());
      const [from, to] = weekRange(week);
      const events = await withUnit(app.db, u.id, (trx) => listEvents(trx, from, to));
      return staffPage(req, reply, { title: title(req), current: 'lich-cong-tac' },
        <StaffCalendarPage req={req} week={week} events={events} errors={translateErrors(req, parsed.errors)} values={parsed.values} />, 422);
    }
    const created = await withUnit(app.db, u.id, async (trx) => {
      const ev = await insertEvent(trx, u.id, parsed.value);
      await audit(trx, req, { action: 'transparency.calendar.create', entity: 'calendar_event', entityId: ev.id, after: ev });
      return ev;
    });
    return reply.redirect(`${base(u.slug)}?tuan=${weekKey(isoWeekAt(created.starts_at))}&da-luu=1`, 303);
  });

  app.post('/quan-tri/:unit/lich-cong-tac/:id/xoa', guard, async (req, reply) => {
    const u = unitOf(req);
    const id = uuidParam(req);
    await withUnit(app.db, u.id, async (trx) => {
      const before = await getEvent(trx, id);
      if (!before || !(await deleteEvent(trx, id))) throw AppError.notFound('transparency.error.not_found');
      await audit(trx, req, { action: 'transparency.calendar.delete', entity: 'calendar_event', entityId: id, before });
    });
    return reply.redirect(`${base(u.slug)}?da-luu=1`, 303);
  });
}
