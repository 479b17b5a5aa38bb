import type { FastifyRequest } from 'fastify';
import { Button, CsrfField, ErrorSummary, Select, TextInput, type FieldErrors } from '../../../web/components/forms.js';
import type { ReceptionRule } from '../lib/reception.js';
import type { UnitText } from '../repo-reception.js';
import { recurrenceLabel } from './reception-page.js';
import { Flash } from './shared.js';
import { TextForm } from './staff-text-form.js';

interface Props {
  req: FastifyRequest; rules: ReceptionRule[]; rulesText?: UnitText; flash?: string;
  errors?: FieldErrors; values?: Record<string, string>; textErrors?: FieldErrors; textValues?: { title?: string; body?: string };
}

export function StaffReceptionPage({ req, rules, rulesText, flash, errors, values, textErrors, textValues }: Props) {
  const t = req.t;
  const base = `/quan-tri/${req.unit!.slug}/tiep-cong-dan`;
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`transparency.weekday.${d}`) }));
  return (
    <>
      <h1>{t('transparency.reception.staff_title')}</h1>
      <Flash message={flash} />
      <h2>{t('transparency.reception.schedule')}</h2>
      {rules.length === 0 ? <p>{t('transparency.reception.none')}</p> : (
        <ul>{rules.map((r) => (
          <li>{r.leaderName} ({r.leaderTitle}): {recurrenceLabel(req, r)}, {r.startTime}–{r.endTime}, {r.place}{' '}
            <form class="inline-form" method="post" action={`${base}/${r.id}/ngung`}><CsrfField req={req} />
              <button class="button--link" type="submit">{t('transparency.reception.stop')}<span class="visually-hidden"> {r.leaderName}</span></button></form></li>
        ))}</ul>
      )}
      <h2>{t('transparency.reception.add')}</h2>
      <form method="post" action={base} novalidate>
        <ErrorSummary req={req} errors={errors} />
        <CsrfField req={req} />
        <TextInput name="leader_name" label={t('transparency.reception.leader_name')} value={values?.leader_name} error={errors?.leader_name} required maxLength={120} />
        <TextInput name="leader_title" label={t('transparency.reception.leader_title')} value={values?.leader_title} error={errors?.leader_title} required maxLength={160} />
        <Select name="recurrence" label={t('transparency.reception.recurrence')} value={values?.recurrence} error={errors?.recurrence}
          options={['weekly', 'monthly'].map((r) => ({ value: r, label: t(`transparency.reception.recurrence.${r}`) }))} />
        <Select name="weekday" label={t('transparency.reception.weekday')} value={values?.weekday ?? '4'} error={errors?.weekday} options={weekdays} />
        <Select name="week_of_month" label={t('transparency.reception.week_of_month')} value={values?.week_of_month} error={errors?.week_of_month}
          options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`transparency.reception.nth.${n}`) }))} />
        <TextInput name="start_time" type="time" label={t('transparency.reception.start_time')} value={values?.start_time ?? '07:30'} error={errors?.start_time} required />
        <TextInput name="end_time" type="time" label={t('transparency.reception.end_time')} value={values?.end_time ?? '11:30'} error={errors?.end_time} required />
        <TextInput name="place" label={t('transparency.calendar.place')} value={values?.place} error={errors?.place} required maxLength={200} />
        <TextInput name="note" label={t('transparency.reception.note')} value={values?.note} error={errors?.note} maxLength={500} />
        <Button>{t('transparency.common.add')}</Button>
      </form>
      <TextForm req={req} action={`${base}/noi-quy`} heading={t('transparency.reception.edit_rules')}
        values={textValues ?? rulesText} errors={textErrors} />
    </>
  );
}
