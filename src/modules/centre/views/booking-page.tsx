import type { FastifyRequest } from 'fastify';
import { Alert, StatusTag, SummaryList } from '../../../web/components/display.js';
import { Button, CsrfField } from '../../../web/components/forms.js';
import type { Booking } from '../booking-service.js';
import type { BookingDetails } from '../routes/booking-receipt.js';
import { urls } from '../routes/urls.js';

const dmy = (day: string) => day.split('-').reverse().join('/');

export interface BookingPageProps {
  req: FastifyRequest; b: Booking; details: BookingDetails; token: string; isNew: boolean;
  msg: { done?: boolean; error?: string };
}

/** A citizen's booking: code, time, place, counters, papers to bring; cancel while still booked. */
export function BookingPage({ req, b, details, token, isNew, msg }: BookingPageProps) {
  const t = req.t;
  const unit = req.unit!;
  const cancellable = b.status === 'booked' && !msg.done;
  const serviceName = details.service ? (req.lang === 'en' ? details.service.name_en : details.service.name_vi) : '';
  return (
    <div class="booking-page">
      <h1>{t(cancellable ? 'centre.booking.page_title' : 'centre.booking.cancel_title')}</h1>
      {isNew && !msg.done && <Alert kind="success" title={t('centre.booking.done')}>
        <p>{t('centre.booking.bookmark')}</p>
        {(b.phone || b.email) && <p>{t('centre.booking.receipt_sent', { to: [b.phone, b.email].filter(Boolean).join(', ') })}</p>}
      </Alert>}
      {msg.done && <Alert kind="success">{t('centre.booking.cancelled')}</Alert>}
      {msg.error && <Alert kind="error">{msg.error}</Alert>}
      <SummaryList rows={[
        [t('centre.booking.code'), <strong class="booking-code">{b.code}</strong>],
        [t('centre.booking.service'), serviceName],
        [t('centre.booking.day'), dmy(b.day)],
        [t('centre.booking.slot'), b.slot],
        [t('centre.booking.place'), <>{unit.name}{unit.address && <><br />{unit.address}</>}</>],
        [t('centre.booking.counters'), details.counters.length ? details.counters.map((n) => t('centre.booking.counter_n', { n })).join(', ') : t('centre.booking.counter_any')],
        [t('centre.booking.status'), <StatusTag tone={b.status === 'booked' ? 'info' : b.status === 'cancelled' ? 'warn' : 'ok'}>{t(`centre.booking.status_${b.status}`)}</StatusTag>],
      ]} />
      {cancellable && <>
        <h2>{t('centre.booking.bring_title')}</h2>
        <ul>
          <li>{t('centre.booking.bring_id')}</li>
          <li>{t('centre.booking.bring_papers')} <a href={`/${unit.slug}/thu-tuc?q=${encodeURIComponent(serviceName)}`}>{t('centre.booking.bring_link', { service: serviceName })}</a></li>
          <li>{t('centre.booking.bring_code', { code: b.code })}</li>
        </ul>
        <form method="post" action={urls.cancelBooking(unit.slug, token)} class="no-print">
          <CsrfField req={req} />
          <h2>{t('centre.booking.cancel_title')}</h2>
          <p>{t('centre.booking.cancel_hint')}</p>
          <Button variant="secondary">{t('centre.booking.cancel_submit')}</Button>
        </form>
      </>}
      <p class="no-print"><a href={urls.booking(unit.slug)}>{t('centre.booking.title')}</a></p>
    </div>
  );
}
