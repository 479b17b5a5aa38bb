import type { FastifyRequest } from 'fastify';
import { Alert } from '../../../web/components/display.js';
import { CsrfField, ErrorSummary, Select, TextInput } from '../../../web/components/forms.js';
import { NAPAS_BANKS } from '../../../lib/vietqr/index.js';
import type { FormErrors } from '../validate.js';
import type { UnitContactSettings } from '../unit-settings.js';

export function settingsValues(s: UnitContactSettings): Record<string, string> {
  return {
    bank_bin: s.payment?.bankBin ?? '', account_number: s.payment?.accountNumber ?? '', account_name: s.payment?.accountName ?? '',
    hotline: s.hotline ?? '',
  };
}

/** Admin form: the unit's fee collection account (for the fee VietQR) and its hotline. */
export function SettingsPage({ req, values, errors, notice }: { req: FastifyRequest; values: Record<string, string>; errors: FormErrors; notice?: string }) {
  const t = req.t;
  const err = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const translated = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v)]));
  return (
    <>
      <h1>{t('catalogue.settings.title')}</h1>
      <p class="lead">{t('catalogue.settings.lead')}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorSummary req={req} errors={translated} />
      <form method="post" action={`/quan-tri/${req.unit!.slug}/thu-tuc/cai-dat`} novalidate>
        <CsrfField req={req} />
        <fieldset class="field">
          <legend>{t('catalogue.settings.account_legend')}</legend>
          <p class="field__hint">{t('catalogue.settings.account_hint')}</p>
          <Select name="bank_bin" label={t('catalogue.settings.bank')} value={values.bank_bin} error={err('bank_bin')} placeholder={t('catalogue.settings.bank_none')}
            options={NAPAS_BANKS.map((b) => ({ value: b.bin, label: `${b.shortName} (${b.bin}) – ${b.name}` }))} />
          <TextInput name="account_number" label={t('catalogue.settings.account_number')} value={values.account_number} error={err('account_number')}
            inputMode="numeric" maxLength={30} autocomplete="off" />
          <TextInput name="account_name" label={t('catalogue.settings.account_name')} hint={t('catalogue.settings.account_name_hint')}
            value={values.account_name} error={err('account_name')} maxLength={100} autocomplete="off" />
        </fieldset>
        <TextInput name="hotline" type="tel" label={t('catalogue.settings.hotline')} hint={t('catalogue.settings.hotline_hint')}
          value={values.hotline} error={err('hotline')} maxLength={30} autocomplete="tel" />
        <button class="button" type="submit">{t('catalogue.settings.save')}</button>
      </form>
    </>
  );
}
