import type { FastifyRequest } from 'fastify';
import { Pagination, Table } from '../../../web/components/display.js';
import { formatDateTime } from '../../../lib/format.js';
import type { QuestionStats, ReviewFilter, ReviewRow } from '../repo.js';

export interface StaffView { filter: ReviewFilter; rows: ReviewRow[]; total: number; page: number; pageSize: number; year: number; stats: QuestionStats }

const FILTERS: ReviewFilter[] = ['unanswered', 'unhelpful', 'all'];

export function StaffQuestionsPage({ req, view }: { req: FastifyRequest; view: StaffView }) {
  const t = req.t;
  const s = view.stats;
  const rate = s.total ? `${Math.round((s.answered / s.total) * 1000) / 10} %` : '—';
  return (
    <div>
      <h1>{t('assistant.staff.title')}</h1>
      <p class="lead">{t('assistant.staff.lead')}</p>
      <p>{t('assistant.staff.stats', { year: view.year, total: s.total, answered: s.answered, rate, helpful: s.helpful, unhelpful: s.unhelpful })}</p>
      <nav aria-label={t('assistant.staff.filter')}>
        <p class="button-group">
          {FILTERS.map((f) => (f === view.filter
            ? <strong aria-current="page">{t(`assistant.staff.filter.${f}`)}</strong>
            : <a href={`?loc=${f}`}>{t(`assistant.staff.filter.${f}`)}</a>))}
        </p>
      </nav>
      <Table caption={t(`assistant.staff.filter.${view.filter}`)} rows={view.rows} empty={t('assistant.staff.empty')} columns={[
        { header: t('assistant.staff.col_time'), cell: (r) => formatDateTime(r.createdAt) },
        { header: t('assistant.staff.col_question'), cell: (r) => r.question },
        { header: t('assistant.staff.col_intent'), cell: (r) => t(`assistant.intent.${r.intent}`) },
        { header: t('assistant.staff.col_result'), cell: (r) => `${t(`assistant.confidence.${r.confidence}`)}${r.helpful === false ? ` · ${t('assistant.helpful_no')}` : ''}` },
      ]} />
      <Pagination req={req} page={view.page} pageSize={view.pageSize} total={view.total} />
    </div>
  );
}
