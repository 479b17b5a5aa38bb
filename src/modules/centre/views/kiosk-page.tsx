import type { FastifyRequest } from 'fastify';
import { Alert } from '../../../web/components/display.js';
import { CsrfField } from '../../../web/components/forms.js';
import { PRIORITY_GROUPS } from '../domain/aging.js';
import type { ServiceRow } from '../repo/types.js';

export interface KioskProps {
  req: FastifyRequest; services: ServiceRow[]; waiting: Record<string, number>; error?: string; action: string;
  /** Why no number can be taken now (outside opening hours, a day off); hides the buttons. */
  closed?: string | null;
  bookingUrl?: string;
}

/** The touch kiosk: priority group, one big button per service, and booking check-in. */
export function KioskPage({ req, services, waiting, error, action, closed, bookingUrl }: KioskProps) {
  const t = req.t;
  const name = (s: ServiceRow) => (req.lang === 'en' ? s.name_en : s.name_vi);
  return (
    <div class="kiosk" data-module="centre-kiosk">
      <h1>{t('centre.kiosk.title')}</h1>
      {error && <Alert kind="error">{error}</Alert>}
      {closed && (
        <Alert kind="warning" title={req.t('centre.hours.closed_title')}>
          <p>{closed}</p>
          {bookingUrl && <p><a href={bookingUrl}>{req.t('centre.hours.book_instead')}</a></p>}
        </Alert>
      )}
      {!closed && <>
      <div class="kiosk__offline alert alert--warning" role="alert" hidden>
        <p>{t('centre.kiosk.offline')}</p>
        <button class="button" type="button" data-retry>{t('centre.kiosk.retry')}</button>
      </div>
      <form method="post" action={action} class="kiosk__form">
        <CsrfField req={req} />
        <fieldset class="kiosk__priority">
          <legend>{t('centre.kiosk.priority')}</legend>
          <p class="field__hint">{t('centre.kiosk.priority_hint')}</p>
          <div class="kiosk__choices">
            {[null, ...PRIORITY_GROUPS].map((g) => (
              <label class="kiosk__choice">
                <input type="radio" name="priority_group" value={g ?? ''} checked={g === null} />
                <span>{t(`centre.priority.${g ?? 'none'}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <h2>{t('centre.kiosk.services')}</h2>
        <p>{t('centre.kiosk.lead')}</p>
        <div class="kiosk__services">
          {services.map((s) => (
            <button class="kiosk__service" type="submit" name="service" value={s.code}>
              <span class="kiosk__prefix" aria-hidden="true">{s.prefix}</span>
              <span class="kiosk__name">{name(s)}</span>
              <span class="kiosk__waiting">{t('centre.display.waiting')}: {waiting[s.prefix] ?? 0}</span>
            </button>
          ))}
        </div>
        <p class="kiosk__sending" role="status" hidden>{t('centre.kiosk.sending')}</p>
      </form>
      <form method="post" action={action} class="kiosk__booking">
        <CsrfField req={req} />
        <label for="booking-code">{t('centre.kiosk.booking_code')}</label>
        <input id="booking-code" name="booking_code" type="text" maxLength={10} autoComplete="off" inputMode="text" />
        <button class="button" type="submit">{t('centre.kiosk.check_in')}</button>
      </form>
      </>}
    </div>
  );
}
