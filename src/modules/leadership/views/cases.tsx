import type { FastifyRequest } from 'fastify';
import { formatDate } from '../../../lib/format.js';
import { Alert, StatusTag, SummaryList, Table } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextInput, Textarea } from '../../../web/components/forms.js';
import type { CaseRow } from '../cases.js';
import { REDACTED, type Identity } from '../confidentiality.js';

export interface CaseListRow extends CaseRow { due: string | null }
export interface StaffOption { id: string; display_name: string; title: string | null }

const overdue = (c: CaseListRow, today: string) => ['received', 'accepted'].includes(c.status) && c.due !== null && c.due < today;
const staffOptions = (staff: StaffOption[]) => staff.map((s) => ({ value: s.id, label: `${s.display_name}${s.title ? ` — ${s.title}` : ''}` }));

export function CaseListPage({ req, rows, stats, today, notice }: {
  req: FastifyRequest; rows: CaseListRow[]; stats: { kind: string; status: string; n: number }[]; today: string; notice?: string;
}) {
  const t = req.t;
  const base = `/quan-tri/${req.unit!.slug}/lanh-dao/vu-viec`;
  return (
    <div class="leadership">
      <h1>{t('leadership.cases.title')}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <p><a class="button" href={`${base}/moi`}>{t('leadership.cases.new')}</a></p>
      <Table caption={t('leadership.cases.stats')} rows={stats} empty={t('leadership.cases.empty')} columns={[
        { header: t('leadership.cases.kind'), cell: (r) => t(`leadership.kind.${r.kind}`) },
        { header: t('leadership.cases.status'), cell: (r) => t(`leadership.status.${r.status}`) },
        { header: t('leadership.cases.count'), cell: (r) => r.n, numeric: true },
      ]} />
      <Table caption={t('leadership.cases.title')} rows={rows} empty={t('leadership.cases.empty')} columns={[
        { header: t('leadership.cases.code'), cell: (r) => <a href={`${base}/${r.code}`}>{r.code}</a> },
        { header: t('leadership.cases.kind'), cell: (r) => t(`leadership.kind.${r.kind}`) },
        { header: t('leadership.cases.matter'), cell: (r) => r.matter.length > 90 ? `${r.matter.slice(0, 90)}…` : r.matter },
        { header: t('leadership.cases.receivedOn'), cell: (r) => formatDate(r.received_on) },
        { header: t('leadership.cases.due'), cell: (r) => (r.due ? formatDate(r.due) : '—') },
        { header: t('leadership.cases.status'), cell: (r) => <StatusTag tone={overdue(r, today) ? 'error' : r.status === 'resolved' ? 'ok' : 'info'}>
          {t(`leadership.status.${r.status}`)}{overdue(r, today) ? ` · ${t('leadership.cases.overdue')}` : ''}</StatusTag> },
      ]} />
    </div>
  );
}

export function NewCasePage({ req, values, errors, staff, notice }: {
  req: FastifyRequest; values: Record<string, string>; errors: Record<string, string>; staff: StaffOption[]; notice?: string;
}) {
  const t = req.t;
  return (
    <div class="leadership">
      <h1>{t('leadership.cases.new')}</h1>
      {notice && <Alert kind="warning">{notice}</Alert>}
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={`/quan-tri/${req.unit!.slug}/lanh-dao/vu-viec`}>
        <CsrfField req={req} />
        <Choices name="kind" legend={t('leadership.cases.kind')} value={values.kind ?? 'complaint'} error={errors.kind}
          options={[{ value: 'complaint', label: t('leadership.kind.complaint') }, { value: 'denunciation', label: t('leadership.kind.denunciation') }]} />
        <Textarea name="matter" label={t('leadership.cases.matter')} value={values.matter} error={errors.matter} required />
        <TextInput name="receivedOn" type="date" label={t('leadership.cases.receivedOn')} value={values.receivedOn} error={errors.receivedOn} required />
        <TextInput name="decisionKnownOn" type="date" label={t('leadership.cases.decisionKnownOn')} hint={t('leadership.cases.decisionKnownHint')}
          value={values.decisionKnownOn} error={errors.decisionKnownOn} />
        <Choices name="complex" legend={t('leadership.cases.complexity')} value={values.complex ?? '0'}
          options={[{ value: '0', label: t('leadership.cases.simple') }, { value: '1', label: t('leadership.cases.complex') }]} />
        <Select name="handlerId" label={t('leadership.cases.handler')} value={values.handlerId} placeholder={t('leadership.none')}
          options={staffOptions(staff)} error={errors.handlerId} />
        <Select name="concernedOfficialId" label={t('leadership.cases.concerned')} value={values.concernedOfficialId} placeholder={t('leadership.none')}
          options={staffOptions(staff)} />
        <fieldset class="field">
          <legend>{t('leadership.cases.parties')}</legend>
          <p class="hint">{t('leadership.cases.partiesHint')}</p>
          {errors.parties && <p class="error-message">{errors.parties}</p>}
          {[1, 2, 3].map((i) => (
            <div class="leadership-party">
              <TextInput name={`partyName${i}`} label={`${t('leadership.party.name')} ${i}`} value={values[`partyName${i}`]} />
              <TextInput name={`partyPhone${i}`} type="tel" label={`${t('leadership.party.phone')} ${i}`} value={values[`partyPhone${i}`]} />
              <TextInput name={`partyAddress${i}`} label={`${t('leadership.party.address')} ${i}`} value={values[`partyAddress${i}`]} />
            </div>
          ))}
        </fieldset>
        <Button>{t('leadership.save')}</Button>
      </form>
    </div>
  );
}

export interface CaseEvent { id: string; at: Date; kind: string; note: string | null; decision_no: string | null; actor_name: string | null; file_name: string | null }

export function CaseDetailPage({ req, c, events, parties, partyCount, mayReveal, staffNames, today, error, notice }: {
  req: FastifyRequest; c: CaseRow; events: CaseEvent[]; parties: Identity[] | null; partyCount: number; mayReveal: boolean;
  staffNames: Map<string, string>; today: string; error?: string; notice?: string;
}) {
  const t = req.t;
  const self = `/quan-tri/${req.unit!.slug}/lanh-dao/vu-viec/${c.code}`;
  const due = c.status === 'received' ? c.accept_due : c.resolve_due;
  const late = ['received', 'accepted'].includes(c.status) && due !== null && due < today;
  return (
    <div class="leadership">
      <h1>{t(`leadership.kind.${c.kind}`)} {c.code}</h1>
      {error && <Alert kind="error">{error}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      {c.lodged_in_time === false && <Alert kind="warning">{t('leadership.cases.outOfTime')}</Alert>}
      <SummaryList rows={[
        [t('leadership.cases.status'), <StatusTag tone={late ? 'error' : 'info'}>{t(`leadership.status.${c.status}`)}{late ? ` · ${t('leadership.cases.overdue')}` : ''}</StatusTag>],
        [t('leadership.cases.matter'), c.matter],
        [t('leadership.cases.receivedOn'), formatDate(c.received_on)],
        ...(c.decision_known_on ? [[t('leadership.cases.decisionKnownOn'), formatDate(c.decision_known_on)] as [string, string]] : []),
        [t('leadership.cases.acceptDue'), c.accept_due ? formatDate(c.accept_due) : '—'],
        [t('leadership.cases.acceptedOn'), c.accepted_on ? formatDate(c.accepted_on) : '—'],
        [t('leadership.cases.resolveDue'), c.resolve_due ? formatDate(c.resolve_due) : '—'],
        [t('leadership.cases.extensions'), String(c.extensions)],
        [t('leadership.cases.resolvedOn'), c.resolved_on ? formatDate(c.resolved_on) : '—'],
        [t('leadership.cases.outcome'), c.outcome ?? '—'],
        [t('leadership.cases.handler'), c.handler_id ? staffNames.get(c.handler_id) ?? '—' : '—'],
        [t('leadership.cases.concerned'), c.concerned_official_id ? staffNames.get(c.concerned_official_id) ?? '—' : '—'],
      ]} />
      <section aria-labelledby="parties-title">
        <h2 id="parties-title">{t(c.kind === 'denunciation' ? 'leadership.cases.denouncers' : 'leadership.cases.complainants')} ({partyCount})</h2>
        {parties ? <Table caption={t('leadership.cases.parties')} rows={parties} columns={[
          { header: t('leadership.party.name'), cell: (p) => p.name ?? '—' },
          { header: t('leadership.party.phone'), cell: (p) => p.phone ?? '—' },
          { header: t('leadership.party.address'), cell: (p) => p.address ?? '—' },
        ]} /> : mayReveal
          ? <p><span data-identity="hidden">{REDACTED}.</span> <a href={`${self}?danh-tinh=1`}>{t('leadership.identity.reveal')}</a></p>
          : <p data-identity="hidden">{REDACTED}. {t('leadership.identity.onlyHandler')}</p>}
        {parties && <form method="post" action={`${self}/nguoi`} class="leadership-inline">
          <CsrfField req={req} />
          <TextInput name="name" label={t('leadership.party.name')} required />
          <TextInput name="phone" type="tel" label={t('leadership.party.phone')} />
          <TextInput name="address" label={t('leadership.party.address')} />
          <Button variant="secondary">{t('leadership.cases.addParty')}</Button>
        </form>}
      </section>
      <CaseActions req={req} c={c} today={today} self={self} />
      <section aria-labelledby="events-title">
        <h2 id="events-title">{t('leadership.cases.history')}</h2>
        <Table caption={t('leadership.cases.history')} rows={events} columns={[
          { header: t('leadership.cases.when'), cell: (e) => formatDate(e.at) },
          { header: t('leadership.cases.step'), cell: (e) => t(`leadership.event.${e.kind}`) },
          { header: t('leadership.cases.decisionNo'), cell: (e) => e.decision_no ?? '' },
          { header: t('leadership.cases.note'), cell: (e) => e.file_name ? <a href={`${self}/tai-lieu/${e.id}`}>{e.file_name}</a> : e.note ?? '' },
          { header: t('leadership.cases.by'), cell: (e) => e.actor_name ?? '' },
        ]} />
        <form method="post" action={`${self}/tai-lieu`} enctype="multipart/form-data" class="leadership-inline">
          <CsrfField req={req} />
          <TextInput name="file" type="file" label={t('leadership.cases.document')} />
          <TextInput name="note" label={t('leadership.cases.note')} />
          <Button variant="secondary">{t('leadership.cases.attach')}</Button>
        </form>
      </section>
    </div>
  );
}

function CaseActions({ req, c, today, self }: { req: FastifyRequest; c: CaseRow; today: string; self: string }) {
  const t = req.t;
  const form = (action: string, children: preact.ComponentChildren, label: string) => (
    <form method="post" action={`${self}/buoc`} class="leadership-action">
      <CsrfField req={req} /><input type="hidden" name="action" value={action} />
      {children}<Button variant={action === 'reject' || action === 'escalate' ? 'secondary' : undefined}>{label}</Button>
    </form>
  );
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t('leadership.cases.actions')}</h2>
      {c.status === 'received' && <>
        {form('accept', <><TextInput name="on" type="date" label={t('leadership.cases.acceptedOn')} value={today} />
          <TextInput name="decisionNo" label={t('leadership.cases.decisionNo')} /></>, t('leadership.action.accept'))}
        {form('reject', <Textarea name="note" rows={2} label={t('leadership.cases.rejectReason')} />, t('leadership.action.reject'))}
      </>}
      {c.status === 'accepted' && <>
        {form('resolve', <><TextInput name="on" type="date" label={t('leadership.cases.resolvedOn')} value={today} />
          <TextInput name="decisionNo" label={t('leadership.cases.decisionNo')} />
          <Textarea name="outcome" rows={3} label={t('leadership.cases.outcome')} /></>, t('leadership.action.resolve'))}
        {c.kind === 'denunciation' && c.extensions < 2 && form('extend', <><TextInput name="decisionNo" label={t('leadership.cases.extensionDecision')} />
          <TextInput name="note" label={t('leadership.cases.note')} /></>, t('leadership.action.extend'))}
      </>}
      {['accepted', 'resolved'].includes(c.status) && form('escalate', <TextInput name="note" label={t('leadership.cases.escalateNote')} />,
        t('leadership.action.escalate'))}
    </section>
  );
}
