import type { FastifyRequest } from 'fastify';
import { RawSvg } from '../../../web/components/display.js';
import { feeText, processingTimeText } from '../display.js';
import type { Procedure } from '../types.js';

/** A4 notice-board poster: name, the essentials, the papers and a QR to the page. */
export function PosterPage({ req, procedure: p, qrSvg, pageUrl }: { req: FastifyRequest; procedure: Procedure; qrSvg: string; pageUrl: string }) {
  const t = req.t;
  return (
    <article class="catalogue-poster">
      <p class="catalogue-poster__unit">{req.unit!.name}</p>
      <h1>{p.name}</h1>
      <dl class="catalogue-poster__facts">
        <div><dt>{t('catalogue.processing_time')}</dt><dd>{processingTimeText(t, p.processing)}</dd></div>
        <div><dt>{t('catalogue.fee')}</dt><dd>{feeText(t, p.fee)}</dd></div>
        <div><dt>{t('catalogue.counter')}</dt><dd>{p.counter ?? t('catalogue.counter_unknown')}</dd></div>
      </dl>
      <h2>{t('catalogue.documents')}</h2>
      <ol>{p.documents.map((d) => <li>{d}</li>)}</ol>
      <div class="catalogue-poster__qr">
        <RawSvg svg={qrSvg} label={t('catalogue.page_qr_label')} className="qr" />
        <p><strong>{t('catalogue.poster_scan')}</strong><br />{pageUrl}</p>
      </div>
    </article>
  );
}
