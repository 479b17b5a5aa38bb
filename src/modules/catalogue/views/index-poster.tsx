import type { FastifyRequest } from 'fastify';
import { RawSvg } from '../../../web/components/display.js';

/**
 * A4 notice-board poster of the whole catalogue: how many procedures in each field, a large QR
 * to the searchable catalogue, how to search, the hotline.
 */
export function IndexPosterPage({ req, fields, qrSvg, pageUrl, canPayByQr }: {
  req: FastifyRequest; fields: { field: string; n: number }[]; qrSvg: string; pageUrl: string; canPayByQr: boolean;
}) {
  const t = req.t;
  const unit = req.unit!;
  const total = fields.reduce((s, f) => s + f.n, 0);
  return (
    <article class="catalogue-poster">
      <p class="catalogue-poster__unit">{unit.name}</p>
      <h1>{t('catalogue.index_poster.title')}</h1>
      <p>{t('catalogue.index_poster.lead', { n: total })}</p>
      <div class="catalogue-poster__qr">
        <RawSvg svg={qrSvg} label={t('catalogue.index_poster.qr_label')} className="qr" />
        <p><strong>{t('catalogue.index_poster.scan')}</strong><br />{pageUrl}</p>
      </div>
      <table class="catalogue-poster__fields">
        <caption>{t('catalogue.index_poster.caption')}</caption>
        <thead><tr><th scope="col">{t('catalogue.field_label')}</th><th scope="col" class="num">{t('catalogue.index_poster.count')}</th></tr></thead>
        <tbody>{fields.map((f) => <tr><th scope="row">{f.field}</th><td class="num">{f.n}</td></tr>)}</tbody>
      </table>
      <p>{t('catalogue.index_poster.search_tip')}</p>
      {canPayByQr && <p>{t('catalogue.index_poster.pay_tip')}</p>}
      {unit.hotline && <p><strong>{t('catalogue.index_poster.hotline', { phone: unit.hotline })}</strong></p>}
    </article>
  );
}
