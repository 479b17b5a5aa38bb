import type { FastifyRequest } from 'fastify';
import { formatDate } from '../../../lib/format.js';
import { Alert, StatusTag, Table } from '../../../web/components/display.js';
import type { Procedure } from '../types.js';

export function StaffListPage({ req, procedures, onlyReview, query, notice }: {
  req: FastifyRequest; procedures: Procedure[]; onlyReview: boolean; query: string; notice?: string;
}) {
  const t = req.t;
  const base = `/quan-tri/${req.unit!.slug}/thu-tuc`;
  return (
    <>
      <h1>{t('catalogue.staff.title')}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <p><a class="button button--secondary" href={`${base}/nhap`}>{t('catalogue.staff.import')}</a></p>
      <form method="get" action={base} class="button-group">
        <div class="field">
          <label for="f-q">{t('catalogue.staff.search')}</label>
          <input id="f-q" name="q" type="search" value={query} maxLength={200} />
        </div>
        <div class="choice">
          <input type="checkbox" id="f-can-ra-soat" name="can-ra-soat" value="1" checked={onlyReview} />
          <label for="f-can-ra-soat">{t('catalogue.staff.filter_review')}</label>
        </div>
        <button class="button" type="submit">{t('catalogue.staff.filter')}</button>
      </form>
      <Table
        caption={t('catalogue.staff.caption', { n: procedures.length })}
        rows={procedures}
        columns={[
          { header: t('catalogue.staff.col_code'), cell: (p) => p.shortCode },
          { header: t('catalogue.staff.col_name'), cell: (p) => <a href={`${base}/${p.id}`}>{p.name}</a> },
          { header: t('catalogue.staff.col_field'), cell: (p) => p.field },
          {
            header: t('catalogue.staff.col_status'),
            cell: (p) => (
              <>
                {p.needsReview ? <StatusTag tone="warn">{t('catalogue.needs_review')}</StatusTag> : <StatusTag tone="ok">{t('catalogue.staff.reviewed')}</StatusTag>}
                {!p.published && <> <StatusTag tone="info">{t('catalogue.staff.unpublished')}</StatusTag></>}
              </>
            ),
          },
          { header: t('catalogue.staff.col_version'), cell: (p) => <a href={`${base}/${p.id}/lich-su`}>{p.version}</a>, numeric: true },
          { header: t('catalogue.staff.col_updated'), cell: (p) => formatDate(p.updatedAt) },
        ]}
      />
    </>
  );
}
