import type { FastifyRequest } from 'fastify';
import { Alert, Table } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, TextInput } from '../../../web/components/forms.js';
import type { CounterRow, ServiceRow, SettingsRow } from '../repo/types.js';
import { urls } from '../routes/urls.js';

export interface AdminProps { req: FastifyRequest; services: ServiceRow[]; counters: CounterRow[]; settings: SettingsRow; notice?: string; error?: string; canEdit: boolean }

/** Configuration of services, counters and display settings, plus links to the centre's pages. */
export function AdminPage({ req, services, counters, settings, notice, error, canEdit }: AdminProps) {
  const t = req.t;
  const slug = req.unit!.slug;
  const base = urls.staffHome(slug);
  const names = new Map(services.map((s) => [s.id, `${s.prefix} ${s.name_vi}`]));
  const yesNo = (b: boolean) => (b ? '✓' : '—');
  return (
    <div>
      <h1>{t('centre.admin.title')}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      <h2>{t('centre.admin.links')}</h2>
      <ul>
        <li><a href={urls.kiosk(slug)}>{t('centre.kiosk.title')}</a></li>
        <li><a href={urls.display(slug)}>{t('centre.display.title')}</a></li>
        <li><a href={urls.booking(slug)}>{t('centre.booking.title')}</a></li>
        <li><a href={urls.staffBookings(slug)}>{t('centre.booking.staff_title')}</a></li>
        <li><a href={urls.stats(slug)}>{t('centre.stats.title')}</a></li>
        <li><a href={urls.reception(slug)}>{t('centre.admin.reception')}</a></li>
      </ul>
      <h2>{t('centre.admin.counters')}</h2>
      <Table caption={t('centre.admin.counters')} rows={counters} columns={[
        { header: t('centre.admin.counter_number'), cell: (c) => <a href={urls.counter(slug, c.number)}>{t('centre.counter.title', { n: c.number })}</a> },
        { header: t('centre.admin.counter_name'), cell: (c) => c.name },
        { header: t('centre.admin.counter_services'), cell: (c) => c.service_ids.map((id) => names.get(id)).join(', ') },
        { header: t('centre.admin.active'), cell: (c) => yesNo(c.active) },
        { header: t('centre.device.manage'), cell: (c) => <a href={urls.devices(slug, c.number)}>{t('centre.device.title', { n: c.number })}</a> },
      ]} />
      <h2>{t('centre.admin.services')}</h2>
      <Table caption={t('centre.admin.services')} rows={services} columns={[
        { header: t('centre.admin.prefix'), cell: (s) => s.prefix },
        { header: t('centre.admin.code'), cell: (s) => s.code },
        { header: t('centre.admin.name_vi'), cell: (s) => s.name_vi },
        { header: t('centre.admin.default_s'), cell: (s) => s.default_service_s, numeric: true },
        { header: t('centre.admin.capacity'), cell: (s) => s.booking_capacity, numeric: true },
        { header: t('centre.admin.active'), cell: (s) => yesNo(s.active) },
      ]} />
      {canEdit && <>
        <h2>{t('centre.admin.add_service')}</h2>
        <form method="post" action={`${base}/linh-vuc`}>
          <CsrfField req={req} />
          <TextInput name="code" label={t('centre.admin.code')} required maxLength={60} pattern="[a-z0-9-]+" />
          <TextInput name="prefix" label={t('centre.admin.prefix')} required maxLength={3} pattern="[A-Z]{1,3}" />
          <TextInput name="name_vi" label={t('centre.admin.name_vi')} required maxLength={100} />
          <TextInput name="name_en" label={t('centre.admin.name_en')} required maxLength={100} />
          <TextInput name="sort_order" type="number" label={t('centre.admin.order')} value={services.length + 1} min={0} max={999} />
          <TextInput name="default_service_s" type="number" label={t('centre.admin.default_s')} value={600} min={30} max={7200} />
          <TextInput name="booking_capacity" type="number" label={t('centre.admin.capacity')} value={2} min={0} max={50} />
          <Choices name="active" legend={t('centre.admin.active')} multiple options={[{ value: '1', label: t('centre.admin.active') }]} value="1" />
          <Button>{t('centre.admin.save')}</Button>
        </form>
        <h2>{t('centre.admin.add_counter')}</h2>
        <form method="post" action={`${base}/quay-moi`}>
          <CsrfField req={req} />
          <TextInput name="number" type="number" label={t('centre.admin.counter_number')} required min={1} max={99} />
          <TextInput name="name" label={t('centre.admin.counter_name')} required maxLength={100} />
          <Choices name="services" legend={t('centre.admin.counter_services')} multiple options={services.map((s) => ({ value: s.id, label: `${s.prefix} – ${s.name_vi}` }))} />
          <Choices name="active" legend={t('centre.admin.active')} multiple options={[{ value: '1', label: t('centre.admin.active') }]} value="1" />
          <Button>{t('centre.admin.save')}</Button>
        </form>
        <h2>{t('centre.admin.settings')}</h2>
        <form method="post" action={`${base}/cai-dat`}>
          <CsrfField req={req} />
          <TextInput name="head_start_min" type="number" label={t('centre.admin.head_start')} hint={t('centre.admin.head_start_hint')}
            value={Math.round(settings.priority_head_start_s / 60)} min={0} max={120} />
          <Choices name="flags" legend={t('centre.display.title')} multiple value={[settings.speech_enabled ? 'speech' : '', settings.chime_enabled ? 'chime' : ''].filter(Boolean)}
            options={[{ value: 'speech', label: t('centre.admin.speech') }, { value: 'chime', label: t('centre.admin.chime') }]} />
          <Button>{t('centre.admin.save')}</Button>
        </form>
      </>}
    </div>
  );
}
