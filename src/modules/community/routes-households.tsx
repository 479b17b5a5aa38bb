import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { readForm, unitOf } from '../../core/http/forms.js';
import { Q, query, withQuery, type QueryOf } from '../../core/http/query.js';
import { listResidentialGroups } from '../../core/org.js';
import { pageParam } from '../../web/components/display.js';
import { renderStaffPage } from '../../web/render.js';
import { canEdit, editableGroups, inUnit, isUuid, READ_ROLES, requireGroup, staffBase, type CommunityContext } from './context.js';
import { decryptCccd, maskCccd } from './households/cccd-crypto.js';
import { applyQr, fieldsOf, validateHousehold, type HouseholdFields } from './households/form.js';
import * as repo from './households/repo.js';
import { saveHousehold } from './households/service.js';
import { HouseholdForm, HouseholdList } from './views/household-pages.js';
import { vnToday } from '../../lib/vn-calendar/index.js';

type IdReq = FastifyRequest<{ Params: { unit: string; id: string }; Querystring: Record<string, string | undefined> }>;
const PAGE = 50;
const EMPTY: HouseholdFields = fieldsOf({});

/** `?to=` a group, `?q=` a name or address, `?trang=`. */
const LIST_QUERY = query({ to: Q.text(36), q: Q.text(200), trang: Q.page });

async function list(req: FastifyRequest<{ Querystring: QueryOf<typeof LIST_QUERY> }>, reply: FastifyReply) {
  const q = req.query;
  const page = pageParam(q);
  const filter = { to: isUuid(q.to) ? q.to : undefined, q: (q.q ?? '').trim().slice(0, 100) || undefined };
  const data = await inUnit(req, async (trx) => ({
    groups: await listResidentialGroups(trx), scope: await editableGroups(trx, req),
    ...(await repo.listHouseholds(trx, { groupId: filter.to, q: filter.q, limit: PAGE, offset: (page - 1) * PAGE })),
  }));
  return renderStaffPage(req, reply, { title: req.t('community.households.title'), current: 'cong-dong',
    styles: ['css/community.css'], breadcrumbs: crumbs(req) },
    <HouseholdList req={req} rows={data.rows} total={data.total} page={page} pageSize={PAGE} groups={data.groups} filter={filter}
      canAdd={data.scope === 'all' || data.scope.size > 0} />);
}

const crumbs = (req: FastifyRequest) => [{ label: req.t('community.staff_nav'), href: staffBase(req) }];

type FormState = { id?: string; f: HouseholdFields; errors?: Record<string, string>; status?: number; saved?: boolean };

async function showForm(ctx: CommunityContext, req: FastifyRequest, reply: FastifyReply, o: FormState) {
  const data = await inUnit(req, async (trx) => {
    const scope = await editableGroups(trx, req);
    const groups = (await listResidentialGroups(trx)).filter((g) => canEdit(scope, g.id));
    const head = o.id ? (await repo.listMembers(trx, o.id)).find((m) => m.is_head) : undefined;
    return { groups, masked: head?.cccd_enc ? maskCccd(decryptCccd(ctx.keys, head.cccd_enc)) : undefined };
  });
  const action = `${staffBase(req)}/ho/${o.id ?? 'moi'}`;
  const title = req.t(o.id ? 'community.households.edit' : 'community.households.add');
  return renderStaffPage(req, reply, { title, current: 'cong-dong', styles: ['css/community.css'], scripts: ['js/community-cccd.js'],
    breadcrumbs: [...crumbs(req), { label: req.t('community.households.title'), href: `${staffBase(req)}/ho` }] }, <>
    <h1>{title}</h1>
    <HouseholdForm req={req} action={action} groups={data.groups} f={o.f} errors={o.errors} maskedCccd={data.masked} saved={o.saved} />
  </>, o.status ?? 200);
}

async function edit(ctx: CommunityContext, req: IdReq, reply: FastifyReply) {
  if (!isUuid(req.params.id)) throw AppError.notFound();
  const r = await inUnit(req, async (trx) => ({ h: await repo.getHousehold(trx, req.params.id),
    members: await repo.listMembers(trx, req.params.id) }));
  if (!r.h) throw AppError.notFound('community.error.household_not_found');
  const head = r.members.find((m) => m.is_head);
  const f: HouseholdFields = { ...EMPTY, group_id: r.h.group_id, head_name: r.h.head_name, address: r.h.address, phone: r.h.phone ?? '',
    members: r.members.filter((m) => !m.is_head).map((m) => m.full_name).join('\n'), head_birth_date: head?.birth_date ?? '',
    head_sex: head?.sex ?? '', app_status: r.h.app_status, app_since: r.h.app_since ?? '' };
  return showForm(ctx, req, reply, { id: r.h.id, f, saved: req.query.da_luu === '1' });
}

async function save(ctx: CommunityContext, req: IdReq, reply: FastifyReply) {
  const id = req.params.id === 'moi' ? null : req.params.id;
  if (id && !isUuid(id)) throw AppError.notFound();
  const { fields } = await readForm(req);
  let f = fieldsOf(fields);
  if (f.qr && (fields.action === 'qr' || !f.head_name)) {
    const r = applyQr(f);
    return showForm(ctx, req, reply, { id: id ?? undefined, f: r.fields, errors: r.error ? { qr: r.error } : undefined,
      status: r.error ? 422 : 200 });
  }
  f = { ...f, qr: '' };
  const result = await inUnit(req, async (trx) => {
    const scope = await editableGroups(trx, req);
    const before = id ? await repo.getHousehold(trx, id) : undefined;
    if (id && !before) throw AppError.notFound('community.error.household_not_found');
    if (before) requireGroup(scope, before.group_id);
    const groups = (await listResidentialGroups(trx)).filter((g) => canEdit(scope, g.id));
    if (!groups.length) throw AppError.forbidden();
    const v = validateHousehold(f, new Set(groups.map((g) => g.id)), vnToday());
    if (!v.ok) return { errors: v.errors };
    const saved = await saveHousehold(trx, unitOf(req).id, ctx.keys, id, v.value, req.staff?.userId ?? null);
    if (!saved.ok) return { errors: { [saved.field]: saved.message }, conflict: true };
    // The audit trail never holds the CCCD number, only whether one was given.
    await audit(trx, req, { action: id ? 'community.household.update' : 'community.household.create',
      entity: 'community_household', entityId: saved.id,
      before: before ? { group_id: before.group_id, head_name: before.head_name, address: before.address,
        app_status: before.app_status } : undefined,
      after: { group_id: v.value.groupId, head_name: v.value.headName, address: v.value.address, app_status: v.value.app.status,
        cccd_given: !!v.value.headCccd } });
    return { id: saved.id };
  });
  if ('errors' in result) return showForm(ctx, req, reply, { id: id ?? undefined, f: { ...f, head_cccd: '' },
    errors: result.errors, status: result.conflict ? 409 : 422 });
  return reply.redirect(`${staffBase(req)}/ho/${result.id}?da_luu=1`, 303);
}

export function registerHouseholdRoutes(app: FastifyInstance, ctx: CommunityContext): void {
  const read = { preHandler: app.requireStaff(READ_ROLES) };
  app.get<{ Querystring: QueryOf<typeof LIST_QUERY> }>('/quan-tri/:unit/cong-dong/ho', withQuery(read, LIST_QUERY), list);
  app.get('/quan-tri/:unit/cong-dong/ho/moi', read, (req, reply) => showForm(ctx, req, reply, { f: EMPTY }));
  app.get('/quan-tri/:unit/cong-dong/ho/:id', read, (req, reply) => edit(ctx, req as IdReq, reply));
  app.post('/quan-tri/:unit/cong-dong/ho/:id', read, (req, reply) => save(ctx, req as IdReq, reply));
}
