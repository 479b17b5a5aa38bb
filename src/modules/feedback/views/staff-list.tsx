import type { FastifyRequest } from 'fastify';
import { formatDate } from '../../../lib/format.js';
import { Pagination, StatusTag, Table } from '../../../web/components/display.js';
import { Button, Select } from '../../../web/components/forms.js';
import { hasRole } from '../../../core/http/guards.js';
import { statusTone } from './status-page.js';
import { STATUSES } from '../workflow.js';

export interface StaffRow {
  code: string; category: string; channel: string; status: string; received_at: Date; due_date: string; published: boolean; excerpt: string;
}

export function StaffListPage({ req, rows, total, page, pageSize, filter, categories, today }: {
  req: FastifyRequest; rows: StaffRow[]; total: number; page: number; pageSize: number;
  filter: { status?: string; category?: string; overdue?: boolean }; categories: string[]; today: string;
}) {
  const t = req.t;
  const base = `/quan-tri/${req.unit!.slug}/phan-anh`;
  const overdue = (r: StaffRow) => ['received', 'classified', 'assigned', 'in_progress'].includes(r.status) && r.due_date < today;
  return (
    <div class="feedback">
      <h1>{t('feedback.staff.title')}</h1>
      <p><a href={`${base}/ghi-nhan`}>{t('feedback.staff.record')}</a> · <a href={`${base}/tiep-nhan-tuan`}>{t('feedback.staff.intake')}</a>
        {hasRole(req, []) && <> · <a href={`${base}/cau-hinh`}>{t('feedback.staff.settingsLink')}</a></>}</p>
      <form method="get" action={base} class="feedback-filter">
        <Select name="trang-thai" label={t('feedback.staff.filterStatus')} value={filter.status} placeholder={t('feedback.staff.all')}
          options={STATUSES.map((s) => ({ value: s, label: t(`feedback.status.${s}`) }))} />
        <Select name="linh-vuc" label={t('feedback.staff.filterCategory')} value={filter.category} placeholder={t('feedback.staff.all')}
          options={categories.map((c) => ({ value: c, label: t(`feedback.category.${c}`) }))} />
        <div class="choice">
          <input type="checkbox" id="f-qua-han" name="qua-han" value="1" checked={filter.overdue} />
          <label for="f-qua-han">{t('feedback.staff.filterOverdue')}</label>
        </div>
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
