import type { FastifyRequest } from 'fastify';
import type { OfficerRatings } from '../../centre/index.js';
import { formatDate } from '../../../lib/format.js';
import { assetUrl } from '../../../web/assets.js';
import { Alert, RawSvg, SummaryList, Table } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextInput } from '../../../web/components/forms.js';
import { DISCIPLINE_KINDS, TRAINING_TOPICS, VIOLATION_REASONS, type ConductRollup, type Discipline, type Profile, type Training } from '../officials.js';

export interface OfficialRow { id: string; display_name: string; title: string | null; badge_no: string | null; trainings: number; reports: number; discipline: number }

export function OfficialsPage({ req, rows, year }: { req: FastifyRequest; rows: OfficialRow[]; year: number }) {
  const t = req.t;
  const base = `/quan-tri/${req.unit!.slug}/lanh-dao/can-bo`;
  return (
    <div class="leadership">
      <h1>{t('leadership.officials.title')}</h1>
      <p><a href={`${base}/ky-luat`}>{t('leadership.officials.register')}</a> · <a href={`/${req.unit!.slug}/quy-tac-ung-xu`}>{t('leadership.code.title')}</a></p>
      <Table caption={t('leadership.officials.title')} rows={rows} empty={t('leadership.officials.empty')} columns={[
        { header: t('leadership.officials.name'), cell: (r) => <a href={`${base}/${r.id}`}>{r.display_name}</a> },
        { header: t('leadership.officials.position'), cell: (r) => r.title ?? '—' },
        { header: t('leadership.officials.badge'), cell: (r) => r.badge_no ?? '—' },
        { header: t('leadership.officials.trainingsYear', { year }), cell: (r) => r.trainings, numeric: true },
        { header: t('leadership.officials.reports'), cell: (r) => r.reports, numeric: true },
        { header: t('leadership.officials.discipline'), cell: (r) => r.discipline, numeric: true },
      ]} />
    </div>
  );
}

export function OfficialPage({ req, o, profile, trainings, discipline, rollup, ratings, errors, notice, canEdit }: {
  req: FastifyRequest; o: { id: string; display_name: string; title: string | null; department: string | null }; profile: Profile | undefined;
  trainings: Training[]; discipline: Discipline[]; rollup: ConductRollup; ratings: OfficerRatings | null; errors: Record<string, string>; notice?: string; canEdit: boolean;
}) {
  const t = req.t;
  const self = `/quan-tri/${req.unit!.slug}/lanh-dao/can-bo/${o.id}`;
  return (
    <div class="leadership">
      <h1>{o.display_name}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorSummary req={req} errors={errors} />
      <SummaryList rows={[
        [t('leadership.officials.position'), o.title ?? '—'], [t('leadership.officials.department'), o.department ?? '—'],
        [t('leadership.officials.badge'), profile ? <>{profile.badge_no} · <a href={`${self}/the`}>{t('leadership.officials.printBadge')}</a> · <a href={`/${req.unit!.slug}/can-bo/${profile.badge_no}`}>{t('leadership.officials.publicPage')}</a></> : '—'],
        [t('leadership.officials.duties'), profile?.duties ?? '—'], [t('leadership.officials.phone'), profile?.phone ?? '—'],
        [t('leadership.officials.conduct'), t('leadership.officials.rollup', { reports: rollup.reports, open: rollup.open, cases: rollup.cases })],
        [t('leadership.officials.ratings'), ratings?.total ? t('leadership.officials.ratingValue', { ...ratings }) : t('leadership.officials.noRatings')],
      ]} />
      {profile?.has_photo && <img src={`${self}/anh`} alt={t('leadership.officials.photoOf', { name: o.display_name })} width={120} />}
      <h2>{t('leadership.officials.trainings')}</h2>
      <Table caption={t('leadership.officials.trainings')} rows={trainings} empty={t('leadership.officials.noTrainings')} columns={[
        { header: t('leadership.officials.topic'), cell: (r) => t(`leadership.topic.${r.topic}`) },
        { header: t('leadership.officials.course'), cell: (r) => r.title },
        { header: t('leadership.officials.completedOn'), cell: (r) => formatDate(r.completed_on) },
      ]} />
      <h2>{t('leadership.officials.register')}</h2>
      <Table caption={t('leadership.officials.register')} rows={discipline} empty={t('leadership.officials.noDiscipline')} columns={[
        { header: t('leadership.officials.date'), cell: (r) => formatDate(r.occurred_on) },
        { header: t('leadership.officials.kind'), cell: (r) => t(`leadership.discipline.${r.kind}`) },
        { header: t('leadership.officials.reason'), cell: (r) => t(`leadership.reason.${r.reason}`) },
        { header: t('leadership.officials.penalty'), cell: (r) => [r.decision_no, r.penalty].filter(Boolean).join(' — ') || '—' },
      ]} />
      {canEdit && <>
        <h2>{t('leadership.officials.editProfile')}</h2>
        <form method="post" action={`${self}/ho-so`} enctype="multipart/form-data">
          <CsrfField req={req} />
          <TextInput name="badgeNo" label={t('leadership.officials.badge')} value={profile?.badge_no} error={errors.badgeNo} required />
          <TextInput name="duties" label={t('leadership.officials.duties')} value={profile?.duties ?? undefined} />
          <TextInput name="phone" type="tel" label={t('leadership.officials.phone')} value={profile?.phone ?? undefined} />
          <TextInput name="photo" type="file" accept="image/jpeg,image/png,image/webp" label={t('leadership.officials.photo')} error={errors.photo} />
          <Button>{t('leadership.save')}</Button>
        </form>
        <h2>{t('leadership.officials.addTraining')}</h2>
        <form method="post" action={`${self}/dao-tao`}>
          <CsrfField req={req} />
          <Choices name="topic" legend={t('leadership.officials.topic')} value="it" options={TRAINING_TOPICS.map((c) => ({ value: c, label: t(`leadership.topic.${c}`) }))} />
          <TextInput name="title" label={t('leadership.officials.course')} error={errors.title} required />
          <TextInput name="completedOn" type="date" label={t('leadership.officials.completedOn')} error={errors.completedOn} required />
          <Button>{t('leadership.save')}</Button>
        </form>
        <h2>{t('leadership.officials.addDiscipline')}</h2>
        <form method="post" action={`${self}/ky-luat`}>
          <CsrfField req={req} />
          <Choices name="kind" legend={t('leadership.officials.kind')} value="violation" options={DISCIPLINE_KINDS.map((c) => ({ value: c, label: t(`leadership.discipline.${c}`) }))} />
          <Select name="reason" label={t('leadership.officials.reason')} options={VIOLATION_REASONS.map((c) => ({ value: c, label: t(`leadership.reason.${c}`) }))} />
          <TextInput name="occurredOn" type="date" label={t('leadership.officials.date')} error={errors.occurredOn} required />
          <TextInput name="decisionNo" label={t('leadership.cases.decisionNo')} />
          <TextInput name="penalty" label={t('leadership.officials.penalty')} />
          <Button>{t('leadership.save')}</Button>
        </form>
      </>}
    </div>
  );
}

export function RegisterPage({ req, rows, names }: { req: FastifyRequest; rows: Discipline[]; names: Map<string, string> }) {
  const t = req.t;
  return (
    <div class="leadership">
      <h1>{t('leadership.officials.register')}</h1>
      <Table caption={t('leadership.officials.register')} rows={rows} empty={t('leadership.officials.noDiscipline')} columns={[
        { header: t('leadership.officials.date'), cell: (r) => formatDate(r.occurred_on) },
        { header: t('leadership.officials.name'), cell: (r) => <a href={`/quan-tri/${req.unit!.slug}/lanh-dao/can-bo/${r.user_id}`}>{names.get(r.user_id) ?? '—'}</a> },
        { header: t('leadership.officials.kind'), cell: (r) => t(`leadership.discipline.${r.kind}`) },
        { header: t('leadership.officials.reason'), cell: (r) => t(`leadership.reason.${r.reason}`) },
        { header: t('leadership.officials.penalty'), cell: (r) => [r.decision_no, r.penalty].filter(Boolean).join(' — ') || '—' },
      ]} />
    </div>
  );
}

export function BadgeSheet({ req, o, profile, qrSvg, unitName }: {
  req: FastifyRequest; o: { id: string; display_name: string; title: string | null; department: string | null }; profile: Profile; qrSvg: string; unitName: string;
}) {
  const t = req.t;
  return (
    <html lang={req.lang ?? 'vi'}>
      <head><meta charset="utf-8" /><title>{t('leadership.officials.badge')} {profile.badge_no}</title>
        <link rel="stylesheet" href={assetUrl('css/leadership.css')} /></head>
      <body class="badge-sheet">
        <main class="badge-card">
          <p class="badge-card__unit">{t('leadership.badge.unit', { unit: unitName.toUpperCase() })}</p>
          {profile.has_photo ? <img src={`/quan-tri/${req.unit!.slug}/lanh-dao/can-bo/${o.id}/anh`} alt={t('leadership.officials.photoOf', { name: o.display_name })} class="badge-card__photo" />
            : <div class="badge-card__photo badge-card__photo--none" aria-hidden="true" />}
          <h1 class="badge-card__name">{o.display_name}</h1>
          <p>{o.title ?? ''}</p>
          <p>{o.department ?? ''}</p>
          <p class="badge-card__no">{t('leadership.officials.badge')}: {profile.badge_no}</p>
          <RawSvg svg={qrSvg} label={t('leadership.badge.qr')} className="badge-card__qr" />
        </main>
      </body>
    </html>
  );
}
