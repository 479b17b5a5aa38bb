import type { FastifyRequest } from 'fastify';
import { Alert } from '../../../web/components/display.js';
import { Button, CsrfField, TextInput } from '../../../web/components/forms.js';
import type { SurveyRow } from '../repo.js';
import type { Lang } from '../types.js';
import { surveyDescription, surveyTitle } from './survey-form-page.js';

export function SurveyList({ req, surveys }: { req: FastifyRequest; surveys: SurveyRow[] }) {
  const lang = req.lang as Lang;
  const base = `/${req.unit!.slug}/khao-sat`;
  return (
    <>
      <h1>{req.t('surveys.public.title')}</h1>
      <p class="lead">{req.t('surveys.public.lead')}</p>
      {surveys.length === 0 && <p>{req.t('surveys.public.none')}</p>}
      <ul class="cards">
        {surveys.map((s) => (
          <li class="card">
            <h2><a href={`${base}/${s.slug}`}>{surveyTitle(s, lang)}</a></h2>
            <p>{surveyDescription(s, lang)}</p>
            {s.status === 'closed' && <p><strong>{req.t('surveys.status.closed')}</strong></p>}
            {s.public_results && <p><a href={`${base}/${s.slug}/ket-qua`}>{req.t('surveys.public.see_results')}</a></p>}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ThankYou({ req, survey, kiosk, formUrl }: { req: FastifyRequest; survey: SurveyRow; kiosk: boolean; formUrl: string }) {
  return (
    <div class={kiosk ? 'survey survey--kiosk' : 'survey'}>
      <h1>{req.t('surveys.thanks.title')}</h1>
      <Alert kind="success">{req.t('surveys.thanks.body')}</Alert>
      {kiosk
        ? <p data-kiosk-reset={formUrl}>{req.t('surveys.thanks.kiosk_reset')} <a href={formUrl}>{req.t('surveys.thanks.next')}</a></p>
        : <p><a href={`/${req.unit!.slug}/`}>{req.t('surveys.thanks.home')}</a></p>}
      {!kiosk && survey.public_results && <p><a href={`/${req.unit!.slug}/khao-sat/${survey.slug}/ket-qua`}>{req.t('surveys.public.see_results')}</a></p>}
    </div>
  );
}

export function Refused({ req, survey, message }: { req: FastifyRequest; survey: SurveyRow; message: string }) {
  return (
    <>
      <h1>{surveyTitle(survey, req.lang as Lang)}</h1>
      <Alert kind="warning">{message}</Alert>
      <p><a href={`/${req.unit!.slug}/`}>{req.t('surveys.thanks.home')}</a></p>
    </>
  );
}

/** Step 1 of the phone rule: ask for the number. */
export function PhoneStep({ req, survey, error, phone, query }: { req: FastifyRequest; survey: SurveyRow; error?: string; phone?: string; query: string }) {
  return (
    <>
      <h1>{surveyTitle(survey, req.lang as Lang)}</h1>
      <p class="lead">{req.t('surveys.otp.lead')}</p>
      <form method="post" action={`/${req.unit!.slug}/khao-sat/${survey.slug}/xac-thuc${query}`} novalidate>
        <CsrfField req={req} />
        <TextInput name="phone" label={req.t('surveys.otp.phone')} hint={req.t('surveys.otp.phone_hint')} type="tel"
          autocomplete="tel" inputMode="tel" value={phone} error={error} required />
        <Button>{req.t('surveys.otp.send')}</Button>
      </form>
      <p class="muted">{req.t('surveys.otp.privacy')}</p>
    </>
  );
}

/** Step 2: type the six-digit code. */
export function CodeStep({ req, survey, otpId, error, query }: { req: FastifyRequest; survey: SurveyRow; otpId: string; error?: string; query: string }) {
  return (
    <>
      <h1>{surveyTitle(survey, req.lang as Lang)}</h1>
      <p class="lead">{req.t('surveys.otp.sent')}</p>
      <form method="post" action={`/${req.unit!.slug}/khao-sat/${survey.slug}/xac-thuc/ma${query}`} novalidate>
        <CsrfField req={req} />
        <input type="hidden" name="otp" value={otpId} />
        <TextInput name="code" label={req.t('surveys.otp.code')} inputMode="numeric" autocomplete="one-time-code"
          maxLength={6} pattern="[0-9]{6}" error={error} required />
        <Button>{req.t('surveys.otp.verify')}</Button>
      </form>
    </>
  );
}
