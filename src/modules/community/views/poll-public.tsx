import type { FastifyRequest } from 'fastify';
import { formatDateTime } from '../../../lib/format.js';
import { Alert, Table } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, Select, TextInput } from '../../../web/components/forms.js';
import type { MemberRow } from '../households/repo.js';
import type { OptionRow, PollRow } from '../polls/repo.js';
import type { PollResults } from '../polls/results.js';
import { pollPhase } from '../polls/rules.js';
import { ParticipationTable, PhaseTag, PollFacts, ResultTable } from './poll-parts.js';

const pollPath = (req: FastifyRequest, p: PollRow) => `/${req.unit!.slug}/bieu-quyet/${p.code}`;

export function PublicPollList({ req, polls }: { req: FastifyRequest; polls: PollRow[] }) {
  return <>
    <h1>{req.t('community.public.title')}</h1>
    <p class="lead">{req.t('community.public.lead')}</p>
    <Table caption={req.t('community.public.title')} rows={polls} empty={req.t('community.polls.none')} columns={[
      { header: req.t('community.poll.title'), cell: (p) => <a href={pollPath(req, p)}>{p.title}</a> },
      { header: req.t('community.poll.closes'), cell: (p) => formatDateTime(p.closes_at) },
      { header: req.t('community.poll.status'), cell: (p) => <PhaseTag req={req} poll={p} /> },
      { header: req.t('community.results.title'),
        cell: (p) => (p.results_published_at ? <a href={`${pollPath(req, p)}/ket-qua`}>{req.t('community.public.see_results')}</a> : '') },
    ]} />
  </>;
}

export function PollPage({ req, poll, scope, options, documents, error, phone }: {
  req: FastifyRequest; poll: PollRow; scope: string; options: OptionRow[]; documents: { id: string; filename: string }[]; error?: string; phone?: string;
}) {
  const open = pollPhase(poll, new Date()) === 'open' && poll.web_enabled;
  return <>
    <h1>{poll.title} <PhaseTag req={req} poll={poll} /></h1>
    <PollFacts req={req} poll={poll} groupName={scope} />
    {poll.description && <p class="preline">{poll.description}</p>}
    {documents.length > 0 && <><h2>{req.t('community.poll.documents')}</h2>
      <ul>{documents.map((d) => <li><a href={`${pollPath(req, poll)}/tai-lieu/${d.id}`}>{d.filename}</a></li>)}</ul></>}
    <h2>{req.t('community.poll.options')}</h2>
    <ol>{options.map((o) => <li>{o.label}</li>)}</ol>
    {open ? <>
      <h2>{req.t('community.vote.title')}</h2>
      <p>{req.t(`community.vote.lead_${poll.basis}`)}</p>
      {error && <Alert kind="error">{error}</Alert>}
      <form method="post" action={`${pollPath(req, poll)}/ma`}>
        <CsrfField req={req} />
        <TextInput name="phone" type="tel" autocomplete="tel" label={req.t('community.vote.phone')}
          hint={req.t('community.vote.phone_hint')} value={phone} />
        <Choices name="kenh" legend={req.t('community.vote.channel')} value="sms"
          options={[{ value: 'sms', label: req.t('community.vote.sms') }, { value: 'zalo', label: 'Zalo' }]} />
        <Button>{req.t('community.vote.send_code')}</Button>
      </form>
    </> : <p>{req.t('community.vote.not_open')}</p>}
    <p><a href={`${pollPath(req, poll)}/ket-qua`}>{req.t('community.public.participation_link')}</a></p>
  </>;
}

export function VoteForm({ req, poll, options, otpId, household, members, error, channel }: {
  req: FastifyRequest; poll: PollRow; options: OptionRow[]; otpId: string; household: string; members: MemberRow[]; error?: string; channel: string;
}) {
  return <>
    <h1>{poll.title}</h1>
    {household && <Alert kind="info">{req.t(channel === 'zalo' ? 'community.vote.sent_zalo' : 'community.vote.sent_sms', { household })}</Alert>}
    {error && <Alert kind="error">{error}</Alert>}
    <form method="post" action={`${pollPath(req, poll)}/bo-phieu`}>
      <CsrfField req={req} />
      <input type="hidden" name="otp" value={otpId} />
      <input type="hidden" name="kenh" value={channel} />
      <TextInput name="code" inputMode="numeric" autocomplete="one-time-code" maxLength={6} label={req.t('community.vote.code')} />
      {poll.basis === 'resident' && <Select name="member" label={req.t('community.vote.member')} placeholder=""
        options={members.map((m) => ({ value: m.id, label: m.full_name }))} />}
      <Choices name="option" legend={req.t('community.vote.choice')} options={options.map((o) => ({ value: o.id, label: o.label }))} />
      <Choices name="app" legend={req.t('community.vote.app_legend')} multiple options={[{ value: 'yes',
        label: req.t('community.vote.app_label') }]} />
      {poll.secret && <p class="muted">{req.t('community.vote.secret_note')}</p>}
      <Button>{req.t('community.vote.submit')}</Button>
    </form>
  </>;
}

export function PublicResults({ req, poll, scope, results }: { req: FastifyRequest; poll: PollRow; scope: string; results: PollResults }) {
  return <>
    <h1>{req.t('community.results.title')}: {poll.title}</h1>
    <PollFacts req={req} poll={poll} groupName={scope} />
    <h2>{req.t('community.results.participation')}</h2>
    <ParticipationTable req={req} r={results} />
    {poll.results_published_at ? <><h2>{req.t('community.results.final')}</h2><ResultTable req={req} r={results} /></>
      : <p>{req.t('community.results.not_published')}</p>}
  </>;
}
