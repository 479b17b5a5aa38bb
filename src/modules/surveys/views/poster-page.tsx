import type { FastifyRequest } from 'fastify';
import { RawSvg } from '../../../web/components/display.js';
import type { SurveyRow } from '../repo.js';

/** An A4 poster: the unit, the survey title, a large QR code and the written link. */
export function PosterPage({ req, survey, svg, link }: { req: FastifyRequest; survey: SurveyRow; svg: string; link: string }) {
  return (
    <div class="poster">
      <p class="poster__unit">{req.unit!.name}</p>
      <h1 class="poster__title">{survey.title_vi}</h1>
      {survey.title_en && <p class="poster__en" lang="en">{survey.title_en}</p>}
      <p class="poster__call">{req.t('surveys.poster.call')}</p>
      <RawSvg svg={svg} label={req.t('surveys.poster.qr_label')} className="poster__qr" />
      <p class="poster__link"><code>{link}</code></p>
      <p class="poster__note">{req.t('surveys.poster.note')}</p>
      <p class="no-print"><button class="button" type="button" data-print>{req.t('surveys.poster.print')}</button></p>
    </div>
  );
}
