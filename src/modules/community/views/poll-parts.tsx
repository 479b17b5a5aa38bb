import type { FastifyRequest } from 'fastify';
import { formatDateTime } from '../../../lib/format.js';
import { StatusTag, SummaryList, Table } from '../../../web/components/display.js';
import type { PollResults } from '../polls/results.js';
import type { PollRow } from '../polls/repo.js';
import { pollPhase, type PollPhase } from '../polls/rules.js';

const PHASE_TONE: Record<PollPhase, 'info' | 'ok' | 'warn' | undefined> = { draft: undefined, scheduled: 'info', open: 'ok',
  closed: 'warn' };
const pct = (n: number | null) => (n === null ? '–' : `${n.toLocaleString('vi-VN')} %`);
export { pct as formatPercent };

export function PhaseTag({ req, poll }: { req: FastifyRequest; poll: PollRow }) {
  const phase = pollPhase(poll, new Date());
  return <StatusTag tone={PHASE_TONE[phase]}>{req.t(`community.phase.${phase}`)}</StatusTag>;
}

/** What is voted on, by whom, when, and the validity rules. */
export function PollFacts({ req, poll, groupName }: { req: FastifyRequest; poll: PollRow; groupName: string }) {
  return <SummaryList rows={[
    [req.t('community.poll.matter'), req.t(`community.matter.${poll.matter}`)],
    [req.t('community.poll.scope'), groupName],
    [req.t('community.poll.basis'), req.t(`community.basis.${poll.basis}`) + (poll.secret ? ` · ${req.t('community.poll.secret')}` : '')],
    [req.t('community.poll.time'), `${formatDateTime(poll.opens_at)} – ${formatDateTime(poll.closes_at)}`],
    [req.t('community.poll.rules'),
      req.t(poll.threshold_base === 'eligible' ? 'community.poll.rules_eligible' : 'community.poll.rules_cast',
      { quorum: poll.quorum_percent.toLocaleString('vi-VN'), threshold: poll.threshold_percent.toLocaleString('vi-VN') })],
  ]} />;
}

/** Live participation per group; the ward total last. */
export function ParticipationTable({ req, r, staff }: { req: FastifyRequest; r: PollResults; staff?: boolean }) {
  const total = { code: '', name: req.t('community.total'), eligible: r.eligible, participants: r.participants, byChannel: r.byChannel,
    rate: r.eligible ? Math.round((r.participants * 1000) / r.eligible) / 10 : null, ballots: 0, mismatch: false, groupId: 'total' };
  return <Table caption={req.t('community.results.participation')} rows={[...r.groups, total]} columns={[
    { header: req.t('community.group'), cell: (g) => (g.code ? `${g.code} – ${g.name}` : <strong>{g.name}</strong>) },
    { header: req.t('community.results.eligible'), cell: (g) => g.eligible, numeric: true },
    { header: req.t('community.results.web'), cell: (g) => g.byChannel.web + g.byChannel.api, numeric: true },
    { header: req.t('community.results.paper'), cell: (g) => g.byChannel.paper, numeric: true },
    { header: req.t('community.results.rate'), cell: (g) => <span data-participation={g.code || 'total'}>{pct(g.rate)}</span>,
      numeric: true },
    ...(staff ? [{ header: req.t('community.results.check'), cell: (g: typeof total) => (g.groupId === 'total' ? '' : g.mismatch
      ? <StatusTag tone="error">{req.t('community.results.mismatch')}</StatusTag> : <StatusTag tone="ok">{req.t('community.results.match')}</StatusTag>) }] : []),
  ]} />;
}

export function ResultTable({ req, r }: { req: FastifyRequest; r: PollResults }) {
  return <>
    <Table caption={req.t('community.results.title')} rows={r.options} columns={[
      { header: req.t('community.poll.option'), cell: (o) => o.label },
      { header: req.t('community.results.votes'), cell: (o) => <span data-votes={o.position}>{o.votes}</span>, numeric: true },
      { header: req.t('community.results.share'), cell: (o) => pct(o.percentOfBase), numeric: true },
      { header: req.t('community.results.adopted'),
        cell: (o) => (o.adopted ? <StatusTag tone="ok">{req.t('community.results.yes')}</StatusTag> : '') },
    ]} />
    <p data-outcome>{r.outcome.quorumMet
      ? (r.outcome.adoptedOptionId ? req.t('community.results.adopted_line',
        { option: r.options.find((o) => o.id === r.outcome.adoptedOptionId)!.label })
        : req.t('community.results.none_adopted'))
      : req.t('community.results.no_quorum')}</p>
  </>;
}
