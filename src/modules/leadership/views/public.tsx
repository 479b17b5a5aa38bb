import type { FastifyRequest } from 'fastify';
import { SummaryList } from '../../../web/components/display.js';
import { CODE_OF_CONDUCT } from '../officials.js';

export function OfficialPublicPage({ req, o }: {
  req: FastifyRequest; o: { display_name: string; title: string | null; department: string | null; duties: string | null; phone: string | null; badge_no: string; has_photo: boolean };
}) {
  const t = req.t;
  return (
    <div class="leadership leadership-official">
      <h1>{o.display_name}</h1>
      {o.has_photo && <img src={`/${req.unit!.slug}/can-bo/${encodeURIComponent(o.badge_no)}/anh`} alt={t('leadership.officials.photoOf', { name: o.display_name })} width={160} height={200} />}
      <SummaryList rows={[
        [t('leadership.officials.position'), o.title ?? '—'], [t('leadership.officials.department'), o.department ?? '—'],
        [t('leadership.officials.duties'), o.duties ?? '—'],
        [t('leadership.officials.phone'), o.phone ? <a href={`tel:${o.phone.replace(/\s/g, '')}`}>{o.phone}</a> : '—'],
        [t('leadership.officials.badge'), o.badge_no],
      ]} />
      <p><a href={`/${req.unit!.slug}/phan-anh`}>{t('leadership.public.feedback')}</a> · <a href={`/${req.unit!.slug}/quy-tac-ung-xu`}>{t('leadership.code.title')}</a></p>
    </div>
  );
}

export function CodeOfConductPage({ req, uniformDays }: { req: FastifyRequest; uniformDays: string }) {
  const t = req.t;
  return (
    <div class="leadership">
      <h1>{t('leadership.code.title')}</h1>
      <p>{t('leadership.code.lead')}</p>
      <h2>{t('leadership.code.xin')}</h2>
      <ul>{CODE_OF_CONDUCT.xin.map((x) => <li>{x}</li>)}</ul>
      <h2>{t('leadership.code.luon')}</h2>
      <ul>{CODE_OF_CONDUCT.luon.map((x) => <li>{x}</li>)}</ul>
      <h2>{t('leadership.code.khong')}</h2>
      <ul>{CODE_OF_CONDUCT.khong.map((x) => <li>{x}</li>)}</ul>
      <h2>{t('leadership.code.uniformTitle')}</h2>
      <p>{t('leadership.code.uniform', { days: uniformDays })}</p>
      <p><a href={`/${req.unit!.slug}/phan-anh`}>{t('leadership.public.feedback')}</a></p>
    </div>
  );
}
