import type { FastifyRequest } from 'fastify';
import { formatDateTime } from '../../../lib/format.js';
import { Table } from '../../../web/components/display.js';
import type { Procedure, ProcedureVersion } from '../types.js';
import { changedFields } from '../validate.js';

export function StaffHistoryPage({ req, procedure, versions }: { req: FastifyRequest; procedure: Procedure; versions: ProcedureVersion[] }) {
  const t = req.t;
  const rows = versions.map((v, i) => ({ v, changed: versions[i + 1] ? changedFields(versions[i + 1].data, v.data) : [] }));
  return (
    <>
      <h1>{t('catalogue.staff.history_title', { name: procedure.name })}</h1>
      <p><a href={`/quan-tri/${req.unit!.slug}/thu-tuc/${procedure.id}`}>{t('catalogue.staff.edit_title', { name: procedure.name })}</a></p>
      <Table
        caption={t('catalogue.staff.history')}
        rows={rows}
        columns={[
          { header: t('catalogue.staff.col_version'), cell: (r) => r.v.version, numeric: true },
          { header: t('catalogue.staff.history_at'), cell: (r) => formatDateTime(r.v.changedAt) },
          { header: t('catalogue.staff.history_by'), cell: (r) => r.v.changedBy ?? '' },
          { header: t('catalogue.staff.history_note'), cell: (r) => r.v.changeNote ?? '' },
          { header: t('catalogue.staff.history_changed'), cell: (r) => r.changed.map((f) => t(`catalogue.import.field.${f}`)).join(', ') },
        ]}
      />
    </>
  );
}
