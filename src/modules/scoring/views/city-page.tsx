import type { FastifyRequest } from 'fastify';
import { CsrfField } from '../../../web/components/forms.js';
import type { CityRanking } from '../service.js';
import { formatPoints, LevelBadge, levelText } from './format.js';

interface Props { req: FastifyRequest; citySlug: string; ranking: CityRanking; enabled: Set<string>; disabledUnits: { slug: string; name: string }[]; canEnable: boolean; notice?: string }

function Distribution({ req, ranking }: { req: FastifyRequest; ranking: CityRanking }) {
  const t = req.t;
  const n = ranking.units.length || 1;
  return (
    <section aria-labelledby="dist-h">
      <h2 id="dist-h">{t('scoring.city.distribution')}</h2>
      <ul class="distribution">
        {([4, 3, 2, 1, 0] as const).map((l) => (
          <li><span class="distribution__label">{levelText(t, l)}</span>
            <span class={`distribution__bar level-bg--${l}`} style={`width:${Math.round((ranking.distribution[l] / n) * 100)}%`} aria-hidden="true" />
            <span class="distribution__count">{t('scoring.city.units_count', { n: ranking.distribution[l] })}</span></li>
        ))}
      </ul>
    </section>
  );
}

function ByKind({ req, ranking }: { req: FastifyRequest; ranking: CityRanking }) {
  const t = req.t;
  const kinds = ['ward', 'commune', 'special_zone'];
  return (
    <section aria-labelledby="kind-h">
      <h2 id="kind-h">{t('scoring.city.by_group')}</h2>
      <ul class="cards cards--kinds">
        {kinds.map((k) => {
          const units = ranking.units.filter((u) => u.unit.type === k);
          const mean = units.length ? units.reduce((s, u) => s + u.points, 0) / units.length : 0;
          return (
            <li class="card"><h3>{t(`scoring.kind.${k}`)} ({units.length})</h3>
              <p>{t('scoring.city.mean_points')}: {formatPoints(Math.round(mean * 10) / 10)}</p>
              <p class="muted">{[4, 3, 2, 1, 0].map((l) => `${levelText(t, l)}: ${units.filter((u) => u.level === l).length}`).join(' · ')}</p></li>
          );
        })}
      </ul>
    </section>
  );
}

function Compare({ req, ranking }: { req: FastifyRequest; ranking: CityRanking }) {
  const t = req.t;
  const lang = req.lang === 'en' ? 'en' : 'vi';
  const first = ranking.units.find((u) => !u.finalised) ?? ranking.units[0];
  if (!first) return null;
  const n = ranking.units.length;
  const byUnit = ranking.units.map((u) => new Map(u.criteria.flatMap((c) => c.indicators).map((x) => [x.key, x])));
  const rows = first.criteria.flatMap((c) => c.indicators).map((i) => {
    const all = byUnit.map((m) => m.get(i.key)).filter((x) => !!x);
    return { key: i.key, label: i.label[lang], max: i.max, met: all.filter((x) => x.status === 'met').length, mean: all.reduce((s, x) => s + x.points, 0) / (all.length || 1) };
  });
  return (
    <section aria-labelledby="cmp-h">
      <h2 id="cmp-h">{t('scoring.city.compare')}</h2>
      <p class="muted">{t('scoring.city.compare_hint')}</p>
      <div class="table-wrap"><table>
        <caption class="visually-hidden">{t('scoring.city.compare')}</caption>
        <thead><tr><th scope="col">{t('scoring.indicator')}</th><th scope="col" class="num">{t('scoring.city.met_share')}</th><th scope="col" class="num">{t('scoring.city.mean_points')}</th></tr></thead>
        <tbody>{rows.map((r) => <tr><th scope="row">{r.label}</th><td class="num">{r.met}/{n}</td><td class="num">{formatPoints(Math.round(r.mean * 100) / 100)}/{r.max}</td></tr>)}</tbody>
      </table></div>
    </section>
  );
}

export function CityPage({ req, citySlug, ranking, enabled, disabledUnits, canEnable, notice }: Props) {
  const t = req.t;
  const base = `/quan-tri/${citySlug}/tieu-chi`;
  return (
    <>
      <h1>{t('scoring.city.title', { year: ranking.year })}</h1>
      <p class="lead">{t('scoring.city.lead', { rubric: `${ranking.rubric.key} v${ranking.rubric.version}` })}</p>
      {notice && <div class="alert alert--success" role="status"><p>{notice}</p></div>}
      <form method="get" action={base} class="button-group">
        <label for="f-nam">{t('scoring.year')}</label>
        <input id="f-nam" name="nam" type="number" min={2020} max={2100} value={ranking.year} class="input--year" />
        <button class="button button--secondary" type="submit">{t('scoring.show')}</button>
        <a class="button button--secondary" href={`${base}/xep-hang.xlsx?nam=${ranking.year}`}>{t('scoring.city.export')}</a>
      </form>
      <Distribution req={req} ranking={ranking} />
      <ByKind req={req} ranking={ranking} />
      <section aria-labelledby="rank-h">
        <h2 id="rank-h">{t('scoring.city.rank')}</h2>
        <div class="table-wrap"><table class="ranking">
          <caption class="visually-hidden">{t('scoring.city.title', { year: ranking.year })}</caption>
          <thead><tr>
            <th scope="col" class="num">{t('scoring.city.rank')}</th><th scope="col">{t('scoring.city.unit')}</th><th scope="col">{t('scoring.level')}</th>
            <th scope="col" class="num">{t('scoring.points')}</th>
            {[1, 2, 3, 4].map((n) => <th scope="col" class="num">{t('scoring.criterion_n', { n })}</th>)}
            <th scope="col">{t('scoring.city.source')}</th>
          </tr></thead>
          <tbody>
            {ranking.units.map((u) => (
              <tr>
                <td class="num">{u.rank}</td>
                <th scope="row"><a href={`/quan-tri/${u.unit.slug}/tieu-chi?nam=${ranking.year}`}>{u.unit.name}</a></th>
                <td><LevelBadge t={t} level={u.level} /></td>
                <td class="num">{formatPoints(u.points)}</td>
                {u.criteria.map((c) => <td class="num">{formatPoints(c.points)}/{formatPoints(c.max)}</td>)}
                <td>{enabled.has(u.unit.slug) ? t('scoring.city.source_app') : t('scoring.city.source_reported')}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      </section>
      <Compare req={req} ranking={ranking} />
      {canEnable && (
        <section aria-labelledby="rubric-h">
          <h2 id="rubric-h">{t('scoring.city.rubric')}</h2>
          <p class="muted">{t('scoring.city.rubric_hint')}</p>
          <p><a href={`${base}/bo-tieu-chi.json`}>{t('scoring.city.rubric_download')}</a></p>
          <form method="post" action={`${base}/bo-tieu-chi`}>
            <CsrfField req={req} />
            <div class="field"><label for="f-rubric">{t('scoring.city.rubric_json')}</label>
              <textarea id="f-rubric" name="rubric" rows={6} required /></div>
            <button class="button button--secondary" type="submit">{t('scoring.city.rubric_publish')}</button>
          </form>
        </section>
      )}
      {canEnable && disabledUnits.length > 0 && (
        <section aria-labelledby="enable-h">
          <h2 id="enable-h">{t('scoring.city.enable')}</h2>
          <p class="muted">{t('scoring.city.enable_hint')}</p>
          <form method="post" action={`${base}/kich-hoat`}>
            <CsrfField req={req} />
            <div class="field"><label for="f-unit">{t('scoring.city.unit')}</label>
              <select id="f-unit" name="unit" required>{disabledUnits.map((u) => <option value={u.slug}>{u.name}</option>)}</select></div>
            <div class="field"><label for="f-username">{t('scoring.city.admin_username')}</label>
              <input id="f-username" name="username" required pattern="[a-z0-9._]{3,40}" autocomplete="off" /></div>
            <div class="field"><label for="f-display">{t('scoring.city.admin_name')}</label>
              <input id="f-display" name="displayName" required maxLength={120} /></div>
            <button class="button" type="submit">{t('scoring.city.enable')}</button>
          </form>
        </section>
      )}
    </>
  );
}
