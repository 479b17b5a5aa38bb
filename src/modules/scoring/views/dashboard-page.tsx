import type { FastifyRequest } from 'fastify';
import { formatDate } from '../../../lib/format.js';
import { Alert } from '../../../web/components/display.js';
import { CsrfField } from '../../../web/components/forms.js';
import type { Rubric } from '../rubric/model.js';
import { improvementCandidates, levelGaps, type ScoredIndicator } from '../scorecard.js';
import type { UnitScorecard } from '../service.js';
import { CriterionTable } from './criterion-table.js';
import { formatPoints, LevelBadge } from './format.js';
import { NationalTable } from './national-table.js';

interface Props { req: FastifyRequest; card: UnitScorecard; previous: UnitScorecard | null; rubric: Rubric; canFinalise: boolean; finalisedAt?: Date }

function NextLevel({ req, card, rubric }: { req: FastifyRequest; card: UnitScorecard; rubric: Rubric }) {
  const t = req.t;
  const lang = req.lang === 'en' ? 'en' : 'vi';
  if (card.level >= 4) return <p>{t('scoring.dashboard.top_level')}</p>;
  const next = card.level + 1;
  const labels = new Map(card.criteria.flatMap((c) => c.indicators).map((i) => [i.key, i.label[lang]]));
  const names = new Map(card.criteria.map((c) => [c.id, t('scoring.criterion_n', { n: c.number })]));
  const gaps = levelGaps(rubric, card, next);
  return (
    <section aria-labelledby="next-h" class="next-level">
      <h2 id="next-h">{t('scoring.dashboard.next_level', { level: next })}</h2>
      <ul>
        {gaps.map((g) => <li>{g.kind === 'total' ? t('scoring.dashboard.gap_total', { need: g.need, have: formatPoints(g.have) })
          : g.kind === 'criterion' ? t('scoring.dashboard.gap_criterion', { criterion: names.get(g.ref) ?? g.ref, need: g.need, have: formatPoints(g.have) })
            : t('scoring.dashboard.gap_required', { indicator: labels.get(g.ref) ?? g.ref })}</li>)}
      </ul>
      <h3>{t('scoring.dashboard.candidates')}</h3>
      <ol>
        {improvementCandidates(card).slice(0, 5).map((i) => (
          <li><a href={`#chi-so-${i.key}`}>{i.label[lang]}</a> — {t('scoring.dashboard.gain', { n: formatPoints(i.max - i.points) })}</li>
        ))}
      </ol>
    </section>
  );
}

export function DashboardPage({ req, card, previous, rubric, canFinalise, finalisedAt }: Props) {
  const t = req.t;
  const slug = card.unit.slug;
  const rules = new Map(rubric.criteria.flatMap((c) => c.indicators).map((i) => [i.key, i]));
  const prev = new Map<string, ScoredIndicator>((previous?.criteria ?? []).flatMap((c) => c.indicators).map((i) => [i.key, i]));
  const base = `/quan-tri/${slug}/tieu-chi`;
  return (
    <>
      <h1>{t('scoring.dashboard.title', { year: card.year })}</h1>
      <p class="lead">{t('scoring.dashboard.lead')}</p>
      <form method="get" action={base} class="button-group">
        <label for="f-nam">{t('scoring.year')}</label>
        <input id="f-nam" name="nam" type="number" min={2020} max={2100} value={card.year} class="input--year" />
        <button class="button button--secondary" type="submit">{t('scoring.show')}</button>
      </form>
      {card.finalised && <Alert kind="info">{t('scoring.dashboard.finalised', { year: card.year, date: finalisedAt ? formatDate(finalisedAt) : '' })}</Alert>}
      <div class="scorecard-summary">
        <LevelBadge t={t} level={card.level} />
        <p class="stat">{t('scoring.points_of', { points: formatPoints(card.points), max: formatPoints(card.max) })}</p>
        <p>{formatPoints(card.percent)} % · {t('scoring.measured_of', { measured: card.measured, total: card.total })}
          {previous && <> · {t('scoring.trend')}: {formatPoints(previous.points)} ({previous.level ? t('scoring.level_n', { n: previous.level }) : t('scoring.level_0')})</>}</p>
      </div>
      <NextLevel req={req} card={card} rubric={rubric} />
      {card.criteria.map((c) => <CriterionTable req={req} unitSlug={slug} year={card.year} criterion={c} rules={rules} previous={prev} />)}
      <NationalTable req={req} national={card.national} />
      <section aria-labelledby="exports-h">
        <h2 id="exports-h">{t('scoring.dashboard.exports')}</h2>
        <ul class="export-links">
          <li>{t('scoring.dashboard.report_annual')}: <a href={`${base}/bao-cao.pdf?nam=${card.year}`}>PDF</a> · <a href={`${base}/bao-cao.docx?nam=${card.year}`}>DOCX</a> · <a href={`${base}/bang-diem.xlsx?nam=${card.year}`}>XLSX</a></li>
          <li>{t('scoring.dashboard.report_midterm')}: <a href={`${base}/bao-cao.pdf?nam=2027&loai=so-ket`}>PDF</a> · <a href={`${base}/bao-cao.docx?nam=2027&loai=so-ket`}>DOCX</a></li>
          <li>{t('scoring.dashboard.report_final')}: <a href={`${base}/bao-cao.pdf?nam=${card.year}&loai=tong-ket`}>PDF</a> · <a href={`${base}/bao-cao.docx?nam=${card.year}&loai=tong-ket`}>DOCX</a></li>
        </ul>
      </section>
      {canFinalise && !card.finalised && (
        <form method="post" action={`${base}/chot?nam=${card.year}`} class="finalise">
          <CsrfField req={req} />
          <p class="muted">{t('scoring.dashboard.finalise_hint')}</p>
          <button class="button button--secondary" type="submit">{t('scoring.dashboard.finalise', { year: card.year })}</button>
        </form>
      )}
    </>
  );
}
