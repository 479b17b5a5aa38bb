import type { FastifyRequest } from 'fastify';
import { Alert, Pagination, Table } from '../../../web/components/display.js';
import { Button } from '../../../web/components/forms.js';
import { DOSSIER_STATUSES } from '../domain/states.js';
import type { DossierRow } from '../domain/types.js';
import { DossierFlags, StatusBadge, showDate, showDay, staffBase } from './shared.js';
import { vnYearOf } from '../../../lib/vn-calendar/index.js';

export interface ListPageProps {
  req: FastifyRequest;
  rows: DossierRow[];
  total: number;
  page: number;
  pageSize: number;
  filters: { status?: string; deadline?: string; q?: string; home?: boolean; apologyPending?: boolean };
  now: Date;
  /** Apologies waiting to be sent by hand (SMS, "chờ gửi"). */
  pendingSms?: number;
}

function Filters({ req, filters }: Pick<ListPageProps, 'req' | 'filters'>) {
  return (
    <form method="get" class="dossier-filters" action={staffBase(req)}>
      <div class="field">
        <label for="f-q">{req.t('dossiers.list.search')}</label>
        <input id="f-q" name="q" type="search" value={filters.q ?? ''} maxLength={100} />
      </div>
      <div class="field">
        <label for="f-trang-thai">{req.t('dossiers.col.status')}</label>
        <select id="f-trang-thai" name="trang-thai">
          <option value="">{req.t('dossiers.list.all_statuses')}</option>
          {DOSSIER_STATUSES.map((s) => <option value={s} selected={filters.status === s}>{req.t(`dossiers.status.${s}`)}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="f-han">{req.t('dossiers.list.deadline')}</label>
        <select id="f-han" name="han">
          <option value="">{req.t('dossiers.list.any_deadline')}</option>
          <option value="qua-han" selected={filters.deadline === 'qua-han'}>{req.t('dossiers.list.overdue')}</option>
          <option value="hom-nay" selected={filters.deadline === 'hom-nay'}>{req.t('dossiers.list.due_today')}</option>
          <option value="sap-den-han" selected={filters.deadline === 'sap-den-han'}>{req.t('dossiers.list.due_soon')}</option>
        </select>
      </div>
      <div class="choice">
        <input type="checkbox" id="f-tai-nha" name="tai-nha" value="1" checked={filters.home} />
        <label for="f-tai-nha">{req.t('dossiers.list.home_only')}</label>
      </div>
      <div class="choice">
        <input type="checkbox" id="f-xin-loi" name="xin-loi" value="cho-gui" checked={filters.apologyPending} />
        <label for="f-xin-loi">{req.t('dossiers.list.apology_pending')}</label>
      </div>
      <Button variant="secondary">{req.t('dossiers.list.filter')}</Button>
    </form>
  );
}

export function ListPage(p: ListPageProps) {
  const { req } = p;
  const base = staffBase(req);
  return (
    <>
      <h1>{req.t('dossiers.list.title')}</h1>
      <div class="button-group">
        <a class="button" href={`${base}/tiep-nhan`}>{req.t('dossiers.list.new')}</a>
        <a href={`${base}/phuc-vu-tai-nha`}>{req.t('dossiers.home.staff_title')}</a>
        <a href={`${base}/thong-ke`}>{req.t('dossiers.stats.title', { year: vnYearOf(new Date()) })}</a>
        <a href={`${base}/nhap`}>{req.t('dossiers.import.title')}</a>
        <a href={`${base}/cai-dat`}>{req.t('dossiers.settings.title')}</a>
      </div>
      {(p.pendingSms ?? 0) > 0 && (
        <Alert kind="warning">
          {req.t('dossiers.list.sms_pending', { count: p.pendingSms! })} <a href={`${base}?xin-loi=cho-gui`}>{req.t('dossiers.list.sms_pending_link')}</a>
        </Alert>
      )}
      <Filters req={req} filters={p.filters} />
      <Table caption={req.t('dossiers.list.caption')} rows={p.rows} empty={req.t('dossiers.list.empty')} columns={[
        { header: req.t('dossiers.col.code'), cell: (d) => <a href={`${base}/${encodeURIComponent(d.code)}`}>{d.code}</a> },
        { header: req.t('dossiers.col.applicant'), cell: (d) => d.applicant_name },
        { header: req.t('dossiers.col.procedure'), cell: (d) => d.procedure_name },
        { header: req.t('dossiers.col.received'), cell: (d) => showDay(d.received_at) },
        { header: req.t('dossiers.col.due'), cell: (d) => showDate(d.due_date) },
        { header: req.t('dossiers.col.status'), cell: (d) => <><StatusBadge req={req} status={d.status} /><DossierFlags req={req} d={d} now={p.now} /></> },
      ]} />
      <Pagination req={req} page={p.page} pageSize={p.pageSize} total={p.total} />
    </>
  );
}
