import type { FastifyRequest } from 'fastify';
import { StatusTag } from '../../../web/components/display.js';
import { formatDate } from '../../../lib/format.js';
import { paddedLetterNumber, LETTER_KINDS, type LetterKind } from '../domain/kinds.js';
import { HONORIFICS } from '../domain/honorific.js';
import { CHANNELS, STATUSES } from '../letters-service.js';
import type { LetterRow } from '../repo-letters.js';

const TONE = { draft: 'info', signed: 'warn', sent: 'ok', handed_over: 'ok' } as const;

export function LetterStatus({ req, status }: { req: FastifyRequest; status: LetterRow['status'] }) {
  return <StatusTag tone={TONE[status]}>{req.t(`outreach.status.${status}`)}</StatusTag>;
}

export const kindOptions = (req: FastifyRequest, kinds: readonly LetterKind[] = LETTER_KINDS) =>
  kinds.map((k) => ({ value: k, label: req.t(`outreach.kind.${k}`) }));
export const statusOptions = (req: FastifyRequest) => STATUSES.map((s) => ({ value: s, label: req.t(`outreach.status.${s}`) }));
export const channelOptions = (req: FastifyRequest) => CHANNELS.map((c) => ({ value: c, label: req.t(`outreach.channel.${c}`) }));
export const honorificOptions = (req: FastifyRequest) =>
  [{ value: '', label: req.t('outreach.letter.honorific_auto') }, ...HONORIFICS.map((h) => ({ value: h, label: h }))];

/** "05/TCM-UBND · 03/12/2026" */
export const numberAndDate = (l: Pick<LetterRow, 'kind' | 'seq' | 'issued_on'>) =>
  `${paddedLetterNumber(l.kind, l.seq)} · ${formatDate(l.issued_on)}`;

export function FileLinks({ req, l }: { req: FastifyRequest; l: Pick<LetterRow, 'id'> }) {
  const base = `/api/v1/units/${req.unit!.slug}/letters/${l.id}`;
  return <span class="nowrap"><a href={`${base}.pdf`}>PDF</a> · <a href={`${base}.docx`}>DOCX</a></span>;
}
