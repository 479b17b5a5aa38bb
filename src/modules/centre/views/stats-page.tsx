import type { FastifyRequest } from 'fastify';
import { Table } from '../../../web/components/display.js';
import { Button, TextInput } from '../../../web/components/forms.js';
import { WAIT_BUCKETS_MIN, type GroupStats, type RatingSummary } from '../domain/stats.js';
import type { RecentRating } from '../repo/stats-repo.js';

export interface StatsProps {
  req: FastifyRequest; from: string; to: string; error?: string;
  byService: GroupStats[]; byCounter: GroupStats[]; byHour: GroupStats[];
  counterRatings: RatingSummary; receptionRatings: RatingSummary;
  ratingsByCounter: Array<{ key: string; s: RatingSummary }>; comments: RecentRating[];
}

const min = (s: number) => (s / 60).toFixed(1).replace('.', ',');

function GroupTable({ req, caption, rows }: { req: FastifyRequest; caption: string; rows: GroupStats[] }) {
  const t = req.t;
  return (
    <Table caption={caption} rows={rows} empty={t('centre.stats.empty')} columns={[
      { header: t('centre.stats.key'), cell: (r) => r.key },
      { header: t('centre.stats.tickets'), cell: (r) => r.tickets, numeric: true },
      { header: t('centre.stats.served'), cell: (r) => r.served, numeric: true },
      { header: t('centre.stats.no_shows'), cell: (r) => r.noShows, numeric: true },
      { header: t('centre.stats.wait_mean'), cell: (r) => min(r.wait.mean), numeric: true },
      { header: t('centre.stats.wait_p50'), cell: (r) => min(r.wait.p50), numeric: true },
      { header: t('centre.stats.wait_p90'), cell: (r) => min(r.wait.p90), numeric: true },
      { header: t('centre.stats.service_mean'), cell: (r) => min(r.service.mean), numeric: true },
      { header: t('centre.stats.service_p90'), cell: (r) => min(r.service.p90), numeric: true },
    ]} />
  );
}

const bucketLabels = [...WAIT_BUCKETS_MIN.map((ub, i) => `${i ? WAIT_BUCKETS_MIN[i - 1] : 0}–${ub}′`), `≥ ${WAIT_BUCKETS_MIN[WAIT_BUCKETS_MIN.length - 1]}′`];

function RatingTable({ req, rows }: { req: FastifyRequest; rows: Array<{ key: string; s: RatingSummary }> }) {
  const t = req.t;
  return (
    <Table caption={t('centre.stats.ratings')} rows={rows} empty={t('centre.stats.empty')} columns={[
      { header: t('centre.stats.key'), cell: (r) => r.key },
      { header: t('centre.rating.satisfied'), cell: (r) => r.s.satisfied, numeric: true },
      { header: t('centre.rating.normal'), cell: (r) => r.s.normal, numeric: true },
      { header: t('centre.rating.unsatisfied'), cell: (r) => r.s.unsatisfied, numeric: true },
      { header: t('centre.stats.rate'), cell: (r) => `${String(r.s.satisfiedRate).replace('.', ',')} %`, numeric: true },
    ]} />
  );
}

/** Waiting and service time distributions by service, counter and hour; no-shows; ratings. */
export function StatsPage(p: StatsProps) {
  const { req } = p;
  const t = req.t;
  return (
    <div>
      <h1>{t('centre.stats.title')}</h1>
      <form method="get" class="grid-2">
        <TextInput name="tu" type="date" label={t('centre.stats.from')} value={p.from} error={p.error} />
        <TextInput name="den" type="date" label={t('centre.stats.to')} value={p.to} />
        <Button>{t('centre.stats.show')}</Button>
      </form>
      <h2>{t('centre.stats.by_service')}</h2>
      <GroupTable req={req} caption={t('centre.stats.by_service')} rows={p.byService} />
      <h3>{t('centre.stats.histogram')}</h3>
      <Table caption={t('centre.stats.histogram')} rows={p.byService} columns={[
        { header: t('centre.stats.key'), cell: (r) => r.key },
        ...bucketLabels.map((label, i) => ({ header: label, cell: (r: GroupStats) => r.waitHistogram[i], numeric: true })),
      ]} />
      <h2>{t('centre.stats.by_counter')}</h2>
      <GroupTable req={req} caption={t('centre.stats.by_counter')} rows={p.byCounter} />
      <h2>{t('centre.stats.by_hour')}</h2>
      <GroupTable req={req} caption={t('centre.stats.by_hour')} rows={p.byHour.map((r) => ({ ...r, key: `${r.key}h` }))} />
      <h2>{t('centre.stats.ratings')}</h2>
      <RatingTable req={req} rows={[
        { key: t('centre.stats.ratings_counter'), s: p.counterRatings },
        { key: t('centre.stats.ratings_reception'), s: p.receptionRatings },
        ...p.ratingsByCounter,
      ]} />
      <h2>{t('centre.stats.comments')}</h2>
      {p.comments.length === 0 ? <p class="muted">{t('centre.stats.empty')}</p> : (
        <ul>{p.comments.map((c) => <li><strong>{t(`centre.rating.${c.score}`)}</strong>{c.counter ? ` · ${t('centre.counter.title', { n: c.counter })}` : ''}{c.reception_ref ? ` · ${c.reception_ref}` : ''}: {c.comment}</li>)}</ul>
      )}
    </div>
  );
}
