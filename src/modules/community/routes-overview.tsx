import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { readForm, unitOf } from '../../core/http/forms.js';
import { listResidentialGroups, listStaff } from '../../core/org.js';
import { normalisePhone } from '../surveys/index.js';
import { renderStaffPage } from '../../web/render.js';
import { inUnit, isUuid, READ_ROLES, staffBase, WARD_ROLES } from './context.js';
import { addGroupHead, groupHeadIds, listBranches, saveBranch } from './groups/repo.js';
import { groupStats } from './households/repo.js';
import { developmentMessages } from './polls/messaging.js';
import { GroupPage, Overview, type Branch } from './views/overview.js';

type GroupReq = FastifyRequest<{ Params: { unit: string; group: string } }>;
export const ORGANISATIONS = ['front', 'women', 'veterans', 'youth', 'elderly', 'farmers'] as const;

async function showGroup(req: GroupReq, reply: FastifyReply, error?: string, status = 200) {
  if (!isUuid(req.params.group)) throw AppError.notFound();
  const d = await inUnit(req, async (trx) => {
    const group = (await listResidentialGroups(trx)).find((g) => g.id === req.params.group);
    if (!group) throw AppError.notFound('community.error.group_not_found');
    const heads = await groupHeadIds(trx, group.id);
    const branches = await listBranches(trx, group.id) as Branch[];
    return { group, heads, branches };
  });
  const staff = await listStaff(req.server.db, unitOf(req).id);
  return renderStaffPage(req, reply, { title: d.group.name, current: 'cong-dong', styles: ['css/community.css'],
    breadcrumbs: [{ label: req.t('community.staff_nav'), href: staffBase(req) }] },
    <GroupPage req={req} group={d.group} staff={staff} heads={d.heads} branches={d.branches} error={error} />, status);
}

async function saveGroup(req: GroupReq, reply: FastifyReply) {
  const { fields } = await readForm(req);
  const unitId = unitOf(req).id;
  if (fields.action === 'head') {
    const staff = await listStaff(req.server.db, unitId);
    if (!staff.some((s) => s.id === fields.user_id)) return showGroup(req, reply, 'Chọn một tài khoản cán bộ của phường.', 422);
    await inUnit(req, async (trx) => {
      await addGroupHead(trx, unitId, req.params.group, fields.user_id);
      await audit(trx, req, { action: 'community.group.head', entity: 'residential_group', entityId: req.params.group,
        after: { user_id: fields.user_id } });
    });
  } else {
    const org = ORGANISATIONS.find((o) => o === fields.organisation);
    const phone = fields.leader_phone ? normalisePhone(fields.leader_phone) : null;
    if (!org || !fields.leader_name?.trim()) return showGroup(req, reply, 'Chọn tổ chức và nhập họ tên người phụ trách chi hội.', 422);
    if (fields.leader_phone && !phone) return showGroup(req, reply, 'Số điện thoại di động không hợp lệ.', 422);
    await inUnit(req, async (trx) => {
      await saveBranch(trx, unitId, req.params.group, { organisation: org, leader_name: fields.leader_name.trim(), leader_phone: phone });
      await audit(trx, req, { action: 'community.group.branch', entity: 'residential_group', entityId: req.params.group,
        after: { organisation: org, leader_name: fields.leader_name.trim() } });
    });
  }
  return reply.redirect(`${staffBase(req)}/to/${req.params.group}`, 303);
}

export function registerOverviewRoutes(app: FastifyInstance): void {
  const read = { preHandler: app.requireStaff(READ_ROLES) };
  app.get('/quan-tri/:unit/cong-dong', read, async (req, reply) => {
    const groups = await inUnit(req, (trx) => groupStats(trx));
    return renderStaffPage(req, reply, { title: req.t('community.staff_nav'), current: 'cong-dong',
      styles: ['css/community.css'] }, <Overview req={req} groups={groups} />);
  });
  app.get('/quan-tri/:unit/cong-dong/to/:group', read, (req, reply) => showGroup(req as GroupReq, reply));
  app.post('/quan-tri/:unit/cong-dong/to/:group', { preHandler: app.requireStaff(WARD_ROLES) }, (req,
    reply) => saveGroup(req as GroupReq, reply));
  // The development senders' messages (one-time codes): a real SMS/Zalo gateway leaves this empty.
  app.get('/quan-tri/:unit/cong-dong/tin-nhan', { preHandler: app.requireStaff(WARD_ROLES) }, async (req, reply) =>
    renderStaffPage(req, reply, { title: req.t('community.console.title'), current: 'cong-dong', styles: ['css/community.css'],
      breadcrumbs: [{ label: req.t('community.staff_nav'), href: staffBase(req) }] }, <>
      <h1>{req.t('community.console.title')}</h1>
      <p>{req.t('community.console.lead')}</p>
      <ul class="dev-outbox">{[...developmentMessages()].reverse().map((m) => <li><strong>{m.to}</strong>: {m.text}</li>)}</ul>
    </>));
}
