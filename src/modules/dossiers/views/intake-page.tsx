import type { FastifyRequest } from 'fastify';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import type { ProcedureChoice } from '../domain/procedures.js';
import { CHANNELS } from '../domain/types.js';
import { staffBase } from './shared.js';

export interface IntakePageProps {
  req: FastifyRequest;
  procedures: ProcedureChoice[];
  units: Array<{ id: string; name: string }>;
  values: Record<string, string>;
  errors: FieldErrors;
  /** The search typed above the form and the procedures it found (null: no search). */
  search?: string;
  found?: ProcedureChoice[] | null;
}

/** A GET search (works without JavaScript): results are links that pick the procedure and list its papers. */
function ProcedureSearch({ req, search, found }: { req: FastifyRequest; search: string; found: ProcedureChoice[] | null }) {
  const base = `${staffBase(req)}/tiep-nhan`;
  return (
    <section class="intake-search" aria-labelledby="intake-search-title">
      <h2 id="intake-search-title">{req.t('dossiers.intake.search_title')}</h2>
      <form method="get" action={base} role="search">
        <TextInput name="tim" type="search" label={req.t('dossiers.intake.search')} hint={req.t('dossiers.intake.search_hint')} value={search} />
        <Button variant="secondary">{req.t('dossiers.intake.search_button')}</Button>
      </form>
      {found && (found.length === 0
        ? <p>{req.t('dossiers.intake.search_none', { q: search })}</p>
        : <ul class="intake-search__results">
          {found.slice(0, 10).map((p) => (
            <li><a href={`${base}?tim=${encodeURIComponent(search)}&thu-tuc=${encodeURIComponent(p.key)}`}>{p.name}</a> <span class="muted">({p.field})</span></li>
          ))}
        </ul>)}
    </section>
  );
}

export function IntakePage({ req, procedures, units, values, errors, search = '', found = null }: IntakePageProps) {
  return (
    <>
      <h1>{req.t('dossiers.intake.title')}</h1>
      <ErrorSummary req={req} errors={errors} />
      <ProcedureSearch req={req} search={search} found={found} />
      <form method="post" action={`${staffBase(req)}/tiep-nhan`} novalidate>
        <CsrfField req={req} />
        <Select name="procedureKey" label={req.t('dossiers.intake.procedure')} placeholder={req.t('dossiers.intake.choose')} required
          value={values.procedureKey} error={errors.procedureKey}
          options={procedures.map((p) => ({ value: p.key, label: `${p.name} (${p.field})` }))} />
        <TextInput name="applicantName" label={req.t('dossiers.intake.name')} value={values.applicantName} error={errors.applicantName} required autocomplete="off" />
        <TextInput name="applicantPhone" type="tel" label={req.t('dossiers.intake.phone')} hint={req.t('dossiers.intake.phone_hint')} value={values.applicantPhone} error={errors.applicantPhone} required inputMode="tel" />
        <TextInput name="applicantEmail" type="email" label={req.t('dossiers.intake.email')} value={values.applicantEmail} error={errors.applicantEmail} />
        <TextInput name="applicantAddress" label={req.t('dossiers.intake.address')} value={values.applicantAddress} />
        <Choices name="channel" legend={req.t('dossiers.intake.channel')} value={values.channel ?? 'in_person'} error={errors.channel}
          options={CHANNELS.map((c) => ({ value: c, label: req.t(`dossiers.channel.${c}`) }))} />
        <Choices name="complete" legend={req.t('dossiers.intake.complete')} value={values.complete ?? 'yes'}
          options={[{ value: 'yes', label: req.t('dossiers.intake.complete_yes') }, { value: 'no', label: req.t('dossiers.intake.complete_no') }]} />
        <Textarea name="papers" label={req.t('dossiers.intake.papers')} hint={req.t('dossiers.intake.papers_hint')} value={values.papers} error={errors.papers} rows={3} />
        <Textarea name="missingPapers" label={req.t('dossiers.intake.missing')} hint={req.t('dossiers.intake.missing_hint')} value={values.missingPapers} error={errors.missingPapers} rows={3} />
        <Select name="decidingUnitId" label={req.t('dossiers.intake.deciding')} hint={req.t('dossiers.intake.deciding_hint')}
          value={values.decidingUnitId ?? req.unit!.id} options={units.map((u) => ({ value: u.id, label: u.name }))} />
        <Choices name="homeService" legend={req.t('dossiers.intake.home')} multiple value={values.homeService ? ['1'] : []}
          options={[{ value: '1', label: req.t('dossiers.flag.home') }]} />
        <Button>{req.t('dossiers.intake.submit')}</Button>
      </form>
    </>
  );
}
