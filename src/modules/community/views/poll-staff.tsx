import type { FastifyRequest } from 'fastify';
import { Alert, RawSvg, Table } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { formatDateTime } from '../../../lib/format.js';
import { staffBase } from '../context.js';
import type { PollFields } from '../polls/form.js';
import type { OptionRow, PollRow } from '../polls/repo.js';
import type { PollResults } from '../polls/results.js';
import { MATTERS, pollPhase } from '../polls/rules.js';
import { ParticipationTable, PhaseTag, PollFacts, ResultTable } from './poll-parts.js';

type Group = { id: string; code: string; name: string };

export function PollList({ req, polls, groups }: { req: FastifyRequest; polls: (PollRow & { participants: number })[]; groups: Group[] }) {
  const base = `${staffBase(req)}/bieu-quyet`;
  const name = (id: string | null) => (id ? groups.find((g) => g.id === id)?.code ?? '' : req.t('community.whole_ward'));
  return <>
    <h1>{req.t('community.polls.title')}</h1>
    <p><a class="button" href={`${base}/moi`}>{req.t('community.polls.create')}</a></p>
    <Table caption={req.t('community.polls.title')} rows={polls} empty={req.t('community.polls.none')} columns={[
      { header: req.t('community.poll.title'), cell: (p) => <a href={`${base}/${p.id}`}>{p.title}</a> },
      { header: req.t('community.poll.scope'), cell: (p) => name(p.group_id) },
      { header: req.t('community.poll.closes'), cell: (p) => formatDateTime(p.closes_at) },
      { header: req.t('community.poll.status'), cell: (p) => <PhaseTag req={req} poll={p} /> },
      { header: req.t('community.results.participants'), cell: (p) => p.participants, numeric: true },
    ]} />
  </>;
}

export function PollForm({ req, groups, f, errors }: { req: FastifyRequest; groups: Group[]; f: PollFields; errors?: FieldErrors }) {
  return <form method="post" action={`${staffBase(req)}/bieu-quyet/moi`} enctype="multipart/form-data">
    <CsrfField req={req} />
    <ErrorSummary req={req} errors={errors} />
    <TextInput name="title" label={req.t('community.poll.title')} value={f.title} error={errors?.title} />
    <Textarea name="description" label={req.t('community.poll.description')} value={f.description} rows={4} />
    <Select name="matter" label={req.t('community.poll.matter')} value={f.matter} error={errors?.matter}
      hint={req.t('community.poll.matter_hint')}
      options={MATTERS.map((m) => ({ value: m, label: req.t(`community.matter.${m}`) }))} />
    <Select name="group_id" label={req.t('community.poll.scope')} value={f.group_id} error={errors?.group_id}
      options={[{ value: '', label: req.t('community.whole_ward') }, ...groups.map((g) => ({ value: g.id,
        label: `${g.code} – ${g.name}` }))]} />
    <Choices name="basis" legend={req.t('community.poll.basis')} value={f.basis || 'household'} error={errors?.basis}
      options={[{ value: 'household', label: req.t('community.basis.household') }, { value: 'resident',
        label: req.t('community.basis.resident') }]} />
    <Choices name="secret" legend={req.t('community.poll.secret')} hint={req.t('community.poll.secret_hint')} multiple
      value={f.secret ? ['on'] : []}
      options={[{ value: 'on', label: req.t('community.poll.secret_label') }]} />
    <TextInput name="opens_at" type="datetime-local" label={req.t('community.poll.opens')} value={f.opens_at} error={errors?.opens_at} />
    <TextInput name="closes_at" type="datetime-local" label={req.t('community.poll.closes')} value={f.closes_at}
      error={errors?.closes_at} />
    <Textarea name="options" rows={3} label={req.t('community.poll.options')} hint={req.t('community.poll.options_hint')}
      value={f.options || 'Đồng ý\nKhông đồng ý'} error={errors?.options} />
    <TextInput name="quorum_percent" inputMode="decimal" label={req.t('community.poll.quorum')}
      hint={req.t('community.poll.default_hint')} value={f.quorum_percent} error={errors?.quorum_percent} />
    <TextInput name="threshold_percent" inputMode="decimal" label={req.t('community.poll.threshold')}
      hint={req.t('community.poll.default_hint')} value={f.threshold_percent} error={errors?.threshold_percent} />
    <Select name="threshold_base" label={req.t('community.poll.base')} value={f.threshold_base}
      placeholder={req.t('community.poll.base_default')} error={errors?.threshold_base}
      options={[{ value: 'eligible', label: req.t('community.base.eligible') }, { value: 'cast', label: req.t('community.base.cast') }]} />
    <TextInput name="documents" type="file" multiple accept=".pdf,.docx,.doc,.jpg,.png" label={req.t('community.poll.documents')} />
    <Button>{req.t('community.polls.create')}</Button>
  </form>;
}

export function PollDetail({ req, poll, groupName, results, link, qr, documents, notice }: {
  req: FastifyRequest; poll: PollRow; groupName: string; results: PollResults; link: string; qr: string;
  documents: { id: string; filename: string }[]; notice?: string;
}) {
  const base = `${staffBase(req)}/bieu-quyet/${poll.id}`;
  const phase = pollPhase(poll, new Date());
  const action = (value: string, label: string) => <form method="post" action={`${base}/trang-thai`} class="inline-form">
    <CsrfField req={req} /><Button name="action" value={value} variant={value === 'open' ? undefined : 'secondary'}>{label}</Button></form>;
  return <>
    <h1>{poll.title} <PhaseTag req={req} poll={poll} /></h1>
    {notice && <Alert kind="success">{notice}</Alert>}
    <PollFacts req={req} poll={poll} groupName={groupName} />
    {poll.description && <p class="preline">{poll.description}</p>}
    {documents.length > 0 && <ul>{documents.map((d) => <li><a href={`/${req.unit!.slug}/bieu-quyet/${poll.code}/tai-lieu/${d.id}`}>{d.filename}</a></li>)}</ul>}
    <div class="actions">
      {poll.status === 'draft' && action('open', req.t('community.poll.open'))}
      {poll.status === 'open' && action('close', req.t('community.poll.close'))}
      {poll.status === 'closed' && !poll.results_published_at && action('publish', req.t('community.poll.publish'))}
      {poll.status === 'open' && <a class="button button--secondary" href={`${base}/phieu-giay`}>{req.t('community.paper.title')}</a>}
    </div>
    <h2>{req.t('community.poll.share')}</h2>
    <p><a href={link}>{link}</a></p>
    <RawSvg svg={qr} label={req.t('community.poll.qr_label')} className="poll-qr" />
    <h2>{req.t('community.results.participation')}</h2>
    <ParticipationTable req={req} r={results} staff />
    <h2>{req.t('community.results.title')}</h2>
    {phase === 'closed' || poll.status === 'closed' ? <ResultTable req={req} r={results} /> : <p>{req.t('community.results.after_close')}</p>}
    <h2>{req.t('community.results.documents')}</h2>
    <ul>
      <li><a href={`${base}/bien-ban.docx`}>{req.t('community.results.minutes_docx')}</a></li>
      <li><a href={`${base}/bien-ban.pdf`}>{req.t('community.results.minutes_pdf')}</a></li>
      <li><a href={`${base}/nguoi-tham-gia.csv`}>{req.t('community.results.export_voters')}</a></li>
      <li><a href={`${base}/ket-qua.csv`}>{req.t('community.results.export_tally')}</a></li>
    </ul>
  </>;
}

export function PaperForm({ req, poll, options, voters, groups, groupId, error, saved }: {
  req: FastifyRequest; poll: PollRow; options: OptionRow[]; voters: { value: string; label: string; voted: boolean }[];
  groups: Group[]; groupId: string | null; error?: string; saved?: boolean;
}) {
  const base = `${staffBase(req)}/bieu-quyet/${poll.id}/phieu-giay`;
  return <>
    <h1>{req.t('community.paper.title')}</h1>
    <p>{poll.title}</p>
    <p>{req.t('community.paper.lead')}</p>
    {saved && <Alert kind="success">{req.t('community.paper.saved')}</Alert>}
    {error && <Alert kind="error">{error}</Alert>}
    {!poll.group_id && <form method="get" action={base}>
      <Select name="to" label={req.t('community.group')} value={groupId ?? ''} options={groups.map((g) => ({ value: g.id,
        label: `${g.code} – ${g.name}` }))} />
      <Button variant="secondary">{req.t('community.paper.choose_group')}</Button>
    </form>}
    {groupId && <form method="post" action={`${base}?to=${groupId}`}>
      <CsrfField req={req} />
      <Select name="voter" label={req.t(`community.paper.voter_${poll.basis}`)} placeholder=""
        options={voters.map((v) => ({ value: v.value, label: `${v.label}${v.voted ? ` (${req.t('community.paper.voted')})` : ''}` }))} />
      <Choices name="option_id" legend={req.t('community.poll.option')} options={options.map((o) => ({ value: o.id, label: o.label }))} />
      <Button>{req.t('community.paper.save')}</Button>
    </form>}
  </>;
}
