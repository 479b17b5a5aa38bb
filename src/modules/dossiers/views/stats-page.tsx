import type { FastifyRequest } from 'fastify';
import { Table } from '../../../web/components/display.js';
import type { DossierStats, GroupRow } from '../stats/stats.js';

const num = (n: number | null | undefined) => (n == null ? '—' : n.toLocaleString('vi-VN'));
const rate = (n: number | null) => (n == null ? '—' : `${n.toLocaleString('vi-VN')} %`);

function GroupTable({ req, title, rows }: { req: FastifyRequest; title: string; rows: GroupRow[] }) {
  return (
    <>
      <h2>{title}</h2>
      <Table caption={title} rows={rows} empty="—" columns={[
        { header: req.t('dossiers.stats.group'), cell: (r) => r.key },
        { header: req.t('dossiers.stats.received'), cell: (r) => num(r.received), numeric: true },
        { header: req.t('dossiers.stats.early'), cell: (r) => num(r.early), numeric: true },
        { header: req.t('dossiers.stats.on_time'), cell: (r) => num(r.on_time), numeric: true },
        { header: req.t('dossiers.stats.late'), cell: (r) => num(r.late), numeric: true },
        { header: req.t('dossiers.stats.avg_days'), cell: (r) => num(r.avg_days), numeric: true },
      ]} />
    </>
  );
}

export function StatsPage({ req, s }: { req: FastifyRequest; s: DossierStats }) {
  const t = s.totals;
  return (
    <>
      <h1>{req.t('dossiers.stats.title', { year: s.year })}</h1>
      <form method="get" class="dossier-filters">
        <div class="field"><label for="f-nam">{req.t('dossiers.stats.year')}</label><input id="f-nam" name="nam" type="number" min={2020} max={2100} value={s.year} /></div>
        <button class="button button--secondary" type="submit">{req.t('dossiers.list.filter')}</button>
      </form>
      <ul class="dossier-stats">
        <li>{req.t('dossiers.stats.received')}<strong>{num(t.received)}</strong></li>
        <li>{req.t('dossiers.stats.finished')}<strong>{num(t.finished)}</strong></li>
        <li>{req.t('dossiers.stats.in_time_rate')}<strong>{rate(t.in_time_rate)}</strong></li>
        <li>{req.t('dossiers.stats.online_rate')}<strong>{rate(t.online_rate)}</strong></li>
        <li>{req.t('dossiers.stats.avg_days')}<strong>{num(t.avg_days)}</strong></li>
        <li>{req.t('dossiers.stats.apologies')}<strong>{num(t.apologies)}</strong>{req.t('dossiers.stats.late_apologies')}: {num(t.late_apologies)}</li>
        <li>{req.t('dossiers.nav_fast')}<strong>{num(t.fast_track_same_day)} / {num(t.fast_track_received)}</strong></li>
        <li>{req.t('dossiers.flag.home')}<strong>{num(t.home_service)}</strong></li>
      </ul>
      <h2>{req.t('dossiers.stats.by_month')}</h2>
      <Table caption={req.t('dossiers.stats.by_month')} rows={s.byMonth} empty="—" columns={[
        { header: req.t('dossiers.stats.month'), cell: (r) => r.month },
        { header: req.t('dossiers.stats.received'), cell: (r) => num(r.received), numeric: true },
        { header: req.t('dossiers.channel.online'), cell: (r) => num(r.online), numeric: true },
        { header: req.t('dossiers.stats.early'), cell: (r) => num(r.early), numeric: true },
        { header: req.t('dossiers.stats.on_time'), cell: (r) => num(r.on_time), numeric: true },
        { header: req.t('dossiers.stats.late'), cell: (r) => num(r.late), numeric: true },
        { header: req.t('dossiers.stats.apologies'), cell: (r) => num(r.apologies), numeric: true },
      ]} />
      {s.byField.length > 0 && <GroupTable req={req} title={req.t('dossiers.stats.by_field')} rows={s.byField} />}
      {s.byProcedure.length > 0 && <GroupTable req={req} title={req.t('dossiers.stats.by_procedure')} rows={s.byProcedure} />}
      {s.byOfficer.length > 0 && <GroupTable req={req} title={req.t('dossiers.stats.by_officer')} rows={s.byOfficer} />}
    </>
  );
}
