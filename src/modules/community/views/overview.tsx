import type { FastifyRequest } from 'fastify';
import type { ResidentialGroup, StaffMember } from '../../../core/org.js';
import { Alert, Table } from '../../../web/components/display.js';
import { Button, CsrfField, Select, TextInput } from '../../../web/components/forms.js';
import { staffBase } from '../context.js';
import type { GroupStats } from '../households/repo.js';
import { GroupTable } from './household-pages.js';

export interface Branch { organisation: string; leader_name: string; leader_phone: string | null }
const ORGS = ['front', 'women', 'veterans', 'youth', 'elderly', 'farmers'];

export function Overview({ req, groups }: { req: FastifyRequest; groups: GroupStats[] }) {
  const base = staffBase(req);
  return <>
    <h1>{req.t('community.staff_nav')}</h1>
    <ul class="actions-list">
      <li><a href={`${base}/ho`}>{req.t('community.households.title')}</a></li>
      <li><a href={`${base}/bieu-quyet`}>{req.t('community.polls.title')}</a></li>
      <li><a href={`${base}/thong-bao`}>{req.t('community.broadcasts.title')}</a></li>
      <li><a href={`${base}/tin-nhan`}>{req.t('community.console.title')}</a></li>
    </ul>
    <h2>{req.t('community.groups.title')}</h2>
    <GroupTable req={req} groups={groups} />
  </>;
}

export function GroupPage({ req, group, staff, heads, branches, error }: {
  req: FastifyRequest; group: ResidentialGroup; staff: StaffMember[]; heads: string[]; branches: Branch[]; error?: string;
}) {
  const action = `${staffBase(req)}/to/${group.id}`;
  return <>
    <h1>{group.code} – {group.name}</h1>
    {error && <Alert kind="error">{error}</Alert>}
    <p>{req.t('community.groups.head')}: {group.head_name ?? '–'} {group.head_phone ?? ''}</p>
    <h2>{req.t('community.groups.accounts')}</h2>
    <ul>{staff.filter((s) => heads.includes(s.id)).map((s) => <li>{s.display_name} ({s.username})</li>)}</ul>
    <form method="post" action={action}>
      <CsrfField req={req} />
      <Select name="user_id" label={req.t('community.groups.account')} placeholder="" options={staff.map((s) => ({ value: s.id,
        label: `${s.display_name} (${s.username})` }))} />
      <Button name="action" value="head" variant="secondary">{req.t('community.groups.add_account')}</Button>
    </form>
    <h2>{req.t('community.groups.branches')}</h2>
    <Table caption={req.t('community.groups.branches')} rows={branches} empty={req.t('community.groups.no_branches')} columns={[
      { header: req.t('community.groups.organisation'), cell: (b) => req.t(`community.org.${b.organisation}`) },
      { header: req.t('community.groups.leader'), cell: (b) => b.leader_name },
      { header: req.t('community.households.phone'), cell: (b) => b.leader_phone ?? '' },
    ]} />
    <form method="post" action={action}>
      <CsrfField req={req} />
      <Select name="organisation" label={req.t('community.groups.organisation')} options={ORGS.map((o) => ({ value: o,
        label: req.t(`community.org.${o}`) }))} />
      <TextInput name="leader_name" label={req.t('community.groups.leader')} />
      <TextInput name="leader_phone" type="tel" label={req.t('community.households.phone')} />
      <Button name="action" value="branch" variant="secondary">{req.t('community.save')}</Button>
    </form>
  </>;
}
