import type { FastifyRequest } from 'fastify';
import { messages } from '../i18n.js';
import type { SurveyRow } from '../repo.js';
import { DEFAULT_SCALE_LABELS, type Question, type SurveyDefinition } from '../types.js';

const Box = () => <span class="paper__box" aria-hidden="true">☐</span>;

function ScaleHead({ q }: { q: Question }) {
  return <>{(q.scaleLabels ?? DEFAULT_SCALE_LABELS).map((l, i) => <th scope="col" class="paper__point">{i + 1}<br /><small>{l.vi}</small></th>)}</>;
}

function PaperQuestion({ req, q, n }: { req: FastifyRequest; q: Question; n: number }) {
  const head = <p class="paper__q"><strong>{n}. {q.text.vi}</strong>{q.required ? ' *' : ''}{q.type === 'multiple' ? ` (${req.t('surveys.choose_many')})` : ''}</p>;
  if (q.type === 'single' || q.type === 'multiple') {
    return <div class="paper__item">{head}<ul class="paper__options">{(q.options ?? []).map((o) => <li><Box /> {o.label.vi}</li>)}</ul></div>;
  }
  if (q.type === 'text') return <div class="paper__item">{head}<div class="paper__lines" /></div>;
  const rows = q.type === 'matrix' ? (q.rows ?? []).map((r) => r.label.vi) : [''];
  return (
    <div class="paper__item">
      {head}
      <table class="paper__grid">
        <thead><tr><th scope="col"><span class="visually-hidden">{req.t('surveys.paper.row')}</span></th><ScaleHead q={q} /></tr></thead>
        <tbody>{rows.map((r) => <tr><th scope="row">{r}</th>{[1, 2, 3, 4, 5].map(() => <td class="paper__point"><Box /></td>)}</tr>)}</tbody>
      </table>
    </div>
  );
}

/** The printable paper form; staff key its answers in at /quan-tri/…/nhap-phieu. */
export function PaperForm({ req, survey, def }: { req: FastifyRequest; survey: SurveyRow; def: SurveyDefinition }) {
  let n = 0;
  return (
    <div class="paper">
      <header class="paper__head">
        <p class="paper__unit">{req.unit!.name}</p>
        <h1>{survey.title_vi}</h1>
        {survey.title_en && survey.title_en !== survey.title_vi && <p class="paper__en" lang="en">{survey.title_en}</p>}
        <p>{survey.description_vi}</p>
        {survey.description_en && <p class="paper__en" lang="en">{survey.description_en}</p>}
        <p class="paper__how">{messages.vi['surveys.paper.how']}</p>
        <p class="paper__how paper__en" lang="en">{messages.en['surveys.paper.how']}</p>
      </header>
      {def.sections.map((s) => (
        <section><h2>{s.title.vi}</h2>{s.questions.map((q) => <PaperQuestion req={req} q={q} n={++n} />)}</section>
      ))}
      <p class="paper__foot">{req.t('surveys.paper.foot', { v: survey.current_version })}</p>
      <p class="no-print"><button class="button" type="button" data-print>{req.t('surveys.poster.print')}</button></p>
    </div>
  );
}
