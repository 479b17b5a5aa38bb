import type { FastifyInstance } from 'fastify';
import { auditLogPage } from '../audit.js';
import { withUnit } from '../tenancy.js';
import { renderStaffPage } from '../../web/render.js';
import { Pagination, Table, pageParam } from '../../web/components/display.js';
import { formatDateTime } from '../../lib/format.js';
import { PAGED } from '../http/query.js';

const PAGE = 50;

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.get('/quan-tri/:unit/nhat-ky', { schema: { hide: true, querystring: PAGED }, preHandler: app.requireStaff(['leader', 'inspection']) }, async (req, reply) => {
    const page = pageParam(req.query);
    const { rows, total } = await withUnit(app.db, req.unit!.id, (trx) => auditLogPage(trx, PAGE, (page - 1) * PAGE));
    return renderStaffPage(req, reply, { title: req.t('core.audit_log'), current: 'nhat-ky' }, (
      <>
        <h1>{req.t('core.audit_log')}</h1>
        <Table caption={req.t('core.audit_log')} rows={rows} empty={req.t('core.audit_empty')} columns={[
          { header: req.t('core.audit_when'), cell: (r: any) => formatDateTime(r.at) },
          { header: req.t('core.audit_who'), cell: (r: any) => r.actor_name },
          { header: req.t('core.audit_what'), cell: (r: any) => <code>{r.action}</code> },
          { header: req.t('core.audit_object'), cell: (r: any) => `${r.entity} ${r.entity_id ?? ''}` },
        ]} />
        <Pagination req={req} page={page} pageSize={PAGE} total={total} />
      </>
    ));
  });
}
