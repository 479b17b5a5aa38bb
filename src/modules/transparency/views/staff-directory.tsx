import type { FastifyRequest } from 'fastify';
import { Button, CsrfField, ErrorSummary, Select, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { GROUPINGS, type DirectoryEntry } from '../repo-directory.js';
import { Flash } from './shared.js';

type Values = Partial<Record<string, string | number | null>>;

export function DirectoryForm({ req, action, values, errors, submit }: { req: FastifyRequest; action: string; values?: Values; errors?: FieldErrors; submit: string }) {
  const t = req.t;
  return (
    <form method="post" action={action} novalidate>
      <ErrorSummary req={req} errors={errors} />
      <CsrfField req={req} />
      <Select name="grouping" label={t('transparency.directory.grouping')} value={values?.grouping as string} error={errors?.grouping}
        options={GROUPINGS.map((g) => ({ value: g, label: t(`transparency.directory.group.${g}`) }))} />
      <TextInput name="department" label={t('transparency.directory.department')} value={values?.department} error={errors?.department} maxLength={120} />
      <TextInput name="full_name" label={t('transparency.directory.name')} value={values?.full_name} error={errors?.full_name} required maxLength={120} />
      <TextInput name="title" label={t('transparency.directory.position')} value={values?.title} error={errors?.title} required maxLength={160} />
      <Textarea name="duties" label={t('transparency.directory.duties')} value={values?.duties} error={errors?.duties} rows={3} maxLength={2000} />
      <TextInput name="phone" type="tel" label={t('transparency.directory.phone')} value={values?.phone} error={errors?.phone} maxLength={30} />
      <TextInput name="email" type="email" label={t('transparency.directory.email')} value={values?.email} error={errors?.email} maxLength={160} />
      <TextInput name="sort_order" type="number" label={t('transparency.directory.sort_order')} value={values?.sort_order ?? 0} error={errors?.sort_order} min={0} />
      <Button>{submit}</Button>
    </form>
  );
}

export function StaffDirectoryPage({ req, entries, errors, values, flash }: { req: FastifyRequest; entries: DirectoryEntry[]; errors?: FieldErrors; values?: Values; flash?: string }) {
  const slug = req.unit!.slug;
  const t = req.t;
  return (
    <>
      <h1>{t('transparency.directory.staff_title')}</h1>
      <Flash message={flash} />
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('transparency.directory.staff_title')}><table class="table--stack">
        <caption class="visually-hidden">{t('transparency.directory.staff_title')}</caption>
        <thead><tr><th scope="col">{t('transparency.directory.name')}</th><th scope="col">{t('transparency.directory.position')}</th>
          <th scope="col">{t('transparency.directory.phone')}</th><th scope="col"><span class="visually-hidden">{t('transparency.common.edit')}</span></th></tr></thead>
        <tbody>{entries.map((e) => (
          <tr>
            <td data-label={t('transparency.directory.name')}>{e.full_name}<br /><span class="muted">{t(`transparency.directory.group.${e.grouping}`)}{e.department ? ` · ${e.department}` : ''}</span></td>
            <td data-label={t('transparency.directory.position')}>{e.title}</td><td data-label={t('transparency.directory.phone')}>{e.phone}</td>
            <td>
              <a href={`/quan-tri/${slug}/danh-ba/${e.id}`}>{t('transparency.common.edit')}<span class="visually-hidden"> {e.full_name}</span></a>{' '}
              <form class="inline-form" method="post" action={`/quan-tri/${slug}/danh-ba/${e.id}/xoa`}>
                <CsrfField req={req} />
                <button class="button--link" type="submit">{t('transparency.common.delete')}<span class="visually-hidden"> {e.full_name}</span></button>
              </form>
            </td>
          </tr>
        ))}</tbody>
      </table></div>
      <h2>{t('transparency.directory.add')}</h2>
      <DirectoryForm req={req} action={`/quan-tri/${slug}/danh-ba`} values={values} errors={errors} submit={t('transparency.common.add')} />
    </>
  );
}
