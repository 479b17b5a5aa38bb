import type { FastifyRequest } from 'fastify';
import { StatusTag } from '../../../web/components/display.js';
import { vnDateOf, vnDateTimeOf } from '../../../lib/vn-calendar/index.js';
import { isLate, isLateAfterApology } from '../domain/rules.js';
import type { DossierStatus } from '../domain/states.js';
import type { DossierRow } from '../domain/types.js';

export const showDate = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '—');

export function showDateTime(at: Date | null | undefined): string {
  if (!at) return '—';
  const { date, minutes } = vnDateTimeOf(at);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')} ${showDate(date)}`;
}

export const showDay = (at: Date | null | undefined) => (at ? showDate(vnDateOf(at)) : '—');

const TONE: Partial<Record<DossierStatus, 'ok' | 'warn' | 'error' | 'info'>> = {
  returned: 'ok', result_ready: 'ok', approved: 'ok', supplement_requested: 'warn', refused: 'error', withdrawn: 'info',
};

export function StatusBadge({ req, status }: { req: FastifyRequest; status: DossierStatus }) {
  return <StatusTag tone={TONE[status]}>{req.t(`dossiers.status.${status}`)}</StatusTag>;
}

/** Flags shown next to a dossier: late, apology, home service, fast track, routed. */
export function DossierFlags({ req, d, now }: { req: FastifyRequest; d: DossierRow; now: Date }) {
  return (
    <>
      {isLate(d, now) && <> <StatusTag tone="error">{req.t('dossiers.flag.late')}</StatusTag></>}
      {d.apologies > 0 && <> <StatusTag tone="info">{req.t('dossiers.flag.apology')}</StatusTag></>}
      {d.late_apologies > 0 && <> <StatusTag tone="warn">{req.t('dossiers.flag.late_apology')}</StatusTag></>}
      {isLateAfterApology(d, now) && <> <StatusTag tone="error">{req.t('dossiers.flag.late_after_apology')}</StatusTag></>}
      {d.home_service && <> <StatusTag>{req.t('dossiers.flag.home')}</StatusTag></>}
      {d.fast_track && <> <StatusTag>{req.t('dossiers.flag.fast')}</StatusTag></>}
      {d.unit_id !== d.receiving_unit_id && <> <StatusTag>{req.t('dossiers.flag.routed')}</StatusTag></>}
    </>
  );
}

export const staffBase = (req: FastifyRequest) => `/quan-tri/${req.unit!.slug}/ho-so`;
