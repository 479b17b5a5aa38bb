import type { FastifyRequest } from 'fastify';
import { formatDate } from '../../../lib/format.js';
import { Pagination, StatusTag, Table } from '../../../web/components/display.js';
import { Button, Select } from '../../../web/components/forms.js';
import { hasRole } from '../../../core/http/guards.js';
import { statusTone } from './status-page.js';
import { STATUSES } from '../workflow.js';
import { DUE_SOON_WORKING_DAYS, type StaffCounts } from '../staff-repo.js';

export interface StaffRow {
  code: string; category: string; channel: string; status: string; received_at: Date; due_date: string; published: boolean; excerpt: string;
}

export function StaffListPage({ req, rows, total, page, pageSize, filter, categories, today, counts }: {
  req: FastifyRequest; rows: StaffRow[]; total: number; page: number; pageSize: number;
  filter: { status?: string; category?: string; overdue?: boolean; dueSoon?: boolean; unassigned?: boolean }; categories: string[]; today: string;
  counts: StaffCounts;
}) {
  const t = req.t;
  const base = `/quan-tri/${req.unit!.slug}/phan-anh`;
  const overdue = (r: StaffRow) => ['received', 'classified', 'assigned', 'in_progress'].includes(r.status) && r.due_date < today;
  return (
    <div class="feedback">
      <h1>{t('feedback.staff.title')}</h1>
      <p><a href={`${base}/ghi-nhan`}>{t('feedback.staff.record')}</a> · <a href={`${base}/tiep-nhan-tuan`}>{t('feedback.staff.intake')}</a>
        {/* hasRole with no role: admins only */}
        {hasRole(req, []) && <> · <a href={`${base}/cau-hinh`}>{t('feedback.staff.settingsLink')}</a></>}</p>
      <section aria-labelledby="feedback-counts-title">
        <h2 id="feedback-counts-title" class="visually-hidden">{t('feedback.staff.countsTitle')}</h2>
        <ul class="feedback-counts">
          {([
            ['overdue', 'qua-han', counts.overdue, filter.overdue, 'error'],
            ['dueSoon', 'sap-den-han', counts.dueSoon, filter.dueSoon, 'warn'],
            ['unassigned', 'chua-giao', counts.unassigned, filter.unassigned, 'info'],
          ] as const).map(([key, param, n, active, tone]) => (
            <li class={`feedback-counts__item feedback-counts__item--${n > 0 ? tone : 'none'}`}>
              <a href={`${base}?${param}=1`} aria-current={active ? 'true' : undefined} data-count={key}>
                <strong>{n}</strong> <span>{t(`feedback.staff.count.${key}`, { days: DUE_SOON_WORKING_DAYS })}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <form method="get" action={base} class="feedback-filter">
        <Select name="trang-thai" label={t('feedback.staff.filterStatus')} value={filter.status} placeholder={t('feedback.staff.all')}
          options={STATUSES.map((s) => ({ value: s, label: t(`feedback.status.${s}`) }))} />
        <Select name="linh-vuc" label={t('feedback.staff.filterCategory')} value={filter.category} placeholder={t('feedback.staff.all')}
          options={categories.map((c) => ({ value: c, label: t(`feedback.category.${c}`) }))} />
        {([['qua-han', filter.overdue, 'feedback.staff.filterOverdue'], ['sap-den-han', filter.dueSoon, 'feedback.staff.filterDueSoon'],
          ['chua-giao', filter.unassigned, 'feedback.staff.filterUnassigned']] as const).map(([name, checked, label]) => (
          <div class="choice">
            <input type="checkbox" id={`f-${name}`} name={name} value="1" checked={checked} />
            <label for={`f-${name}`}>{t(label, { days: DUE_SOON_WORKING_DAYS })}</label>
          </div>
        ))}
        <Button variant="secondary">{t('feedback.staff.filter')}</Button>
      </form>
      <Table caption={t('feedback.staff.title')} rows={rows} empty={t('feedback.staff.empty')} columns={[
        { header: t('feedback.staff.code'), cell: (r) => <a href={`${base}/${r.code}`}>{r.code}</a> },
        { header: t('feedback.status.category'), cell: (r) => t(`feedback.category.${r.category}`) },
        { header: t('feedback.staff.detail'), cell: (r) => r.excerpt },
        { header: t('feedback.staff.channel'), cell: (r) => t(`feedback.channel.${r.channel}`) },
        { header: t('feedback.status.receivedAt'), cell: (r) => formatDate(r.received_at) },
        { header: t('feedback.status.dueDate'), cell: (r) => formatDate(r.due_date) },
        { header: t('feedback.status.state'), cell: (r) => <StatusTag tone={statusTone(r.status, overdue(r))}>{t(`feedback.status.${r.status}`)}{overdue(r) ? ` · ${t('feedback.staff.overdue')}` : ''}</StatusTag> },
      ]} />
      <Pagination req={req} page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
