import type { FastifyRequest } from 'fastify';
import { Alert, SummaryList } from '../../../web/components/display.js';
import { Button, TextInput } from '../../../web/components/forms.js';
import type { PublicDossierStatus } from '../service/lookup.js';
import { showDate } from './shared.js';

export function LookupPage({ req, code, last4, result, error, prefilled }: { req: FastifyRequest; code: string; last4: string; result?: PublicDossierStatus; error?: string; prefilled?: boolean }) {
  return (
    <>
      <h1>{req.t('dossiers.lookup.title')}</h1>
      <p>{req.t('dossiers.lookup.intro')}</p>
      {prefilled && code && <Alert kind="info">{req.t('dossiers.lookup.prefilled')}</Alert>}
      <form method="get" action={`/${req.unit!.slug}/tra-cuu-ho-so`} class="dossier-lookup">
        <TextInput name="ma" label={req.t('dossiers.lookup.code')} hint={req.t('dossiers.lookup.code_hint')} value={code} required maxLength={40} autocomplete="off" />
        <TextInput name="so" label={req.t('dossiers.lookup.phone')} value={last4} required maxLength={4} inputMode="numeric" pattern="[0-9]{4}" autocomplete="off" />
        <Button>{req.t('dossiers.lookup.submit')}</Button>
      </form>
      {error && <Alert kind="error">{error}</Alert>}
      {result && (
        <section aria-labelledby="lookup-result">
          <h2 id="lookup-result">{req.t('dossiers.lookup.result')}: {result.code}</h2>
          {result.apology && (
            <Alert kind="info">
              {req.t('dossiers.lookup.apology', { issued: showDate(result.apology.issuedOn), due: showDate(result.apology.newDueDate) })}
              {result.apology.count > 1 && <> {req.t('dossiers.lookup.apology_count', { count: result.apology.count })}</>}
            </Alert>
          )}
          <SummaryList rows={[
            [req.t('dossiers.lookup.procedure'), result.procedure],
            [req.t('dossiers.lookup.status'), req.t(`dossiers.status.${result.status}`)],
            [req.t('dossiers.lookup.received_on'), showDate(result.receivedOn)],
            [req.t('dossiers.lookup.due'), result.dueDate
              ? showDate(result.dueDate) + (result.dueConfidence === 'official' ? '' : ` (${req.t('dossiers.due.unconfirmed')})`)
              : req.t('dossiers.lookup.paused')],
            ...(result.newDueDate ? [[req.t('dossiers.lookup.new_due'), showDate(result.newDueDate)] as [string, string]] : []),
            [req.t('dossiers.lookup.collect_at'), result.collectAt],
            [req.t('dossiers.lookup.deciding_unit'), result.decidingUnit],
          ]} />
        </section>
      )}
    </>
  );
}
