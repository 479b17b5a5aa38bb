import type { FastifyRequest } from 'fastify';
import { Alert, Pagination, StatusTag, Table } from '../../../web/components/display.js';
import { Button, CsrfField, ErrorSummary, Select, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { staffBase } from '../context.js';
import type { HouseholdFields } from '../households/form.js';
import type { GroupStats, HouseholdRow } from '../households/repo.js';

type Group = { id: string; code: string; name: string };
const groupLabel = (g: Group) => `${g.code} – ${g.name}`;

export function AppTag({ req, status }: { req: FastifyRequest; status: HouseholdRow['app_status'] }) {
  const tone = status === 'confirmed' ? 'ok' : status === 'declared' ? 'info' : undefined;
  return <StatusTag tone={tone}>{req.t(`community.app.${status}`)}</StatusTag>;
}

export function HouseholdList({ req, rows, total, page, pageSize, groups, filter, canAdd }: {
  req: FastifyRequest; rows: (HouseholdRow & { members: number })[]; total: number; page: number; pageSize: number;
  groups: Group[]; filter: { to?: string; q?: string }; canAdd: boolean;
}) {
  const base = staffBase(req);
  const byId = new Map(groups.map((g) => [g.id, g]));
  return <>
    <h1>{req.t('community.households.title')}</h1>
    {canAdd && <p class="actions"><a class="button" href={`${base}/ho/moi`}>{req.t('community.households.add')}</a>{' '}
      <a class="button button--secondary" href={`${base}/nhap`}>{req.t('community.import.title')}</a></p>}
    <form method="get" action={`${base}/ho`} class="filter">
      <Select name="to" label={req.t('community.group')} value={filter.to} placeholder={req.t('community.all_groups')}
        options={groups.map((g) => ({ value: g.id, label: groupLabel(g) }))} />
      <TextInput name="q" type="search" label={req.t('community.households.search')} value={filter.q} />
      <Button variant="secondary">{req.t('community.filter')}</Button>
    </form>
    <p>{req.t('community.households.count', { n: total })}</p>
    <Table caption={req.t('community.households.title')} rows={rows} empty={req.t('community.households.none')} columns={[
      { header: req.t('community.households.head'), cell: (h) => <a href={`${base}/ho/${h.id}`}>{h.head_name}</a> },
      { header: req.t('community.group'), cell: (h) => byId.get(h.group_id)?.code ?? '' },
      { header: req.t('community.households.address'), cell: (h) => h.address },
      { header: req.t('community.households.members'), cell: (h) => h.members, numeric: true },
      { header: req.t('community.app.title'), cell: (h) => <AppTag req={req} status={h.app_status} /> },
    ]} />
    <Pagination req={req} page={page} pageSize={pageSize} total={total} />
  </>;
}

export function HouseholdForm({ req, action, groups, f, errors, maskedCccd, others, saved }: {
  req: FastifyRequest; action: string; groups: Group[]; f: HouseholdFields; errors?: FieldErrors; maskedCccd?: string; others?: string; saved?: boolean;
}) {
  return <form method="post" action={action} class="household-form" data-module="cccd-scan">
    <CsrfField req={req} />
    <ErrorSummary req={req} errors={errors} />
    {saved && <Alert kind="success">{req.t('community.households.saved')}</Alert>}
    <Select name="group_id" label={req.t('community.group')} value={f.group_id} error={errors?.group_id} placeholder=""
      options={groups.map((g) => ({ value: g.id, label: groupLabel(g) }))} />
    <fieldset class="cccd-scan">
      <legend>{req.t('community.cccd.scan')}</legend>
      <Textarea name="qr" rows={2} label={req.t('community.cccd.qr')} hint={req.t('community.cccd.qr_hint')} value={f.qr}
        error={errors?.qr} />
      <div class="cccd-scan__camera" hidden />
      <Button variant="secondary" name="action" value="qr">{req.t('community.cccd.read')}</Button>
    </fieldset>
    <TextInput name="head_name" label={req.t('community.households.head')} value={f.head_name} error={errors?.head_name}
      autocomplete="off" />
    <TextInput name="head_cccd" label={req.t('community.cccd.number')} inputMode="numeric" maxLength={12} autocomplete="off"
      hint={maskedCccd ? req.t('community.cccd.stored',
        { masked: maskedCccd }) : req.t('community.cccd.hint')} value={f.head_cccd} error={errors?.head_cccd} />
    <TextInput name="head_birth_date" type="date" label={req.t('community.cccd.birth_date')} value={f.head_birth_date}
      error={errors?.head_birth_date} />
    <Select name="head_sex" label={req.t('community.cccd.sex')} value={f.head_sex} placeholder="" error={errors?.head_sex}
      options={[{ value: 'Nam', label: 'Nam' }, { value: 'Nữ', label: 'Nữ' }]} />
    <TextInput name="address" label={req.t('community.households.address')} value={f.address} error={errors?.address} />
    <TextInput name="phone" type="tel" label={req.t('community.households.phone')}
      hint={req.t('community.households.phone_hint')} value={f.phone} error={errors?.phone} />
    <Textarea name="members" rows={4} label={req.t('community.households.other_members')}
      hint={req.t('community.households.members_hint')} value={f.members || others} error={errors?.members} />
    <Select name="app_status" label={req.t('community.app.title')} value={f.app_status || 'none'} error={errors?.app_status}
      options={(['none', 'declared', 'confirmed'] as const).map((s) => ({ value: s, label: req.t(`community.app.${s}`) }))} />
    <TextInput name="app_since" type="date" label={req.t('community.app.since')} value={f.app_since} error={errors?.app_since} />
    <Button name="action" value="save">{req.t('community.save')}</Button>
  </form>;
}

export function GroupTable({ req, groups }: { req: FastifyRequest; groups: GroupStats[] }) {
  const rate = (a: number, b: number) => (b ? `${(Math.round((a * 1000) / b) / 10).toLocaleString('vi-VN')} %` : '–');
  const total = groups.reduce((s, g) => s + g.households, 0);
  const withApp = groups.reduce((s, g) => s + g.with_app, 0);
  return <>
    <Table caption={req.t('community.groups.title')} rows={groups} columns={[
      { header: req.t('community.group'), cell: (g) => <a href={`${staffBase(req)}/to/${g.id}`}>{groupLabel(g)}</a> },
      { header: req.t('community.groups.head'), cell: (g) => g.head_name ?? '' },
      { header: req.t('community.households.title'),
        cell: (g) => <a href={`${staffBase(req)}/ho?to=${g.id}`}>{g.households}</a>, numeric: true },
      { header: req.t('community.app.with_app'), cell: (g) => g.with_app, numeric: true },
      { header: req.t('community.app.rate'), cell: (g) => <span data-group-rate={g.code}>{rate(g.with_app,
        g.households)}</span>, numeric: true },
    ]} />
    <p data-ward-rate>{req.t('community.app.ward_rate', { rate: rate(withApp, total), n: withApp, total })}</p>
  </>;
}
