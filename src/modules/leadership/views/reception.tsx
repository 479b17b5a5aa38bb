import type { FastifyRequest } from 'fastify';
import { formatDate } from '../../../lib/format.js';
import { Alert, Table } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextInput, Textarea } from '../../../web/components/forms.js';
import { CLASSIFICATIONS, SESSION_KINDS, type BookRow, type Entry, type Session } from '../reception.js';
import type { StaffOption } from './cases.js';

export interface MonthRow { month: string; head: number; regular: number; adHoc: number }

export function ReceptionListPage({ req, sessions, months, chairman, staff, values, errors }: {
  req: FastifyRequest; sessions: Session[]; months: MonthRow[]; chairman: { held: number; weeks: number; missed: string[] }; staff: StaffOption[]; values: Record<string, string>; errors: Record<string, string>;
}) {
  const t = req.t;
  const base = `/quan-tri/${req.unit!.slug}/lanh-dao/tiep-cong-dan`;
  return (
    <div class="leadership">
      <h1>{t('leadership.reception.title')}</h1>
      <p>{t('leadership.reception.lead')} <a href={`${base}/so`}>{t('leadership.reception.book')}</a></p>
      <p data-chairman-weeks>{t('leadership.reception.chairmanWeeks', { held: chairman.held, weeks: chairman.weeks })}
        {chairman.missed.length > 0 && <> {t('leadership.reception.chairmanMissed')}: {chairman.missed.slice(-8).map((m) => formatDate(m)).join(', ')}
          {chairman.missed.length > 8 ? ' …' : ''}</>}</p>
      <Table caption={t('leadership.reception.compliance')} rows={months} columns={[
        { header: t('leadership.reception.month'), cell: (m) => m.month },
        { header: t('leadership.kindSession.head_monthly'), cell: (m) => m.head ? String(m.head) : <strong>{t('leadership.reception.missing')}</strong>, numeric: true },
        { header: t('leadership.kindSession.regular'), cell: (m) => m.regular, numeric: true },
        { header: t('leadership.kindSession.ad_hoc'), cell: (m) => m.adHoc, numeric: true },
      ]} />
      <Table caption={t('leadership.reception.sessions')} rows={sessions} empty={t('leadership.reception.empty')} columns={[
        { header: t('leadership.reception.heldOn'), cell: (s) => <a href={`${base}/${s.id}`}>{formatDate(s.held_on)}</a> },
        { header: t('leadership.reception.kind'), cell: (s) => t(`leadership.kindSession.${s.kind}`) },
        { header: t('leadership.reception.host'), cell: (s) => `${s.host_name}${s.host_title ? ` (${s.host_title})` : ''}` },
        { header: t('leadership.reception.place'), cell: (s) => s.place },
        { header: t('leadership.reception.entries'), cell: (s) => s.entries, numeric: true },
      ]} />
      <h2>{t('leadership.reception.new')}</h2>
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={base}>
        <CsrfField req={req} />
        <Choices name="kind" legend={t('leadership.reception.kind')} value={values.kind ?? 'regular'}
          options={SESSION_KINDS.map((k) => ({ value: k, label: t(`leadership.kindSession.${k}`) }))} />
        <TextInput name="heldOn" type="date" label={t('leadership.reception.heldOn')} value={values.heldOn} error={errors.heldOn} required />
        <Select name="hostUserId" label={t('leadership.reception.host')} value={values.hostUserId} error={errors.hostUserId} required
          options={staff.map((s) => ({ value: s.id, label: `${s.display_name}${s.title ? ` — ${s.title}` : ''}` }))} />
        <TextInput name="place" label={t('leadership.reception.place')} value={values.place ?? t('leadership.reception.defaultPlace')} error={errors.place} required />
        <TextInput name="topic" label={t('leadership.reception.topic')} value={values.topic} />
        <Button>{t('leadership.save')}</Button>
      </form>
    </div>
  );
}

export function SessionPage({ req, s, entries, visitors, values, errors, notice }: {
  req: FastifyRequest; s: Session; entries: Entry[]; visitors: Map<string, string>; values: Record<string, string>; errors: Record<string, string>; notice?: string;
}) {
  const t = req.t;
  const self = `/quan-tri/${req.unit!.slug}/lanh-dao/tiep-cong-dan/${s.id}`;
  return (
    <div class="leadership">
      <h1>{t('leadership.reception.session')} {formatDate(s.held_on)}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <p>{t(`leadership.kindSession.${s.kind}`)} · {s.host_name}{s.host_title ? ` (${s.host_title})` : ''} · {s.place}{s.topic ? ` · ${s.topic}` : ''}</p>
      <Table caption={t('leadership.reception.entriesTitle')} rows={entries} empty={t('leadership.reception.noEntries')} columns={[
        { header: t('leadership.reception.seq'), cell: (e) => e.seq, numeric: true },
        { header: t('leadership.reception.visitor'), cell: (e) => visitors.get(e.id) ?? '—' },
        { header: t('leadership.reception.people'), cell: (e) => e.people, numeric: true },
        { header: t('leadership.reception.matter'), cell: (e) => e.matter },
        { header: t('leadership.reception.classification'), cell: (e) => t(`leadership.class.${e.classification}`) },
        { header: t('leadership.reception.handling'), cell: (e) => e.handling },
      ]} />
      <h2>{t('leadership.reception.addEntry')}</h2>
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={`${self}/luot`}>
        <CsrfField req={req} />
        <TextInput name="visitorName" label={t('leadership.reception.visitorName')} hint={t('leadership.reception.visitorHint')} value={values.visitorName} />
        <TextInput name="visitorPhone" type="tel" label={t('leadership.party.phone')} value={values.visitorPhone} />
        <TextInput name="visitorAddress" label={t('leadership.party.address')} value={values.visitorAddress} />
        <TextInput name="people" type="number" label={t('leadership.reception.people')} value={values.people ?? '1'} error={errors.people} />
        <Textarea name="matter" rows={3} label={t('leadership.reception.matter')} value={values.matter} error={errors.matter} required />
        <Choices name="classification" legend={t('leadership.reception.classification')} value={values.classification ?? 'petition'} error={errors.classification}
          options={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`leadership.class.${c}`) }))} />
        <Textarea name="handling" rows={2} label={t('leadership.reception.handling')} value={values.handling} error={errors.handling} required />
        <TextInput name="decisionKnownOn" type="date" label={t('leadership.cases.decisionKnownOn')} hint={t('leadership.reception.caseHint')} value={values.decisionKnownOn} />
        <div class="choice">
          <input type="checkbox" id="f-openCase" name="openCase" value="1" checked={values.openCase === '1'} />
          <label for="f-openCase">{t('leadership.reception.openCase')}</label>
        </div>
        <Button>{t('leadership.save')}</Button>
      </form>
    </div>
  );
}

export function BookPage({ req, rows, from, to }: { req: FastifyRequest; rows: BookRow[]; from: string; to: string }) {
  const t = req.t;
  const base = `/quan-tri/${req.unit!.slug}/lanh-dao/tiep-cong-dan/so`;
  const q = `tu=${from}&den=${to}`;
  return (
    <div class="leadership">
      <h1>{t('leadership.reception.book')}</h1>
      <form method="get" action={base} class="leadership-inline">
        <TextInput name="tu" type="date" label={t('leadership.from')} value={from} />
        <TextInput name="den" type="date" label={t('leadership.to')} value={to} />
        <Button variant="secondary">{t('leadership.show')}</Button>
      </form>
      <p>{t('leadership.reception.export')}: <a href={`${base}.docx?${q}`}>DOCX</a> · <a href={`${base}.pdf?${q}`}>PDF</a> · <a href={`${base}.xlsx?${q}`}>XLSX</a></p>
      <Table caption={t('leadership.reception.book')} rows={rows} empty={t('leadership.reception.noEntries')} columns={[
        { header: 'STT', cell: (r) => rows.indexOf(r) + 1, numeric: true },
        { header: t('leadership.reception.heldOn'), cell: (r) => formatDate(r.held_on) },
        { header: t('leadership.reception.visitor'), cell: (r) => r.visitor },
        { header: t('leadership.reception.people'), cell: (r) => r.people, numeric: true },
        { header: t('leadership.reception.matter'), cell: (r) => r.matter },
        { header: t('leadership.reception.classification'), cell: (r) => t(`leadership.class.${r.classification}`) },
        { header: t('leadership.reception.host'), cell: (r) => r.host_name },
        { header: t('leadership.reception.handling'), cell: (r) => r.handling },
      ]} />
    </div>
  );
}
