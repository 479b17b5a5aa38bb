import type { FastifyRequest } from 'fastify';
import type { NationalEstimate } from '../national-index.js';
import { formatPoints } from './format.js';

/** The national service index groups (Decision 766/QĐ-TTg), clearly an estimate. */
export function NationalTable({ req, national }: { req: FastifyRequest; national: NationalEstimate }) {
  const t = req.t;
  const lang = req.lang === 'en' ? 'en' : 'vi';
  return (
    <section aria-labelledby="national-h">
      <h2 id="national-h">{t('scoring.dashboard.national')}</h2>
      <p class="muted">{t('scoring.dashboard.national_note')}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('scoring.dashboard.national')}</caption>
          <thead><tr><th scope="col">{t('scoring.dashboard.group')}</th><th scope="col" class="num">{t('scoring.points')}</th><th scope="col" class="num">{t('scoring.dashboard.max')}</th></tr></thead>
          <tbody>
            {national.groups.map((g) => (
              <tr><th scope="row">{g.label[lang]}</th><td class="num">{g.points === null ? t('scoring.not_measured') : formatPoints(g.points)}</td><td class="num">{g.max}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t('scoring.dashboard.national_total', { points: formatPoints(national.points), measuredMax: national.measuredMax })}</p>
    </section>
  );
}
