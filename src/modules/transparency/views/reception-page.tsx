import type { FastifyRequest } from 'fastify';
import type { ReceptionRule, ReceptionSession, SkippedSession } from '../lib/reception.js';
import type { PublishedItem } from '../repo-published.js';
import type { UnitText } from '../repo-reception.js';
import { dateOf, PageTools, PublishedNote, TextBlock, timeOf } from './shared.js';
import { vnParts } from '../../../lib/vn-calendar/index.js';

export function recurrenceLabel(req: FastifyRequest, r: ReceptionRule): string {
  const weekday = req.t(`transparency.weekday.${r.weekday}`);
  if (r.recurrence === 'weekly') return req.t('transparency.reception.weekly', { weekday });
  return req.t('transparency.reception.monthly', { weekday, nth: req.t(`transparency.reception.nth.${r.weekOfMonth}`) });
}

export function nextSessionText(req: FastifyRequest, s: ReceptionSession): string {
  return req.t('transparency.reception.next_text', {
    title: s.rule.leaderTitle, name: s.rule.leaderName, weekday: req.t(`transparency.weekday.${vnParts(s.startsAt).weekday}`).toLowerCase(),
    date: dateOf(s.startsAt), start: timeOf(s.startsAt), end: timeOf(s.endsAt), place: s.rule.place,
  });
}

interface Props {
  req: FastifyRequest; rules: (ReceptionRule & { note: string })[]; next: ReceptionSession | null; skipped?: SkippedSession[];
  rulesText?: UnitText; items: { rules?: PublishedItem; schedule?: PublishedItem };
}

export function ReceptionPage({ req, rules, next, skipped = [], rulesText, items }: Props) {
  const slug = req.unit!.slug;
  return (
    <>
      <h1>{req.t('transparency.reception.title')}</h1>
      {next && (
        <div class="alert">
          <p class="alert__title">{req.t('transparency.reception.next')}</p>
          <p>{nextSessionText(req, next)}</p>
        </div>
      )}
      {skipped.length > 0 && (
        <div class="alert alert--info">
          <p class="alert__title">{req.t('transparency.reception.skipped_title')}</p>
          <ul>{skipped.map((s) => (
            <li>{req.t('transparency.reception.skipped', {
              date: dateOf(s.startsAt), title: s.rule.leaderTitle, name: s.rule.leaderName, reason: req.lang === 'en' ? s.reason.en : s.reason.vi,
            })}</li>
          ))}</ul>
        </div>
      )}
      <h2>{req.t('transparency.reception.schedule')}</h2>
      <p>{req.t('transparency.reception.legal')}</p>
      {rules.length === 0 ? <p>{req.t('transparency.reception.none')}</p> : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={req.t('transparency.reception.schedule')}><table class="table--stack">
          <caption class="visually-hidden">{req.t('transparency.reception.schedule')}</caption>
          <thead><tr>
            <th scope="col">{req.t('transparency.reception.leader')}</th><th scope="col">{req.t('transparency.reception.when')}</th>
            <th scope="col">{req.t('transparency.calendar.place')}</th><th scope="col">{req.t('transparency.reception.note')}</th>
          </tr></thead>
          <tbody>{rules.map((r) => (
            <tr><td data-label={req.t('transparency.reception.leader')}><strong>{r.leaderName}</strong><br />{r.leaderTitle}</td>
              <td data-label={req.t('transparency.reception.when')}>{recurrenceLabel(req, r)}, {r.startTime}–{r.endTime}</td>
              <td data-label={req.t('transparency.calendar.place')}>{r.place}</td><td data-label={req.t('transparency.reception.note')}>{r.note}</td></tr>
          ))}</tbody>
        </table></div>
      )}
      <PublishedNote req={req} item={items.schedule} />
      <PageTools req={req} posterHref={`/${slug}/ap-phich/tiep-cong-dan`}
        extra={<a class="button button--secondary" href={`/api/v1/units/${slug}/reception.ics`}>{req.t('transparency.reception.feed')}</a>} />
      <h2>{req.t('transparency.reception.rules')}</h2>
      {rulesText ? <><h3>{rulesText.title}</h3><TextBlock text={rulesText.body} /></> : <p>{req.t('transparency.common.none')}</p>}
      <PublishedNote req={req} item={items.rules} />
    </>
  );
}
