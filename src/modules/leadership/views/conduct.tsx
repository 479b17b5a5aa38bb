import type { FastifyRequest } from 'fastify';
import { formatDateTime } from '../../../lib/format.js';
import { Alert, StatusTag, SummaryList, Table } from '../../../web/components/display.js';
import { Button, CsrfField, Select } from '../../../web/components/forms.js';
import { REDACTED, type Identity } from '../confidentiality.js';
import type { ConductReport } from '../conduct.js';
import type { StaffOption } from './cases.js';

export function ConductListPage({ req, rows, names }: { req: FastifyRequest; rows: ConductReport[]; names: Map<string, string> }) {
  const t = req.t;
  const base = `/quan-tri/${req.unit!.slug}/lanh-dao/phan-anh-can-bo`;
  return (
    <div class="leadership">
      <h1>{t('leadership.conduct.title')}</h1>
      <p>{t('leadership.conduct.lead')}</p>
      <Table caption={t('leadership.conduct.title')} rows={rows} empty={t('leadership.conduct.empty')} columns={[
        { header: t('leadership.conduct.received'), cell: (r) => <a href={`${base}/${r.id}`}>{formatDateTime(r.received_at)}</a> },
        { header: t('leadership.conduct.code'), cell: (r) => r.feedback_code ?? '—' },
        { header: t('leadership.conduct.content'), cell: (r) => r.content.length > 100 ? `${r.content.slice(0, 100)}…` : r.content },
        { header: t('leadership.conduct.official'), cell: (r) => (r.official_id ? names.get(r.official_id) ?? '—' : '—') },
        { header: t('leadership.cases.status'), cell: (r) => <StatusTag tone={r.status === 'new' ? 'warn' : 'info'}>{t(`leadership.conductStatus.${r.status}`)}</StatusTag> },
      ]} />
    </div>
  );
}

export function ConductDetailPage({ req, r, identity, mayReveal, mayManage, hasIdentity, staff, caseCode, error }: {
  req: FastifyRequest; r: ConductReport; identity: Identity[] | null; mayReveal: boolean; mayManage: boolean; hasIdentity: boolean; staff: StaffOption[];
  caseCode: string | null; error?: string;
}) {
  const t = req.t;
  const self = `/quan-tri/${req.unit!.slug}/lanh-dao/phan-anh-can-bo/${r.id}`;
  const names = new Map(staff.map((s) => [s.id, s.display_name]));
  const options = staff.map((s) => ({ value: s.id, label: `${s.display_name}${s.title ? ` — ${s.title}` : ''}` }));
  return (
    <div class="leadership">
      <h1>{t('leadership.conduct.detail')}</h1>
      {error && <Alert kind="error">{error}</Alert>}
      <SummaryList rows={[
        [t('leadership.conduct.received'), formatDateTime(r.received_at)],
        [t('leadership.conduct.code'), r.feedback_code ?? '—'],
        [t('leadership.conduct.content'), r.content],
        [t('leadership.conduct.official'), r.official_id ? names.get(r.official_id) ?? '—' : '—'],
        [t('leadership.cases.handler'), r.handler_id ? names.get(r.handler_id) ?? '—' : '—'],
        [t('leadership.cases.status'), t(`leadership.conductStatus.${r.status}`)],
        [t('leadership.conduct.sender'), identity
          ? (identity.length ? identity.map((i) => [i.name, i.phone, i.email].filter(Boolean).join(' · ')).join('; ') : t('leadership.conduct.anonymous'))
          : !hasIdentity ? t('leadership.conduct.anonymous')
          : mayReveal ? <><span data-identity="hidden">{REDACTED}.</span> <a href={`${self}?danh-tinh=1`}>{t('leadership.identity.reveal')}</a></>
          : <span data-identity="hidden">{REDACTED}. {t('leadership.identity.onlyHandler')}</span>],
        ...(caseCode ? [[t('leadership.conduct.case'), <a href={`/quan-tri/${req.unit!.slug}/lanh-dao/vu-viec/${caseCode}`}>{caseCode}</a>]] as [string, preact.ComponentChildren][] : []),
      ]} />
      {mayManage && !r.case_id && r.status !== 'information' && <>
        <form method="post" action={`${self}/phan-cong`} class="leadership-action">
          <CsrfField req={req} />
          <Select name="officialId" label={t('leadership.conduct.official')} value={r.official_id ?? undefined} placeholder={t('leadership.none')} options={options} />
          <Select name="handlerId" label={t('leadership.cases.handler')} value={r.handler_id ?? undefined} placeholder={t('leadership.none')} options={options} />
          <Button variant="secondary">{t('leadership.save')}</Button>
        </form>
        <form method="post" action={`${self}/to-cao`} class="leadership-action">
          <CsrfField req={req} />
          <p>{t('leadership.conduct.toCaseHint')}</p>
          <Button>{t('leadership.conduct.toCase')}</Button>
        </form>
        <form method="post" action={`${self}/thong-tin`} class="leadership-action">
          <CsrfField req={req} />
          <Button variant="secondary">{t('leadership.conduct.asInformation')}</Button>
        </form>
      </>}
    </div>
  );
}
