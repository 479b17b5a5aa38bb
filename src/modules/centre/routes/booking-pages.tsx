import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { withUnit } from '../../../core/tenancy.js';
import { isRealDay, Q as QS, query, queryFlag } from '../../../core/http/query.js';
import { Alert, StatusTag, SummaryList, Table } from '../../../web/components/display.js';
import { Button, CsrfField, Select, TextInput } from '../../../web/components/forms.js';
import { renderPage, renderStaffPage } from '../../../web/render.js';
import {
  bookingByCode, bookingByToken, bookingsOfDay, bookingToken, bookSlot, cancelBooking, slotAvailability, type Booking,
} from '../booking-service.js';
import { nextWorkingDay, unitCalendar, type DayCalendar } from '../calendar-link.js';
import { addDays, vnToday } from '../../../lib/vn-calendar/index.js';
import { listServices } from '../repo/config-repo.js';
import { urls } from './urls.js';
import { bookingDetails, queueEmailReceipt, sendSmsReceipt } from './booking-receipt.js';
import { BookingPage } from '../views/booking-page.js';

type Q = { linh_vuc?: string; ngay?: string };
const dmy = (day: string) => day.split('-').reverse().join('/');

export function registerBookingPages(app: FastifyInstance): void {
  const show = async (req: FastifyRequest, reply: FastifyReply, q: Q & { name?: string; phone?: string; email?: string; slot?: string }, error?: string, status = 200) => {
    const unit = req.unit!;
    const t = req.t;
    const calendar = await unitCalendar(app.db, unit.id, req.log);
    const today = vnToday();
    const first = nextWorkingDay(calendar, today) ?? addDays(today, 1);
    const day = isRealDay(q.ngay) ? q.ngay : first;
    const open = calendar.isWorkingDay(day);
    const { services, slots } = await withUnit(app.db, unit.id, async (trx) => {
      const services = await listServices(trx, unit.id, true);
      const s = services.find((x) => x.code === q.linh_vuc);
      return { services, slots: s && open ? await slotAvailability(trx, unit.id, s.id, s.booking_capacity, day) : null };
    });
    const name = (s: (typeof services)[number]) => (req.lang === 'en' ? s.name_en : s.name_vi);
    const closed = q.linh_vuc && !open ? closedNotice(req, calendar, day, q.linh_vuc) : null;
    return renderPage(req, reply, { title: t('centre.booking.title'), current: 'quay/dat-lich', styles: ['css/centre.css'] }, (
      <div>
        <h1>{t('centre.booking.title')}</h1>
        <p>{t('centre.booking.lead')}</p>
        {error && <Alert kind="error">{error}</Alert>}
        <form method="get" action={urls.booking(unit.slug)}>
          <Select name="linh_vuc" label={t('centre.booking.service')} value={q.linh_vuc} required options={services.map((s) => ({ value: s.code, label: name(s) }))} />
          <TextInput name="ngay" type="date" label={t('centre.booking.day')} hint={t('centre.booking.day_hint')} value={day}
            min={addDays(today, 1)} required />
          <Button variant="secondary">{t('centre.booking.show_slots')}</Button>
        </form>
        {closed}
        {slots && (
          <form method="post" action={urls.booking(unit.slug)}>
            <CsrfField req={req} />
            <input type="hidden" name="service" value={q.linh_vuc} />
            <input type="hidden" name="day" value={day} />
            <Select name="slot" label={t('centre.booking.slot')} required value={q.slot} options={Object.entries(slots).map(([s, left]) => ({
              value: s, label: `${s} – ${left ? t('centre.booking.left', { n: left }) : t('centre.booking.full')}`,
            }))} />
            <TextInput name="full_name" label={t('centre.booking.name')} required maxLength={100} autocomplete="name" value={q.name} />
            <TextInput name="phone" type="tel" label={t('centre.booking.phone')} hint={t('centre.booking.phone_receipt')} maxLength={15} autocomplete="tel" value={q.phone} />
            <TextInput name="email" type="email" label={t('centre.booking.email')} maxLength={200} autocomplete="email" value={q.email} />
            <Button>{t('centre.booking.submit')}</Button>
          </form>
        )}
      </div>
    ), status);
  };

  /** "Not open that day (reason); the next working day is …" with a link to it. */
  const closedNotice = (req: FastifyRequest, calendar: DayCalendar, day: string, service: string) => {
    const reason = calendar.offReason(day);
    const next = nextWorkingDay(calendar, day);
    return (
      <Alert kind="warning">
        {req.t('centre.booking.closed_day', { day: dmy(day), reason: reason ? (req.lang === 'en' ? reason.en : reason.vi) : '' })}
        {next && <> <a href={`${urls.booking(req.unit!.slug)}?linh_vuc=${encodeURIComponent(service)}&ngay=${next}`}>{req.t('centre.booking.next_open', { day: dmy(next) })}</a></>}
      </Alert>
    );
  };

  app.get<{ Querystring: Q }>('/:unit/quay/dat-lich', { schema: { hide: true, querystring: query({ ngay: QS.day, linh_vuc: QS.text(100) }) } }, (req, reply) => show(req, reply, req.query));

  app.post('/:unit/quay/dat-lich', { schema: { hide: true }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
    const unit = req.unit!;
    const { fields: f } = await readForm(req);
    try {
      const calendar = await unitCalendar(app.db, unit.id, req.log);
      const { b, token } = await withUnit(app.db, unit.id, async (trx) => {
        const b = await bookSlot(trx, unit.id, {
          service: f.service ?? '', day: f.day ?? '', slot: f.slot ?? '', fullName: f.full_name ?? '', phone: f.phone, email: f.email,
        }, new Date(), calendar);
        const token = await bookingToken(trx, unit.id, b.id);
        await queueEmailReceipt(app, trx, req, b, token);
        return { b, token };
      });
      await sendSmsReceipt(app, req, b, token);
      return reply.redirect(`${urls.bookingPage(unit.slug, token)}?moi=1`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      return show(req, reply, { linh_vuc: f.service, ngay: f.day, name: f.full_name, phone: f.phone, email: f.email, slot: f.slot }, err.text(req.t), err.status);
    }
  });

  // The citizen's own page for a booking (bookmarkable; the token is its only key): what, when,
  // where, what to bring, and a cancel button.
  type TP = { unit: string; token: string };
  const cancelPage = async (req: FastifyRequest<{ Params: TP }>, reply: FastifyReply, b: Booking, msg: { done?: boolean; error?: string } = {}, status = 200) => {
    const unit = req.unit!;
    const details = await withUnit(app.db, unit.id, (trx) => bookingDetails(trx, unit.id, b));
    return renderPage(req, reply, { title: req.t(b.status === 'booked' && !msg.done ? 'centre.booking.page_title' : 'centre.booking.cancel_title'), styles: ['css/centre.css'] },
      <BookingPage req={req} b={b} details={details} token={req.params.token} msg={msg} isNew={queryFlag(req, 'moi')} />, status);
  };
  app.get<{ Params: TP }>('/:unit/quay/dat-lich/hen/:token', { schema: { hide: true } }, async (req, reply) => {
    const b = await withUnit(app.db, req.unit!.id, (trx) => bookingByToken(trx, req.unit!.id, req.params.token));
    return cancelPage(req, reply, b);
  });
  app.get<{ Params: TP }>('/:unit/quay/dat-lich/huy/:token', { schema: { hide: true } }, async (req, reply) => {
    const b = await withUnit(app.db, req.unit!.id, (trx) => bookingByToken(trx, req.unit!.id, req.params.token));
    return cancelPage(req, reply, b);
  });
  app.post<{ Params: TP }>('/:unit/quay/dat-lich/huy/:token', { schema: { hide: true }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
    const unitId = req.unit!.id;
    const found = await withUnit(app.db, unitId, (trx) => bookingByToken(trx, unitId, req.params.token));
    try {
      const b = await withUnit(app.db, unitId, async (trx) => {
        const b = await cancelBooking(trx, unitId, found.id, { staffUserId: null }, new Date());
        await audit(trx, req, { action: 'centre.booking.cancel', entity: 'centre_booking', entityId: b.id, before: { status: found.status }, after: { status: b.status, by: 'citizen' } });
        return b;
      });
      return cancelPage(req, reply, b, { done: true });
    } catch (err) {
      if (err instanceof AppError && err.status === 409) return cancelPage(req, reply, found, { error: err.text(req.t) }, 409);
      throw err;
    }
  });

  // Staff: a day's bookings, cancel one (audited).
  const view = app.requireStaff(['admin', 'centre_officer', 'leader']);
  const edit = app.requireStaff(['admin', 'centre_officer']);
  const staffList = async (req: FastifyRequest, reply: FastifyReply, day: string, msg: { notice?: string; error?: string } = {}, status = 200) => {
    const unit = req.unit!;
    const t = req.t;
    const rows = await withUnit(app.db, unit.id, (trx) => bookingsOfDay(trx, unit.id, day));
    const services = await withUnit(app.db, unit.id, (trx) => listServices(trx, unit.id));
    const serviceName = (id: string) => { const s = services.find((x) => x.id === id); return s ? `${s.prefix} ${req.lang === 'en' ? s.name_en : s.name_vi}` : ''; };
    return renderStaffPage(req, reply, {
      title: t('centre.booking.staff_title'), current: 'quay', styles: ['css/centre.css'],
      breadcrumbs: [{ label: t('centre.admin.title'), href: urls.staffHome(unit.slug) }, { label: t('centre.booking.staff_title') }],
    }, (
      <div>
        <h1>{t('centre.booking.staff_title')}</h1>
        {msg.notice && <Alert kind="success">{msg.notice}</Alert>}
        {msg.error && <Alert kind="error">{msg.error}</Alert>}
        <form method="get" action={urls.staffBookings(unit.slug)} class="inline-form">
          <TextInput name="ngay" type="date" label={t('centre.booking.day')} value={day} required />
          <Button variant="secondary">{t('centre.stats.show')}</Button>
        </form>
        <Table caption={t('centre.booking.staff_caption', { day: dmy(day) })} rows={rows} empty={t('centre.booking.staff_none')} columns={[
          { header: t('centre.booking.slot'), cell: (b) => b.slot },
          { header: t('centre.booking.code'), cell: (b) => <strong>{b.code}</strong> },
          { header: t('centre.booking.service'), cell: (b) => serviceName(b.service_id) },
          { header: t('centre.booking.name'), cell: (b) => b.full_name },
          { header: t('centre.booking.phone_short'), cell: (b) => b.phone ?? '—' },
          { header: t('centre.booking.status'), cell: (b) => t(`centre.booking.status_${b.status}`) },
          { header: t('centre.device.actions'), cell: (b) => b.status === 'booked' ? (
            <form method="post" action={`${urls.staffBookings(unit.slug)}/${b.code}/huy`} class="inline-form">
              <CsrfField req={req} />
              <input type="hidden" name="ngay" value={day} />
              <Button variant="secondary">{t('centre.booking.cancel_submit')}</Button>
            </form>
          ) : '' },
        ]} />
      </div>
    ), status);
  };
  app.get<{ Querystring: { ngay?: string } }>('/quan-tri/:unit/quay/lich-hen', { preHandler: view, schema: { hide: true, querystring: query({ ngay: QS.day }) } },
    (req, reply) => staffList(req, reply, req.query.ngay ?? vnToday()));
  app.post<{ Params: { unit: string; code: string } }>('/quan-tri/:unit/quay/lich-hen/:code/huy', { preHandler: edit, schema: { hide: true } }, async (req, reply) => {
    const unit = req.unit!;
    const { fields } = await readForm(req);
    const day = isRealDay(fields.ngay) ? fields.ngay : vnToday();
    try {
      const b = await withUnit(app.db, unit.id, async (trx) => {
        const found = await bookingByCode(trx, unit.id, req.params.code);
        if (!found) throw AppError.notFound('centre.error.booking_code_not_found');
        const b = await cancelBooking(trx, unit.id, found.id, { staffUserId: req.staff?.userId ?? null }, new Date());
        await audit(trx, req, { action: 'centre.booking.cancel', entity: 'centre_booking', entityId: b.id, before: { status: found.status }, after: { status: b.status, by: 'staff' } });
        return b;
      });
      return staffList(req, reply, b.day, { notice: req.t('centre.booking.staff_cancelled', { code: b.code }) });
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return staffList(req, reply, day, { error: err.text(req.t) }, err.status);
      throw err;
    }
  });
}
