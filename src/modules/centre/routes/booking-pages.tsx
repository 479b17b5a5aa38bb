import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { withUnit } from '../../../core/tenancy.js';
import { Alert, SummaryList } from '../../../web/components/display.js';
import { Button, CsrfField, Select, TextInput } from '../../../web/components/forms.js';
import { renderPage } from '../../../web/render.js';
import { bookSlot, slotAvailability } from '../booking-service.js';
import { vnDay } from '../domain/numbering.js';
import { listServices } from '../repo/config-repo.js';
import { urls } from './urls.js';

type Q = { linh_vuc?: string; ngay?: string };

export function registerBookingPages(app: FastifyInstance): void {
  const show = async (req: FastifyRequest, reply: FastifyReply, q: Q & { name?: string; phone?: string; slot?: string }, error?: string, status = 200) => {
    const unit = req.unit!;
    const tomorrow = vnDay(new Date(Date.now() + 86_400_000));
    const day = q.ngay && /^\d{4}-\d{2}-\d{2}$/.test(q.ngay) ? q.ngay : tomorrow;
    const { services, slots } = await withUnit(app.db, unit.id, async (trx) => {
      const services = await listServices(trx, unit.id, true);
      const s = services.find((x) => x.code === q.linh_vuc);
      return { services, slots: s ? await slotAvailability(trx, unit.id, s.id, s.booking_capacity, day) : null };
    });
    const t = req.t;
    const name = (s: (typeof services)[number]) => (req.lang === 'en' ? s.name_en : s.name_vi);
    return renderPage(req, reply, { title: t('centre.booking.title'), current: 'quay/dat-lich', styles: ['css/centre.css'] }, (
      <div>
        <h1>{t('centre.booking.title')}</h1>
        <p>{t('centre.booking.lead')}</p>
        {error && <Alert kind="error">{error}</Alert>}
        <form method="get" action={urls.booking(unit.slug)}>
          <Select name="linh_vuc" label={t('centre.booking.service')} value={q.linh_vuc} required options={services.map((s) => ({ value: s.code, label: name(s) }))} />
          <TextInput name="ngay" type="date" label={t('centre.booking.day')} value={day} min={tomorrow} required />
          <Button variant="secondary">{t('centre.booking.show_slots')}</Button>
        </form>
        {slots && (
          <form method="post" action={urls.booking(unit.slug)}>
            <CsrfField req={req} />
            <input type="hidden" name="service" value={q.linh_vuc} />
            <input type="hidden" name="day" value={day} />
            <Select name="slot" label={t('centre.booking.slot')} required value={q.slot} options={Object.entries(slots).map(([s, left]) => ({
              value: s, label: `${s} – ${left ? t('centre.booking.left', { n: left }) : t('centre.booking.full')}`,
            }))} />
            <TextInput name="full_name" label={t('centre.booking.name')} required maxLength={100} autocomplete="name" value={q.name} />
            <TextInput name="phone" type="tel" label={t('centre.booking.phone')} maxLength={15} autocomplete="tel" value={q.phone} />
            <Button>{t('centre.booking.submit')}</Button>
          </form>
        )}
      </div>
    ), status);
  };

  app.get<{ Querystring: Q }>('/:unit/quay/dat-lich', { schema: { hide: true } }, (req, reply) => show(req, reply, req.query));

  app.post('/:unit/quay/dat-lich', { schema: { hide: true }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
    const unit = req.unit!;
    const { fields: f } = await readForm(req);
    try {
      const b = await withUnit(app.db, unit.id, (trx) => bookSlot(trx, unit.id, { service: f.service ?? '', day: f.day ?? '', slot: f.slot ?? '', fullName: f.full_name ?? '', phone: f.phone }, new Date()));
      const t = req.t;
      return renderPage(req, reply, { title: t('centre.booking.done'), styles: ['css/centre.css'] }, (
        <div>
          <h1>{t('centre.booking.done')}</h1>
          <SummaryList rows={[[t('centre.booking.code'), <strong class="booking-code">{b.code}</strong>], [t('centre.booking.day'), b.day.split('-').reverse().join('/')], [t('centre.booking.slot'), b.slot]]} />
          <Alert kind="info">{t('centre.booking.keep_code')}</Alert>
        </div>
      ), 201);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      return show(req, reply, { linh_vuc: f.service, ngay: f.day, name: f.full_name, phone: f.phone, slot: f.slot }, err.message, err.status);
    }
  });
}
