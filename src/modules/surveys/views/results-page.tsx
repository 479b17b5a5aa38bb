import type { FastifyRequest } from 'fastify';
import { Pagination, RawSvg } from '../../../web/components/display.js';
import { Button, Select } from '../../../web/components/forms.js';
import { vnParts } from '../../../lib/vn-calendar/index.js';
import { monthlyChart } from '../charts.js';
import { crossTabbable, textAnswers, type CrossTab, type StoredResponse } from '../results.js';
import type { SatisfactionIndex } from '../satisfaction.js';
import type { SurveyRow } from '../repo.js';
import { allQuestions, CHANNELS, type Lang, type Question, type SurveyDefinition } from '../types.js';
import { IndexCards, QuestionResult } from './result-blocks.js';
import { vnTimestamp } from '../export.js';

export interface ResultsProps {
  req: FastifyRequest; survey: SurveyRow; def: SurveyDefinition; responses: StoredResponse[]; index: SatisfactionIndex;
  year: number | null; years: number[]; cross: CrossTab | null; rowQ?: string; colQ?: string; textQ?: Question; page: number;
}

function Filters({ req, years, year }: { req: FastifyRequest; years: number[]; year: number | null }) {
  const opts = [{ value: '', label: req.t('surveys.results.all_years') }, ...years.map((y) => ({ value: String(y), label: String(y) }))];
  return (
    <form method="get" class="no-print survey-filters">
      <Select name="nam" label={req.t('surveys.results.year')} options={opts} value={year ? String(year) : ''} />
      <Button variant="secondary">{req.t('surveys.results.filter')}</Button>
    </form>
  );
}

function CrossTabForm({ req, questions, rowQ, colQ, year, cross }: { req: FastifyRequest; questions: Question[]; rowQ?: string; colQ?: string; year: number | null; cross: CrossTab | null }) {
  const lang = req.lang as Lang;
  const opts = questions.filter(crossTabbable).map((q) => ({ value: q.id, label: q.text[lang].slice(0, 90) }));
  return (
    <section id="bang-cheo">
      <h2>{req.t('surveys.results.crosstab')}</h2>
      <form method="get" action="#bang-cheo" class="no-print">
        {year && <input type="hidden" name="nam" value={String(year)} />}
        <Select name="hang" label={req.t('surveys.results.crosstab_rows')} options={opts} value={rowQ} />
        <Select name="cot" label={req.t('surveys.results.crosstab_cols')} options={opts} value={colQ} />
        <Button variant="secondary">{req.t('surveys.results.filter')}</Button>
      </form>
      {cross && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={req.t('surveys.results.crosstab')}><table>
          <caption class="visually-hidden">{req.t('surveys.results.crosstab')}</caption>
          <thead><tr><td></td>{cross.cols.map((c) => <th scope="col" class="num">{c.label[lang]}</th>)}<th scope="col" class="num">{req.t('surveys.results.total')}</th></tr></thead>
          <tbody>
            {cross.rows.map((r, i) => <tr><th scope="row">{r.label[lang]}</th>{cross.cells[i].map((n) => <td class="num">{n}</td>)}<td class="num">{cross.rowTotals[i]}</td></tr>)}
            <tr><th scope="row">{req.t('surveys.results.total')}</th>{cross.colTotals.map((n) => <td class="num">{n}</td>)}<td class="num">{cross.total}</td></tr>
          </tbody>
        </table></div>
      )}
    </section>
  );
}

function TextList({ req, q, responses, page }: { req: FastifyRequest; q: Question; responses: StoredResponse[]; page: number }) {
  const list = textAnswers(q, responses, page);
  return (
    <section id="y-kien">
      <h3>{q.text[req.lang as Lang]} ({list.total})</h3>
      <ul class="survey-texts">{list.items.map((t) => <li><p>{t.text}</p><p class="muted"><small>{vnTimestamp(t.submittedAt)}</small></p></li>)}</ul>
      <Pagination req={req} page={list.page} pageSize={20} total={list.total} />
    </section>
  );
}

export function ResultsPage(p: ResultsProps) {
  const { req, survey, def, responses } = p;
  const questions = allQuestions(def);
  const byMonth = Array.from({ length: 12 }, (_, m) => responses.filter((r) => vnParts(r.submittedAt).month === m + 1).length);
  const q = new URLSearchParams(p.year ? { nam: String(p.year) } : {}).toString();
  const base = `/quan-tri/${req.unit!.slug}/khao-sat/${survey.id}`;
  const texts = questions.filter((x) => x.type === 'text');
  return (
    <>
      <h1>{req.t('surveys.results.title')}: {survey.title_vi}</h1>
      <Filters req={req} years={p.years} year={p.year} />
      <p class="no-print">
        <label class="survey-live"><input type="checkbox" data-live-refresh /> {req.t('surveys.results.live')}</label>
        {' · '}<a href={`${base}/ket-qua.csv${q ? `?${q}` : ''}`}>{req.t('surveys.results.export_csv')}</a>
        {' · '}<a href={`${base}/ket-qua.xlsx${q ? `?${q}` : ''}`}>{req.t('surveys.results.export_xlsx')}</a>
      </p>
      <IndexCards req={req} index={p.index} />
      <p class="muted">{req.t('surveys.results.index_help')}</p>
      <h2>{req.t('surveys.results.by_channel')}</h2>
      <ul>{CHANNELS.map((c) => <li>{req.t(`surveys.channel.${c}`)}: <strong data-channel={c}>{responses.filter((r) => r.channel === c).length}</strong></li>)}</ul>
      {p.year && <><h2>{req.t('surveys.results.by_month')}</h2><RawSvg svg={monthlyChart(byMonth, req.lang as Lang)} label={req.t('surveys.results.by_month')} className="survey-chart" /></>}
      {def.sections.map((s) => (
        <section>
          <h2>{s.title[req.lang as Lang]}</h2>
          {s.questions.filter((x) => x.type !== 'text').map((x) => <QuestionResult req={req} q={x} n={questions.indexOf(x) + 1} responses={responses} />)}
        </section>
      ))}
      <CrossTabForm req={req} questions={questions} rowQ={p.rowQ} colQ={p.colQ} year={p.year} cross={p.cross} />
      {texts.length > 0 && <h2>{req.t('surveys.results.texts')}</h2>}
      {texts.map((x) => <TextList req={req} q={x} responses={responses} page={p.page} />)}
    </>
  );
}
