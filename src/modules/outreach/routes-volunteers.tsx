import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { Q, query, withQuery, type QueryOf } from '../../core/http/query.js';
import { readForm, str, unitOf } from '../../core/http/forms.js';
import { addDays, vnToday } from '../../lib/vn-calendar/index.js';
import { renderPage, renderStaffPage } from '../../web/render.js';
import { getWorkCalendar } from '../calendar/index.js';
import { inUnit, staffBase, staffName, WRITER_ROLES, READER_ROLES } from './context.js';
import { hoursBy, isShift, type Attendance } from './domain/volunteers.js';
import { createLetter } from './letters-service.js';
import * as letters from './repo-letters.js';
import * as repo from './repo-volunteers.js';
import { openShifts, signUp } from './volunteers-service.js';
import { RosterTable, SignedUpPage, SignupPage, StaffVolunteerPage } from './views/volunteer-pages.js';

const attendanceOf = (rows: repo.SignupRow[]): Attendance[] =>
  rows.map((r) => ({ name: r.name, phone: r.phone, organisation: r.organisation, shift: r.shift, checkedIn: r.checked_in_at, checkedOut: r.checked_out_at }));

async function publicPage(req: FastifyRequest, reply: FastifyReply, values?: Record<string, string>, errors?: Record<string, string>, error?: string, status = 200) {
  const cal = await getWorkCalendar(req.server.db, unitOf(req).id);
  const slots = await inUnit(req, (trx) => openShifts(trx, unitOf(req).id, cal, vnToday()));
  return renderPage(req, reply, { title: req.t('outreach.volunteer.public_title'), current: 'tinh-nguyen', styles: ['css/outreach.css'] },
    <SignupPage req={req} slots={slots} values={values} errors={errors} error={error} />, status);
}

async function staffPage(req: FastifyRequest, reply: FastifyReply, notice?: string) {
  const unitId = unitOf(req).id;
  const today = vnToday();
  const year = Number(today.slice(0, 4));
  const data = await inUnit(req, async (trx) => ({
    rows: await repo.signupsBetween(trx, unitId, today, today),
    upcoming: await repo.signupsBetween(trx, unitId, addDays(today, 1), addDays(today, 14)),
    year: attendanceOf(await repo.signupsBetween(trx, unitId, `${year}-01-01`, `${year}-12-31`)),
  }));
  return renderStaffPage(req, reply, { title: req.t('outreach.volunteer.staff_title'), current: 'tinh-nguyen', styles: ['css/outreach.css'] },
    <StaffVolunteerPage req={req} today={today} rows={data.rows} upcoming={data.upcoming} year={year} notice={notice}
      byPerson={hoursBy(data.year, 'person')} byOrg={hoursBy(data.year, 'organisation')} />);
}

const SIGNED_UP_QUERY = query({ ngay: Q.day, ca: Q.text(20) });
const ROSTER_QUERY = query({ tu: Q.day, den: Q.day });

export function registerVolunteerRoutes(app: FastifyInstance): void {
  const write = { preHandler: app.requireStaff([...WRITER_ROLES]) };
  app.get('/:unit/tinh-nguyen', (req, reply) => publicPage(req, reply));
  app.post('/:unit/tinh-nguyen', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { fields } = await readForm(req);
    const input = { slot: str(fields.slot), name: str(fields.name), organisation: str(fields.organisation), phone: str(fields.phone) };
    try {
      const cal = await getWorkCalendar(req.server.db, unitOf(req).id);
      const s = await inUnit(req, (trx) => signUp(trx, unitOf(req).id, cal, vnToday(), input));
      return reply.redirect(`/${unitOf(req).slug}/tinh-nguyen/da-dang-ky?ngay=${s.day}&ca=${s.shift}`, 303);
    } catch (e) {
      if (e instanceof AppError && e.status === 422) return publicPage(req, reply, fields, e.details as Record<string, string>, undefined, 422);
      if (e instanceof AppError && e.status === 409) return publicPage(req, reply, fields, undefined, e.text(req.t), 409);
      throw e;
    }
  });
  app.get<{ Querystring: QueryOf<typeof SIGNED_UP_QUERY> }>('/:unit/tinh-nguyen/da-dang-ky', withQuery({}, SIGNED_UP_QUERY), async (req, reply) => {
    const q = req.query;
    if (!q.ngay || !isShift(q.ca)) throw AppError.notFound();
    return renderPage(req, reply, { title: req.t('outreach.volunteer.thanks_title'), current: 'tinh-nguyen' }, <SignedUpPage req={req} s={{ day: q.ngay, shift: q.ca }} />);
  });
  app.get('/quan-tri/:unit/tinh-nguyen', { preHandler: app.requireStaff([...READER_ROLES]) }, (req, reply) => staffPage(req, reply));
  // The roster the centre prints: the coming two weeks (or ?tu=&den=), one table, print styles.
  const roster = withQuery({ preHandler: app.requireStaff([...READER_ROLES]) }, ROSTER_QUERY);
  app.get<{ Querystring: QueryOf<typeof ROSTER_QUERY> }>('/quan-tri/:unit/tinh-nguyen/lich-truc', roster, async (req, reply) => {
    const q = req.query;
    const from = q.tu ?? vnToday();
    const to = q.den && q.den >= from && q.den <= addDays(from, 62) ? q.den : addDays(from, 13);
    const rows = await inUnit(req, (trx) => repo.signupsBetween(trx, unitOf(req).id, from, to));
    const crumbs = [{ label: req.t('outreach.volunteer.staff_title'), href: staffBase(req, 'tinh-nguyen') }];
    return renderStaffPage(req, reply, { title: req.t('outreach.volunteer.roster'), breadcrumbs: crumbs, current: 'tinh-nguyen', styles: ['css/outreach.css'] }, <>
      <h1>{req.t('outreach.volunteer.roster_of', { unit: unitOf(req).name })}</h1>
      <p>{req.t('outreach.volunteer.period', { from: from.split('-').reverse().join('/'), to: to.split('-').reverse().join('/') })}</p>
      <RosterTable req={req} rows={rows} withActions={false} />
    </>);
  });
  app.post('/quan-tri/:unit/tinh-nguyen/:id', write, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const { fields } = await readForm(req);
    await inUnit(req, async (trx) => {
      const s = await repo.getSignup(trx, unitOf(req).id, id);
      if (!s || s.status !== 'booked') throw AppError.notFound('outreach.error.signup_not_found');
      const now = new Date();
      if (fields.action === 'in' && !s.checked_in_at) await repo.updateSignup(trx, unitOf(req).id, id, { checked_in_at: now });
      else if (fields.action === 'out' && s.checked_in_at && !s.checked_out_at) await repo.updateSignup(trx, unitOf(req).id, id, { checked_out_at: now });
      else throw AppError.conflict('outreach.error.shift_recorded');
      await audit(trx, req, { action: `volunteer.check_${fields.action}`, entity: 'volunteer_signup', entityId: id, after: { at: now.toISOString() } });
    });
    return reply.redirect(staffBase(req, 'tinh-nguyen'), 303);
  });
  // Year-end thanks: one thank-you letter per volunteer with hours in the year, made once.
  app.post('/quan-tri/:unit/tinh-nguyen/thu-cam-on', write, async (req, reply) => {
    const { fields } = await readForm(req);
    const year = Number(fields.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw AppError.badRequest('outreach.error.bad_year');
    const unit = unitOf(req);
    const made = await inUnit(req, async (trx) => {
      const people = hoursBy(attendanceOf(await repo.signupsBetween(trx, unit.id, `${year}-01-01`, `${year}-12-31`)), 'person');
      const refs = people.map((p) => `tinh-nguyen-${year}-${p.key}`);
      const existing = new Set((await letters.lettersBySource(trx, unit.id, 'thanks', refs)).map((l) => l.source_ref));
      let n = 0;
      for (const p of people) {
        const ref = `tinh-nguyen-${year}-${p.key}`;
        if (existing.has(ref)) continue;
        await createLetter(trx, req, unit, {
          kind: 'thanks', recipientName: p.label.replace(/ \(.*\)$/, ''), phone: p.key, source: 'volunteer', sourceRef: ref,
          fields: { noi_dung: `tham gia tình nguyện hỗ trợ người dân tại Trung tâm Phục vụ hành chính công ${p.shifts} ca, tổng cộng ${p.hours.toLocaleString('vi-VN')} giờ trong năm ${year}` },
        }, new Date(), staffName(req));
        n++;
      }
      return n;
    });
    return staffPage(req, reply, req.t('outreach.volunteer.thanks_made', { n: made }));
  });
}
