import type { FastifyRequest } from 'fastify';
import { Alert, SummaryList, Table } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { formatDate, formatDateTime } from '../../../lib/format.js';
import { HONORIFICS } from '../domain/honorific.js';
import { paragraphsOf } from '../domain/template.js';
import { mayMove, STATUSES } from '../letters-service.js';
import type { LetterRow, VisitRow } from '../repo-letters.js';
import { FileLinks, LetterStatus, channelOptions, numberAndDate } from './letter-parts.js';

function StatusButtons({ req, l }: { req: FastifyRequest; l: LetterRow }) {
  const next = STATUSES.filter((s) => mayMove(l.status, s));
  if (!next.length) return null;
  return (
    <form method="post" action={`/quan-tri/${req.unit!.slug}/thu/${l.id}/trang-thai`} class="inline-actions">
      <CsrfField req={req} />
      {next.map((s) => <Button name="status" value={s} variant={s === 'signed' ? undefined : 'secondary'}>{req.t(`outreach.move.${s}`)}</Button>)}
    </form>
  );
}

function EditDraft({ req, l, errors }: { req: FastifyRequest; l: LetterRow; errors?: FieldErrors }) {
  const base = `/quan-tri/${req.unit!.slug}/thu/${l.id}`;
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{req.t('outreach.letter.edit')}</h2>
      <form method="post" action={`${base}/sua`}>
        <CsrfField req={req} />
        <Select name="honorific" label={req.t('outreach.letter.honorific')} options={HONORIFICS.map((h) => ({ value: h, label: h }))} value={l.honorific} error={errors?.honorific} />
        <TextInput name="subject" label={req.t('outreach.letter.subject')} value={l.subject} error={errors?.subject} maxLength={500} />
        <Textarea name="body" label={req.t('outreach.letter.body')} value={l.body} error={errors?.body} rows={10} />
        <Select name="channel" label={req.t('outreach.letter.channel')} options={channelOptions(req)} value={l.channel} />
        <Choices name="with_signature" legend={req.t('outreach.letter.signature')} multiple value={l.with_signature ? ['1'] : []}
          options={[{ value: '1', label: req.t('outreach.letter.with_signature') }]} />
        <Button>{req.t('outreach.save')}</Button>
      </form>
      <form method="post" action={`${base}/xoa`}>
        <CsrfField req={req} />
        <Button variant="secondary">{req.t('outreach.letter.delete_draft')}</Button>
      </form>
    </section>
  );
}

function Visits({ req, l, visits, errors }: { req: FastifyRequest; l: LetterRow; visits: VisitRow[]; errors?: FieldErrors }) {
  return (
    <section aria-labelledby="visits-title">
      <h2 id="visits-title">{req.t('outreach.visit.title')}</h2>
      <Table caption={req.t('outreach.visit.title')} rows={visits} empty={req.t('outreach.visit.empty')} columns={[
        { header: req.t('outreach.visit.date'), cell: (v) => formatDate(v.visited_on) },
        { header: req.t('outreach.visit.kind'), cell: (v) => req.t(`outreach.visit.${v.kind}`) },
        { header: req.t('outreach.visit.attendees'), cell: (v) => v.attendees },
        { header: req.t('outreach.visit.note'), cell: (v) => v.note || '—' },
      ]} />
      <form method="post" action={`/quan-tri/${req.unit!.slug}/thu/${l.id}/tham-vieng`}>
        <CsrfField req={req} />
        <Choices name="visit_kind" legend={req.t('outreach.visit.kind')} value="visit" error={errors?.visit_kind}
          options={[{ value: 'visit', label: req.t('outreach.visit.visit') }, { value: 'funeral', label: req.t('outreach.visit.funeral') }]} />
        <TextInput name="visited_on" type="date" label={req.t('outreach.visit.date')} error={errors?.visited_on} required />
        <TextInput name="attendees" label={req.t('outreach.visit.attendees')} hint={req.t('outreach.visit.attendees_hint')} error={errors?.attendees} required />
        <TextInput name="note" label={req.t('outreach.visit.note')} />
        <Button>{req.t('outreach.visit.add')}</Button>
      </form>
    </section>
  );
}

export function LetterDetailPage({ req, l, visits, notice, errors }: { req: FastifyRequest; l: LetterRow; visits: VisitRow[]; notice?: string; errors?: FieldErrors }) {
  return (
    <>
      <h1>{req.t(`outreach.kind.${l.kind}`)} {numberAndDate(l)}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      {l.deleted_at && <Alert kind="warning">{req.t('outreach.letter.deleted')}</Alert>}
      <ErrorSummary req={req} errors={errors} />
      <p><LetterStatus req={req} status={l.status} /> <FileLinks req={req} l={l} /></p>
      <SummaryList rows={[
        [req.t('outreach.letter.recipient'), `${l.honorific} ${l.recipient_name}`],
        [req.t('outreach.letter.address'), l.recipient_address ?? '—'],
        [req.t('outreach.letter.channel'), req.t(`outreach.channel.${l.channel}`)],
        [req.t('outreach.letter.source'), l.source_ref ? `${req.t(`outreach.source.${l.source}`)} ${l.source_ref}` : req.t(`outreach.source.${l.source}`)],
        [req.t('outreach.letter.created'), `${formatDateTime(l.created_at)}${l.created_by ? ` — ${l.created_by}` : ''}`],
        ...(l.signed_at ? [[req.t('outreach.status.signed'), formatDateTime(l.signed_at)] as [string, string]] : []),
        ...(l.sent_at ? [[req.t('outreach.status.sent'), formatDateTime(l.sent_at)] as [string, string]] : []),
        ...(l.handed_over_at ? [[req.t('outreach.status.handed_over'), formatDateTime(l.handed_over_at)] as [string, string]] : []),
      ]} />
      {!l.deleted_at && <StatusButtons req={req} l={l} />}
      <h2>{l.subject}</h2>
      <div class="letter-text">{paragraphsOf(l.body).map((p) => <p>{p}</p>)}</div>
      {l.status === 'draft' && !l.deleted_at && <EditDraft req={req} l={l} errors={errors} />}
      {l.kind === 'condolence' && <Visits req={req} l={l} visits={visits} errors={errors} />}
    </>
  );
}
