import type { FastifyRequest } from 'fastify';
import { RawSvg } from '../../../web/components/display.js';

export interface PosterContent { title: string; lines: string[]; url: string; qrSvg: string }

/** An A4 portrait poster for the notice board: unit name, title, a few lines and a large QR code to the page. */
export function Poster({ req, p }: { req: FastifyRequest; p: PosterContent }) {
  return (
    <article class="poster">
      <p class="poster__unit">{req.unit!.name.toUpperCase()}</p>
      <h1 class="poster__title">{p.title}</h1>
      {p.lines.map((l) => <p class="poster__line">{l}</p>)}
      <RawSvg svg={p.qrSvg} label={p.url} className="poster__qr" />
      <p class="poster__scan">{req.t('transparency.poster.scan')}</p>
      <p class="poster__url">{p.url}</p>
      <p class="no-print"><button class="button" type="button" data-print>{req.t('transparency.common.print')}</button></p>
    </article>
  );
}
