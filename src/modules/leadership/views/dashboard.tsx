import type { FastifyRequest } from 'fastify';
import type { IndicatorDefinition, IndicatorValue } from '../../../core/providers.js';
import { Alert, Table } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, Select, TextInput } from '../../../web/components/forms.js';
import type { StaffOption } from './cases.js';

export interface Settings { head_user_id: string | null; remote_area: boolean; uniform_days: string }

export function DashboardPage({ req, values, definitions, settings, staff, isAdmin, notice }: {
  req: FastifyRequest; values: IndicatorValue[]; definitions: IndicatorDefinition[]; settings: Settings; staff: StaffOption[]; isAdmin: boolean; notice?: string;
}) {
  const t = req.t;
  const base = `/quan-tri/${req.unit!.slug}/lanh-dao`;
  const rows = definitions.map((d) => ({ d, v: values.find((v) => v.id === d.id) }));
  const show = (v: IndicatorValue | undefined, unit: string) => v?.value == null ? t('leadership.noData') : unit === 'percent' ? `${String(v.value).replace('.', ',')} %` : String(v.value);
  return (
    <div class="leadership">
      <h1>{t('leadership.title')}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ul class="leadership-links">
        <li><a href={`${base}/xuong-co-so`}>{t('leadership.visits.title')}</a></li>
        <li><a href={`${base}/tiep-cong-dan`}>{t('leadership.reception.title')}</a></li>
        <li><a href={`${base}/vu-viec`}>{t('leadership.cases.title')}</a></li>
        <li><a href={`${base}/phan-anh-can-bo`}>{t('leadership.conduct.title')}</a></li>
        <li><a href={`${base}/can-bo`}>{t('leadership.officials.title')}</a></li>
      </ul>
      <Table caption={t('leadership.indicators')} rows={rows} columns={[
        { header: t('leadership.indicator'), cell: (r) => r.v?.drillDown ? <a href={`/quan-tri/${req.unit!.slug}/${r.v.drillDown}`}>{r.d.label[req.lang]}</a> : r.d.label[req.lang] },
        { header: t('leadership.value'), cell: (r) => <span data-indicator={r.d.id}>{show(r.v, r.d.unit)}</span>, numeric: true },
        { header: t('leadership.formula'), cell: (r) => <>{r.d.formula[req.lang]}{r.v?.denominator ? ` (${r.v.numerator}/${r.v.denominator})` : ''}{r.v?.note ? <><br />{r.v.note}</> : ''}</> },
      ]} />
      {isAdmin && <>
        <h2>{t('leadership.settings')}</h2>
        <form method="post" action={`${base}/cau-hinh`}>
          <CsrfField req={req} />
          <Select name="headUserId" label={t('leadership.settingsHead')} hint={t('leadership.settingsHeadHint')} value={settings.head_user_id ?? undefined}
            placeholder={t('leadership.none')} options={staff.map((s) => ({ value: s.id, label: `${s.display_name}${s.title ? ` — ${s.title}` : ''}` }))} />
          <Choices name="remoteArea" legend={t('leadership.settingsRemote')} value={settings.remote_area ? '1' : '0'}
            options={[{ value: '0', label: t('leadership.no') }, { value: '1', label: t('leadership.yes') }]} />
          <TextInput name="uniformDays" label={t('leadership.settingsUniform')} value={settings.uniform_days} />
          <Button>{t('leadership.save')}</Button>
        </form>
      </>}
    </div>
  );
}
