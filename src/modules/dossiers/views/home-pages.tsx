import type { FastifyRequest } from 'fastify';
import { Alert, Table } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, ErrorSummary, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { HOME_CATEGORIES, type HomeRequestRow } from '../service/home.js';
import { showDateTime, staffBase } from './shared.js';

export function HomeRequestPage({ req, values, errors, thanks }: { req: FastifyRequest; values: Record<string, string>; errors: FieldErrors; thanks?: boolean }) {
  return (
    <>
      <h1>{req.t('dossiers.home.title')}</h1>
      <p>{req.t('dossiers.home.intro')}</p>
      {thanks && <Alert kind="success">{req.t('dossiers.home.thanks')}</Alert>}
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={`/${req.unit!.slug}/phuc-vu-tai-nha`}>
        <CsrfField req={req} />
        <TextInput name="requesterName" label={req.t('dossiers.home.name')} value={values.requesterName} error={errors.requesterName} required />
        <TextInput name="phone" type="tel" label={req.t('dossiers.home.phone')} value={values.phone} error={errors.phone} required inputMode="tel" />
        <TextInput name="address" label={req.t('dossiers.home.address')} value={values.address} error={errors.address} required />
        <Choices name="category" legend={req.t('dossiers.home.category')} value={values.category} error={errors.category} required
          options={HOME_CATEGORIES.map((c) => ({ value: c, label: req.t(`dossiers.home.category.${c}`) }))} />
        <TextInput name="procedureName" label={req.t('dossiers.home.procedure')} value={values.procedureName} error={errors.procedureName} required />
        <Textarea name="note" label={req.t('dossiers.home.note')} value={values.note} rows={3} />
        <Button>{req.t('dossiers.home.submit')}</Button>
      </form>
    </>
  );
}

function Steps({ req, r }: { req: FastifyRequest; r: HomeRequestRow }) {
  const action = `${staffBase(req)}/phuc-vu-tai-nha/${r.id}`;
  return (
    <>
      {(r.status === 'requested' || r.status === 'scheduled') && (
        <form method="post" action={action} class="dossier-action">
          <CsrfField req={req} /><input type="hidden" name="step" value="schedule" />
          <TextInput name={`visitAt-${r.id.slice(-6)}`} type="datetime-local" label={req.t('dossiers.home.visit_at')} />
          <Button variant="secondary">{req.t('dossiers.home.schedule')}</Button>
        </form>
      )}
      {r.status === 'scheduled' && (
        <form method="post" action={action} class="dossier-action">
          <CsrfField req={req} /><input type="hidden" name="step" value="pickup" />
          <TextInput name={`dossierCode-${r.id.slice(-6)}`} label={req.t('dossiers.home.dossier_code')} />
          <Button variant="secondary">{req.t('dossiers.home.pickup')}</Button>
        </form>
      )}
      {r.status === 'picked_up' && (
        <form method="post" action={action} class="dossier-action">
          <CsrfField req={req} /><input type="hidden" name="step" value="deliver" />
          <Button variant="secondary">{req.t('dossiers.home.deliver')}</Button>
        </form>
      )}
    </>
  );
}

export function HomeListPage({ req, rows, error }: { req: FastifyRequest; rows: HomeRequestRow[]; error?: string }) {
  return (
    <>
      <h1>{req.t('dossiers.home.staff_title')}</h1>
      {error && <Alert kind="error">{error}</Alert>}
      <Table caption={req.t('dossiers.home.staff_title')} rows={rows} empty={req.t('dossiers.home.empty')} columns={[
        { header: req.t('dossiers.home.name'), cell: (r) => <>{r.requester_name}<br />{r.phone}<br />{r.address}</> },
        { header: req.t('dossiers.home.category'), cell: (r) => req.t(`dossiers.home.category.${r.category}`) },
        { header: req.t('dossiers.home.procedure'), cell: (r) => <>{r.procedure_name}{r.note && <><br /><span class="muted">{r.note}</span></>}</> },
        { header: req.t('dossiers.col.status'), cell: (r) => <>{req.t(`dossiers.home.status.${r.status}`)}{r.visit_at && <><br />{showDateTime(r.visit_at)}</>}</> },
        { header: req.t('dossiers.detail.actions'), cell: (r) => <Steps req={req} r={r} /> },
      ]} />
      <p><a href={staffBase(req)}>{req.t('dossiers.common.back')}</a></p>
    </>
  );
}
