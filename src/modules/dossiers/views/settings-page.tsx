import type { FastifyRequest } from 'fastify';
import { Alert } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextInput, type FieldErrors } from '../../../web/components/forms.js';
import { WEEKDAY_VI } from '../domain/deadline.js';
import type { ProcedureChoice } from '../domain/procedures.js';
import type { DossierSettings } from '../domain/types.js';
import { staffBase } from './shared.js';

export function SettingsPage({ req, s, procedures, errors, saved }: { req: FastifyRequest; s: DossierSettings; procedures: ProcedureChoice[]; errors: FieldErrors; saved?: boolean }) {
  return (
    <>
      <h1>{req.t('dossiers.settings.title')}</h1>
      {saved && <Alert kind="success">{req.t('dossiers.settings.saved')}</Alert>}
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={`${staffBase(req)}/cai-dat`}>
        <CsrfField req={req} />
        <TextInput name="agency_code" label={req.t('dossiers.settings.agency_code')} value={s.agency_code} error={errors.agency_code} required />
        <TextInput name="collect_place" label={req.t('dossiers.settings.collect_place')} value={s.collect_place} />
        <TextInput name="leader_name" label={req.t('dossiers.settings.leader')} value={s.leader_name} />
        <TextInput name="leader_title" label={req.t('dossiers.settings.leader_title')} value={s.leader_title} />
        <Select name="fast_track_weekday" label={req.t('dossiers.settings.fast_day')} value={s.fast_track_weekday ? String(s.fast_track_weekday) : ''}
          placeholder={req.t('dossiers.settings.fast_none')} options={[1, 2, 3, 4, 5, 6].map((d) => ({ value: String(d), label: WEEKDAY_VI[d] }))} />
        <Choices name="fast_track_procedures" legend={req.t('dossiers.settings.fast_procedures')} multiple value={s.fast_track_procedures}
          options={procedures.map((p) => ({ value: p.key, label: p.name }))} />
        <Button>{req.t('dossiers.settings.save')}</Button>
      </form>
    </>
  );
}

export function FastTrackPage({ req, weekday, procedures, year, received, done }: { req: FastifyRequest; weekday: number | null; procedures: ProcedureChoice[]; year: number; received: number; done: number }) {
  return (
    <>
      <h1>{req.t('dossiers.fast.title')}</h1>
      {!weekday || !procedures.length ? <p>{req.t('dossiers.fast.none')}</p> : (
        <>
          <p class="lead">{req.t('dossiers.fast.day', { weekday: WEEKDAY_VI[weekday] })}</p>
          <h2>{req.t('dossiers.fast.procedures')}</h2>
          <ul>{procedures.map((p) => <li>{p.name} <span class="muted">({p.field})</span></li>)}</ul>
        </>
      )}
      <p>{req.t('dossiers.fast.stats', { year, received, done })}</p>
    </>
  );
}
