import type { FastifyRequest } from 'fastify';
import { formatDate } from '../../../lib/format.js';
import { StatusTag, Table } from '../../../web/components/display.js';
import { Pagination } from '../../../web/components/display.js';
import { CATEGORY_CODES } from '../categories.js';
import { mapAttributes, type MapSettings } from '../map.js';
import type { FeedbackStats } from '../stats.js';
import { STATUSES } from '../workflow.js';
import { statusTone } from './status-page.js';

export interface BoardItem {
  code: string;
  category: string;
  status: string;
  received_at: Date;
  answered_at: Date | null;
  public_summary: string | null;
  board_reply: string | null;
  /** Approved by the moderator; the sender's address is never shown. */
  public_place: string | null;
}

export interface BoardPoint {
  code: string;
  category: string;
  status: string;
  public_lat: number;
  public_lng: number;
}

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1).replace('.', ',')}%`);

/** Public board: statistics of the year, then the moderated items with their answers. */
export function BoardPage({ req, year, stats, items, total, page, pageSize, points, map }: {
  req: FastifyRequest; year: number; stats: FeedbackStats; items: BoardItem[]; total: number; page: number; pageSize: number;
  points: BoardPoint[]; map: MapSettings;
}) {
  const t = req.t;
  const cats = CATEGORY_CODES.map((c) => ({ key: c, n: stats.byCategory[c] ?? 0 }));
  const statuses = STATUSES.map((s) => ({ key: s, n: stats.byStatus[s] ?? 0 })).filter((r) => r.n > 0);
  return (
    <div class="feedback">
      <h1>{t('feedback.board.title')}</h1>
      <p class="lead">{t('feedback.board.intro', { year })}</p>
      <section aria-labelledby="stats-title">
        <h2 id="stats-title">{t('feedback.board.stats', { year })}</h2>
        <dl class="feedback-figures">
          <div><dt>{t('feedback.board.total')}</dt><dd data-figure="total">{stats.total}</dd></div>
          <div><dt>{t('feedback.board.answered')}</dt><dd data-figure="answered">{stats.answered}</dd></div>
          <div><dt>{t('feedback.board.onTimeRate')}</dt><dd data-figure="on-time">{percent(stats.onTimeRate)}</dd></div>
          <div><dt>{t('feedback.board.overdue')}</dt><dd data-figure="overdue">{stats.overdueOpen}</dd></div>
          <div><dt>{t('feedback.board.averageRating')}</dt><dd data-figure="rating">{stats.averageRating === null ? '—' : `${String(stats.averageRating).replace('.', ',')}/5`}</dd></div>
        </dl>
        <div class="feedback-stat-tables">
          <Table caption={t('feedback.board.byCategory')} rows={cats}
            columns={[{ header: t('feedback.board.byCategory'), cell: (r) => t(`feedback.category.${r.key}`) }, { header: t('feedback.board.count'), cell: (r) => r.n, numeric: true }]} />
          <Table caption={t('feedback.board.byStatus')} rows={statuses} empty={t('feedback.board.none')}
            columns={[{ header: t('feedback.board.byStatus'), cell: (r) => t(`feedback.status.${r.key}`) }, { header: t('feedback.board.count'), cell: (r) => r.n, numeric: true }]} />
        </div>
      </section>
      {points.length > 0 && (
        <section aria-labelledby="map-title" class="feedback-map-block" hidden>
          <h2 id="map-title">{t('feedback.map.boardTitle')}</h2>
          <p class="field__hint" id="board-map-hint">{t('feedback.map.boardHint', { n: points.length })}</p>
          <p><button type="button" class="button button--secondary" data-map-open>{t('feedback.map.boardOpen')}</button></p>
          <div hidden class="feedback-map feedback-map--board" role="region" aria-label={t('feedback.map.boardTitle')} aria-describedby="board-map-hint"
            data-points={JSON.stringify(points.map((p) => ({
              lat: p.public_lat, lng: p.public_lng, code: p.code, url: `/${req.unit!.slug}/phan-anh/${p.code}`,
              label: `${t(`feedback.category.${p.category}`)} · ${t(`feedback.status.${p.status}`)}`,
            })))} {...mapAttributes(map, req, 'board')}></div>
        </section>
      )}
      <section aria-labelledby="items-title">
        <h2 id="items-title">{t('feedback.board.items')}</h2>
        {items.length === 0 ? <p class="muted">{t('feedback.board.empty')}</p> : (
          <ul class="feedback-board">
            {items.map((i) => (
              <li class="feedback-board__item">
                <h3><a href={`/${req.unit!.slug}/phan-anh/${i.code}`}>{i.code}</a> · {t(`feedback.category.${i.category}`)}</h3>
                <p><StatusTag tone={statusTone(i.status, false)}>{t(`feedback.status.${i.status}`)}</StatusTag>{' '}
                  <span class="muted">{formatDate(i.received_at)}{i.public_place ? ` · ${i.public_place}` : ''}</span></p>
                {i.public_summary && <p>{i.public_summary}</p>}
                {i.board_reply && <blockquote class="feedback-reply">{i.board_reply}</blockquote>}
              </li>
            ))}
          </ul>
        )}
        <Pagination req={req} page={page} pageSize={pageSize} total={total} />
      </section>
    </div>
  );
}
