import type { FastifyRequest } from 'fastify';
import { RawSvg, SummaryList, StatusTag } from '../../../web/components/display.js';
import type { ServiceRow, TicketRow } from '../repo/types.js';
import { vnTimeOf } from '../../../lib/vn-calendar/index.js';

export interface TicketView {
  ticket: TicketRow; service: ServiceRow; position: number; estimatedWaitS: number;
  counterNumber: number | null; qrSvg: string; followUrl: string; rateUrl: string | null;
  /** The centre's satisfaction survey (offered once the citizen is served). */
  surveyUrl: string | null;
}

const when = (t: TicketRow) => `${vnTimeOf(t.created_at)} ${t.day.split('-').reverse().join('/')}`;

/** The printable ticket (browser print CSS hides everything but the slip). */
export function PrintTicketPage({ req, v, kioskUrl }: { req: FastifyRequest; v: TicketView; kioskUrl: string }) {
  const t = req.t;
  return (
    <div class="ticket-slip" data-module="centre-ticket" data-return={kioskUrl}>
      <p class="ticket-slip__unit">{req.unit!.name}</p>
      <h1 class="ticket-slip__title">{t('centre.ticket.title')}</h1>
      <p class="ticket-slip__number">{v.ticket.number}</p>
      <SummaryList rows={[
        [t('centre.ticket.service'), req.lang === 'en' ? v.service.name_en : v.service.name_vi],
        [t('centre.ticket.issued'), when(v.ticket)],
        [t('centre.ticket.ahead'), String(Math.max(0, v.position - 1))],
        [t('centre.ticket.wait'), t('centre.ticket.minutes', { n: Math.round(v.estimatedWaitS / 60) })],
      ]} />
      <RawSvg className="ticket-slip__qr" svg={v.qrSvg} label={t('centre.ticket.follow_qr')} />
      <p class="ticket-slip__note">{t('centre.ticket.follow_qr')}</p>
      <div class="button-group no-print">
        <button class="button" type="button" data-print hidden>{t('centre.ticket.print')}</button>
        <a class="button button--secondary" href={kioskUrl}>{t('centre.ticket.back')}</a>
      </div>
    </div>
  );
}

/** The citizen's phone view of a ticket: status, place in the queue, wait, then a rating link. */
export function FollowTicketPage({ req, v }: { req: FastifyRequest; v: TicketView }) {
  const t = req.t;
  const s = v.ticket.status;
  return (
    <div class="ticket-follow" data-module="centre-follow">
      <h1>{t('centre.ticket.follow_title')}</h1>
      <p class="ticket-slip__number">{v.ticket.number}</p>
      <SummaryList rows={[
        [t('centre.ticket.service'), req.lang === 'en' ? v.service.name_en : v.service.name_vi],
        [t('centre.ticket.status'), <StatusTag tone={s === 'waiting' ? 'info' : s === 'no_show' ? 'warn' : 'ok'}>{t(`centre.status.${s}`)}</StatusTag>],
        ...(s === 'waiting' ? [
          [t('centre.ticket.ahead'), String(Math.max(0, v.position - 1))],
          [t('centre.ticket.wait'), t('centre.ticket.minutes', { n: Math.round(v.estimatedWaitS / 60) })],
        ] as [string, string][] : []),
        ...(v.counterNumber && (s === 'called' || s === 'serving') ? [[t('centre.ticket.counter'), String(v.counterNumber)]] as [string, string][] : []),
      ]} />
      {v.rateUrl && <p><a class="button" href={v.rateUrl}>{t('centre.ticket.rate_now')}</a></p>}
      {v.surveyUrl && <p class="rate-survey">{t('centre.survey.invite')} <a href={v.surveyUrl}>{t('centre.survey.link')}</a></p>}
      <p class="muted" aria-live="polite">{t('centre.ticket.refresh_note')}</p>
    </div>
  );
}
