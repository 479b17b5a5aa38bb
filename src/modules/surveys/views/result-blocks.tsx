import type { FastifyRequest } from 'fastify';
import { RawSvg } from '../../../web/components/display.js';
import { barChart, stackedScaleChart } from '../charts.js';
import { tallyMatrix, tallyQuestion, type StoredResponse, type Tally } from '../results.js';
import type { SatisfactionIndex } from '../satisfaction.js';
import type { Lang, Question } from '../types.js';
import { DEFAULT_SCALE_LABELS } from '../types.js';

const pct = (n: number, d: number) => (d ? `${(Math.round((n / d) * 1000) / 10).toLocaleString('vi-VN')} %` : '–');
const num = (x: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

export function IndexCards({ req, index }: { req: FastifyRequest; index: SatisfactionIndex }) {
  if (!index.respondents) return <p>{req.t('surveys.results.no_data')}</p>;
  return (
    <ul class="cards survey-index">
      <li class="card">
        <h2>{req.t('surveys.results.index')}</h2>
        <p class="stat" data-index>{num(index.index!)}</p>
        {index.indexCi && <p>{req.t('surveys.results.ci', { low: num(index.indexCi.low), high: num(index.indexCi.high) })}</p>}
      </li>
      <li class="card">
        <h2>{req.t('surveys.results.satisfied_share')}</h2>
        <p class="stat">{num(index.satisfiedShare!)} %</p>
        {index.satisfiedCi && <p>{req.t('surveys.results.ci', { low: `${num(index.satisfiedCi.low)} %`, high: `${num(index.satisfiedCi.high)} %` })}</p>}
      </li>
      <li class="card">
        <h2>{req.t('surveys.results.responses')}</h2>
        <p class="stat">{index.respondents}</p>
      </li>
    </ul>
  );
}

function TallyTable({ req, tally, caption }: { req: FastifyRequest; tally: Tally; caption: string }) {
  const lang = req.lang as Lang;
  return (
    <details>
      <summary>{req.t('surveys.results.count')}</summary>
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead><tr><th scope="col">{req.t('surveys.results.option')}</th><th scope="col" class="num">{req.t('surveys.results.count')}</th><th scope="col" class="num">{req.t('surveys.results.share')}</th></tr></thead>
        <tbody>{tally.categories.map((c, i) => <tr><td>{c.label[lang]}</td><td class="num">{tally.counts[i]}</td><td class="num">{pct(tally.counts[i], tally.answered)}</td></tr>)}</tbody>
      </table>
    </details>
  );
}

/** Chart plus table for one choice, scale or matrix question. */
export function QuestionResult({ req, q, n, responses }: { req: FastifyRequest; q: Question; n: number; responses: StoredResponse[] }) {
  const lang = req.lang as Lang;
  const title = `${n}. ${q.text[lang]}`;
  if (q.type === 'matrix') {
    const rows = tallyMatrix(q, responses);
    const legend = (q.scaleLabels ?? DEFAULT_SCALE_LABELS).map((l, i) => `${i + 1} ${l[lang]}`);
    const svg = stackedScaleChart(rows.map((r) => r.row.label[lang]), rows.map((r) => r.tally), legend);
    return (
      <section class="survey-result" id={`r-${q.id}`}>
        <h3>{title}</h3>
        <RawSvg svg={svg} label={title} className="survey-chart" />
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead><tr><th scope="col">{req.t('surveys.results.row')}</th><th scope="col" class="num">n</th>{[1, 2, 3, 4, 5].map((p) => <th scope="col" class="num">{p}</th>)}<th scope="col" class="num">TB</th></tr></thead>
          <tbody>{rows.map((r) => (
            <tr><th scope="row">{r.row.label[lang]}</th><td class="num">{r.tally.answered}</td>
              {r.tally.counts.map((c) => <td class="num">{c}</td>)}
              <td class="num">{r.tally.mean ? num(r.tally.mean.mean) : '–'}</td></tr>
          ))}</tbody>
        </table>
      </section>
    );
  }
  const tally = tallyQuestion(q, responses);
  const svg = barChart({ labels: tally.categories.map((c) => c.label[lang]), values: tally.counts });
  return (
    <section class="survey-result" id={`r-${q.id}`}>
      <h3>{title}</h3>
      <p class="muted">{req.t('surveys.results.answered', { n: tally.answered })}
        {tally.mean && <> · {req.t('surveys.results.mean', { mean: num(tally.mean.mean) })}</>}</p>
      <RawSvg svg={svg} label={title} className="survey-chart" />
      <TallyTable req={req} tally={tally} caption={title} />
    </section>
  );
}
