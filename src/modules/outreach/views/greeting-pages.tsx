import type { FastifyRequest } from 'fastify';
import { Alert, StatusTag, SummaryList, Table } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, ErrorSummary, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { formatDate, formatDateTime } from '../../../lib/format.js';
import type { Occasion } from '../domain/occasions.js';
import { paragraphsOf } from '../domain/template.js';
import { GREETING_CHANNELS, type GreetingRow, type PublicationRow } from '../greetings.js';

const TONE = { draft: 'info', submitted: 'warn', approved: 'ok', published: 'ok' } as const;

export function GreetingCalendarPage({ req, year, occasions, byKey, pubs }: {
  req: FastifyRequest; year: number; occasions: Occasion[]; byKey: Map<string, GreetingRow>; pubs: Map<string, PublicationRow[]>;
}) {
  const base = `/quan-tri/${req.unit!.slug}/loi-chuc`;
  return (
    <>
      <h1>{req.t('outreach.greeting.calendar', { year })}</h1>
      <p>{req.t('outreach.greeting.lead')} <a href={`${base}?nam=${year - 1}`}>{year - 1}</a> · <a href={`${base}?nam=${year + 1}`}>{year + 1}</a> · <a href={`/${req.unit!.slug}/loi-chuc`}>{req.t('outreach.greeting.public_link')}</a></p>
      <Table caption={req.t('outreach.greeting.calendar', { year })} rows={occasions} columns={[
        { header: req.t('outreach.greeting.date'), cell: (o) => `${formatDate(o.date)}${o.lunar ? ` (${req.t('outreach.greeting.lunar')})` : ''}` },
        { header: req.t('outreach.greeting.occasion'), cell: (o) => <a href={`${base}/${year}/${o.key}`}>{o.name}</a> },
        { header: req.t('outreach.letter.status'), cell: (o) => {
          const g = byKey.get(o.key);
          return g ? <StatusTag tone={TONE[g.status]}>{req.t(`outreach.greeting.status.${g.status}`)}</StatusTag> : req.t('outreach.greeting.not_started');
        } },
        { header: req.t('outreach.greeting.published_on'), cell: (o) => {
          const g = byKey.get(o.key);
          const order = (c: string) => (GREETING_CHANNELS as readonly string[]).indexOf(c);
          return (g && [...(pubs.get(g.id) ?? [])].sort((a, b) => order(a.channel) - order(b.channel)).map((p) => req.t(`outreach.greeting.channel.${p.channel}`)).join(', ')) || '—';
        } },
      ]} />
    </>
  );
}

export function GreetingEditPage({ req, o, g, pubs, isLeader, errors }: {
  req: FastifyRequest; o: Occasion; g: GreetingRow; pubs: PublicationRow[]; isLeader: boolean; errors?: FieldErrors;
}) {
  const action = `/quan-tri/${req.unit!.slug}/loi-chuc/${o.date.slice(0, 4)}/${o.key}`;
  const editable = g.status === 'draft' || g.status === 'submitted';
  return (
    <>
      <h1>{o.name} — {formatDate(o.date)}</h1>
      <p><StatusTag tone={TONE[g.status]}>{req.t(`outreach.greeting.status.${g.status}`)}</StatusTag>
        {g.approved_by && <> {req.t('outreach.greeting.approved_by', { name: g.approved_by, at: formatDateTime(g.approved_at!) })}</>}</p>
      <ErrorSummary req={req} errors={errors} />
      {editable ? (
        <form method="post" action={`${action}/luu`}>
          <CsrfField req={req} />
          <TextInput name="title" label={req.t('outreach.greeting.title')} value={g.title} error={errors?.title} maxLength={300} />
          <Textarea name="body" label={req.t('outreach.greeting.body')} value={g.body} error={errors?.body} rows={8} />
          <Textarea name="radio_script" label={req.t('outreach.greeting.radio')} value={g.radio_script} rows={6} />
          <Textarea name="social_text" label={req.t('outreach.greeting.social')} value={g.social_text} rows={3} />
          <Button>{req.t('outreach.save')}</Button>
        </form>
      ) : (
        <>
          <h2>{g.title}</h2>
          <div class="letter-text">{paragraphsOf(g.body).map((p) => <p>{p}</p>)}</div>
          <SummaryList rows={[[req.t('outreach.greeting.radio'), g.radio_script], [req.t('outreach.greeting.social'), g.social_text]]} />
        </>
      )}
      <form method="post" action={`${action}/chuyen`} class="inline-actions">
        <CsrfField req={req} />
        {g.status === 'draft' && <Button name="to" value="submitted" variant="secondary">{req.t('outreach.greeting.submit')}</Button>}
        {g.status === 'submitted' && isLeader && <Button name="to" value="approved">{req.t('outreach.greeting.approve')}</Button>}
      </form>
      {(g.status === 'approved' || g.status === 'published') && (
        <section aria-labelledby="pub-title">
          <h2 id="pub-title">{req.t('outreach.greeting.publish')}</h2>
          <Table caption={req.t('outreach.greeting.publish')} rows={pubs} empty={req.t('outreach.greeting.no_publication')} columns={[
            { header: req.t('outreach.greeting.channel_col'), cell: (p) => req.t(`outreach.greeting.channel.${p.channel}`) },
            { header: req.t('outreach.greeting.date'), cell: (p) => formatDateTime(p.published_at) },
            { header: req.t('outreach.greeting.by'), cell: (p) => p.published_by ?? '—' },
            { header: req.t('outreach.greeting.link'), cell: (p) => p.link ? <a href={p.link}>{p.link}</a> : '—' },
          ]} />
          <form method="post" action={`${action}/dang`}>
            <CsrfField req={req} />
            <Choices name="channels" legend={req.t('outreach.greeting.channels')} multiple error={errors?.channels}
              options={GREETING_CHANNELS.filter((c) => !pubs.some((p) => p.channel === c)).map((c) => ({ value: c, label: req.t(`outreach.greeting.channel.${c}`) }))} />
            <TextInput name="link" type="url" label={req.t('outreach.greeting.link')} error={errors?.link} />
            <Button>{req.t('outreach.greeting.record')}</Button>
          </form>
        </section>
      )}
    </>
  );
}

export function PublicGreetingsPage({ req, rows }: { req: FastifyRequest; rows: (GreetingRow & { published_at: Date })[] }) {
  return (
    <>
      <h1>{req.t('outreach.greeting.public_title')}</h1>
      {!rows.length && <p>{req.t('outreach.greeting.public_empty')}</p>}
      {rows.map((g) => (
        <article class="greeting" aria-labelledby={`g-${g.id}`}>
          <h2 id={`g-${g.id}`}>{g.title}</h2>
          <p class="muted">{formatDate(g.published_at)}</p>
          {paragraphsOf(g.body).map((p) => <p>{p}</p>)}
        </article>
      ))}
      {rows.length > 0 && <Alert kind="info">{req.t('outreach.greeting.public_note')}</Alert>}
    </>
  );
}
