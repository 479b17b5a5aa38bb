import type { FastifyRequest } from 'fastify';
import type { UnitScorecard } from '../service.js';
import { formatPoints, formatValue, LevelBadge, StatusOf } from './format.js';

/** The public summary: level, points per criterion and each indicator's status; no records, no names. */
export function PublicPage({ req, card, rank }: { req: FastifyRequest; card: UnitScorecard; rank: { rank: number; of: number } | null }) {
  const t = req.t;
  const lang = req.lang === 'en' ? 'en' : 'vi';
  return (
    <>
      <h1>{t('scoring.public.title')}</h1>
      <p class="lead">{t('scoring.public.lead', { year: card.year })}</p>
      <div class="scorecard-summary">
        <LevelBadge t={t} level={card.level} />
        <p class="stat">{t('scoring.points_of', { points: formatPoints(card.points), max: formatPoints(card.max) })}</p>
        {rank && <p>{t('scoring.public.city_rank', { rank: rank.rank, n: rank.of })}</p>}
        {!card.finalised && <p class="muted">{t('scoring.public.estimate')}</p>}
      </div>
      {card.criteria.map((c) => (
        <section aria-labelledby={`p-${c.id}`}>
          <h2 id={`p-${c.id}`}>{t('scoring.criterion_n', { n: c.number })}: {c.title[lang]}</h2>
          <p><meter min={0} max={c.max} value={c.points} aria-label={c.title[lang]} /> {t('scoring.points_of', { points: formatPoints(c.points), max: formatPoints(c.max) })}</p>
          <ul class="public-indicators">
            {c.indicators.map((i) => <li><span>{i.label[lang]}</span> {i.value !== null && <span class="muted">{formatValue(t, i)}</span>} <StatusOf t={t} status={i.status} /></li>)}
          </ul>
        </section>
      ))}
    </>
  );
}
