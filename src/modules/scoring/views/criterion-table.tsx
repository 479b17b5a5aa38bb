import type { FastifyRequest } from 'fastify';
import type { ScoredCriterion, ScoredIndicator } from '../scorecard.js';
import type { RubricIndicator } from '../rubric/model.js';
import { describeRule } from '../rubric/rules.js';
import { formatPoints, formatValue, StatusOf } from './format.js';
import { TableWrap } from '../../../web/components/display.js';

interface Props {
  req: FastifyRequest;
  unitSlug: string;
  year: number;
  criterion: ScoredCriterion;
  /** The rubric's indicators by key (rule text); absent for frozen cards of an older rubric. */
  rules: Map<string, RubricIndicator>;
  previous: Map<string, ScoredIndicator>;
}

/** Link to the records behind a value: the module's drill-down page, or the evidence page of a manual indicator. */
export function recordsHref(unitSlug: string, year: number, i: ScoredIndicator): string | null {
  if (i.source.startsWith('scoring.')) return `/quan-tri/${unitSlug}/tieu-chi/minh-chung/${encodeURIComponent(i.source)}?nam=${year}`;
  return i.drillDown ? `/quan-tri/${unitSlug}/${i.drillDown}` : null;
}

/** One criterion: each indicator with value, formula, rule, points, status, previous year and records. */
export function CriterionTable({ req, unitSlug, year, criterion, rules, previous }: Props) {
  const t = req.t;
  const lang = req.lang === 'en' ? 'en' : 'vi';
  return (
    <section class="criterion" id={criterion.id} aria-labelledby={`${criterion.id}-h`}>
      <h2 id={`${criterion.id}-h`}>
        {t('scoring.criterion_n', { n: criterion.number })}: {criterion.title[lang]}
        <span class="criterion__score">{t('scoring.points_of', { points: formatPoints(criterion.points), max: formatPoints(criterion.max) })} · {formatPoints(criterion.percent)} %</span>
      </h2>
      <TableWrap label={criterion.title[lang]}>
        <table class="indicators table--stack">
          <caption class="visually-hidden">{criterion.title[lang]}</caption>
          <thead><tr>
            <th scope="col">{t('scoring.indicator')}</th><th scope="col">{t('scoring.value')}</th>
            <th scope="col" class="num">{t('scoring.points')}</th><th scope="col">{t('scoring.trend')}</th><th scope="col">{t('scoring.records')}</th>
          </tr></thead>
          <tbody>
            {criterion.indicators.map((i) => {
              const href = recordsHref(unitSlug, year, i);
              const rule = rules.get(i.key)?.rule;
              const prev = previous.get(i.key);
              return (
                <tr id={`chi-so-${i.key}`}>
                  <th scope="row">
                    <span class="indicator__label">{i.label[lang]}</span>
                    {i.formula && <span class="indicator__meta">{t('scoring.formula')}: {i.formula[lang]}</span>}
                    {rule && <span class="indicator__meta">{t('scoring.rule')}: {describeRule(rule, lang)}</span>}
                    {i.origin && i.origin !== 'measured' && <span class="indicator__meta">{t(`scoring.origin.${i.origin}`)}</span>}
                  </th>
                  <td data-label={t('scoring.value')}>{i.value !== null && <>{formatValue(t, i)}<br /></>}<StatusOf t={t} status={i.status} /></td>
                  <td class="num" data-label={t('scoring.points')}>{formatPoints(i.points)}/{formatPoints(i.max)}</td>
                  <td data-label={t('scoring.trend')}>{prev ? formatValue(t, prev) : '—'}</td>
                  <td data-label={t('scoring.records')}>{href ? <a href={href}>{i.source.startsWith('scoring.') ? t('scoring.dashboard.evidence') : t('scoring.records')}<span class="visually-hidden">: {i.label[lang]}</span></a> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
