import type { FastifyRequest } from 'fastify';
import type { ResultsData } from '../results-data.js';
import { allQuestions, type Lang } from '../types.js';
import { IndexCards, QuestionResult } from './result-blocks.js';

/** Published summary: the index and the charts, never the free-text answers. */
export function PublicResults({ req, title, data }: { req: FastifyRequest; title: string; data: ResultsData }) {
  const questions = allQuestions(data.def);
  return (
    <>
      <h1>{title}</h1>
      <IndexCards req={req} index={data.index} />
      <p class="muted">{req.t('surveys.results.index_help')}</p>
      {data.def.sections.map((s) => {
        const shown = s.questions.filter((q) => q.type !== 'text');
        if (!shown.length) return null;
        return (
          <section>
            <h2>{s.title[req.lang as Lang]}</h2>
            {shown.map((q) => <QuestionResult req={req} q={q} n={questions.indexOf(q) + 1} responses={data.responses} />)}
          </section>
        );
      })}
    </>
  );
}
