import type { FastifyRequest } from 'fastify';
import { formatDate } from '../../../lib/format.js';
import { Alert, StatusTag, Table } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextInput, Textarea } from '../../../web/components/forms.js';
import type { Coverage, Visit, WeekCompliance } from '../visits.js';
import { addDays } from '../../../lib/vn-calendar/index.js';

export interface GroupOption { id: string; name: string }
export interface ManagerOption { id: string; display_name: string; title: string | null }

export function VisitsPage({ req, visits, weeks, cover, groups, values, errors }: {
  req: FastifyRequest; visits: Visit[]; weeks: WeekCompliance[]; cover: Coverage[]; groups: GroupOption[]; values: Record<string, string>; errors: Record<string, string>;
}) {
  const t = req.t;
  const base = `/quan-tri/${req.unit!.slug}/lanh-dao/xuong-co-so`;
  const missed = weeks.filter((w) => w.visits === 0);
  return (
    <div class="leadership">
      <h1>{t('leadership.visits.title')}</h1>
      <p>{t('leadership.visits.lead')}</p>
      <p><strong>{t('leadership.visits.compliance', { held: weeks.length - missed.length, weeks: weeks.length })}</strong>
        {missed.length > 0 && <> {t('leadership.visits.missed')}: {missed.map((w) => `${formatDate(w.monday)}–${formatDate(addDays(w.monday, 6))}`).join('; ')}</>}</p>
      <Table caption={t('leadership.visits.list')} rows={visits} empty={t('leadership.visits.empty')} columns={[
        { header: t('leadership.visits.date'), cell: (v) => <a href={`${base}/${v.id}`}>{formatDate(v.held_on ?? v.planned_on)}</a> },
        { header: t('leadership.visits.group'), cell: (v) => v.group_name },
        { header: t('leadership.visits.activity'), cell: (v) => v.activity },
        { header: t('leadership.visits.leaders'), cell: (v) => v.leader_names || '—' },
        { header: t('leadership.visits.items'), cell: (v) => v.items, numeric: true },
        { header: t('leadership.cases.status'), cell: (v) => <StatusTag tone={v.status === 'held' ? 'ok' : v.status === 'planned' ? 'info' : 'warn'}>{t(`leadership.visitStatus.${v.status}`)}</StatusTag> },
      ]} />
      <h2>{t('leadership.visits.plan')}</h2>
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={base}>
        <CsrfField req={req} />
        <Select name="groupId" label={t('leadership.visits.group')} value={values.groupId} error={errors.groupId} required
          options={groups.map((g) => ({ value: g.id, label: g.name }))} />
        <TextInput name="plannedOn" type="date" label={t('leadership.visits.plannedOn')} value={values.plannedOn} error={errors.plannedOn} required />
        <TextInput name="activity" label={t('leadership.visits.activity')} value={values.activity} error={errors.activity} required />
        <Button>{t('leadership.visits.planButton')}</Button>
      </form>
      <h2 id="coverage">{t('leadership.visits.coverage')}</h2>
      <Table caption={t('leadership.visits.coverage')} rows={cover} columns={[
        { header: t('leadership.visits.group'), cell: (g) => g.name },
        { header: t('leadership.visits.lastVisit'), cell: (g) => (g.last_visit ? formatDate(g.last_visit) : t('leadership.visits.never')) },
        { header: t('leadership.visits.thisYear'), cell: (g) => g.visits_this_year, numeric: true },
        { header: t('leadership.cases.status'), cell: (g) => g.long_unvisited ? <StatusTag tone="warn">{t('leadership.visits.longUnvisited')}</StatusTag> : <StatusTag tone="ok">{t('leadership.visits.covered')}</StatusTag> },
      ]} />
    </div>
  );
}

export function VisitPage({ req, v, items, photoIds, managers, errors, notice }: {
  req: FastifyRequest; v: Visit; items: { id: string; content: string; feedback_code: string | null }[]; photoIds: { id: string }[];
  managers: ManagerOption[]; errors: Record<string, string>; notice?: string;
}) {
  const t = req.t;
  const self = `/quan-tri/${req.unit!.slug}/lanh-dao/xuong-co-so/${v.id}`;
  return (
    <div class="leadership">
      <h1>{v.group_name} — {formatDate(v.held_on ?? v.planned_on)}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <p>{v.activity} · {t(`leadership.visitStatus.${v.status}`)}{v.leader_names ? ` · ${v.leader_names}` : ''}</p>
      {v.notes && <p>{v.notes}</p>}
      {photoIds.length > 0 && <div class="leadership-photos">{photoIds.map((p, i) => <img src={`${self}/anh/${p.id}`} alt={`${t('leadership.visits.photo')} ${i + 1}`} width={240} loading="lazy" />)}</div>}
      <h2>{t('leadership.visits.raised')}</h2>
      <Table caption={t('leadership.visits.raised')} rows={items} empty={t('leadership.visits.noItems')} columns={[
        { header: t('leadership.visits.item'), cell: (i) => i.content },
        { header: t('leadership.visits.feedback'), cell: (i) => i.feedback_code
          ? <a href={`/quan-tri/${req.unit!.slug}/phan-anh/${i.feedback_code}`}>{i.feedback_code}</a>
          : <form method="post" action={`${self}/y-kien/${i.id}/phan-anh`}><CsrfField req={req} /><Button variant="secondary">{t('leadership.visits.toFeedback')}</Button></form> },
      ]} />
      <h2>{t(v.status === 'held' ? 'leadership.visits.addMore' : 'leadership.visits.record')}</h2>
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={`${self}/ket-qua`} enctype="multipart/form-data">
        <CsrfField req={req} />
        {v.status !== 'held' && <>
          <TextInput name="heldOn" type="date" label={t('leadership.visits.heldOn')} value={v.planned_on} error={errors.heldOn} required />
          <Choices name="leaders" multiple legend={t('leadership.visits.attendance')} hint={t('leadership.visits.attendanceHint')} error={errors.leaders}
            options={managers.map((m) => ({ value: m.id, label: `${m.display_name}${m.title ? ` — ${m.title}` : ''}` }))} />
          <Textarea name="notes" rows={2} label={t('leadership.visits.notes')} />
        </>}
        <Textarea name="raised" rows={4} label={t('leadership.visits.raisedInput')} hint={t('leadership.visits.raisedHint')} />
        <TextInput name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple label={t('leadership.visits.photos')} hint={t('leadership.visits.photosHint')} error={errors.photos} />
        <Button>{t('leadership.save')}</Button>
      </form>
      {v.status === 'planned' && <form method="post" action={`${self}/huy`}><CsrfField req={req} /><Button variant="secondary">{t('leadership.visits.cancel')}</Button></form>}
    </div>
  );
}
