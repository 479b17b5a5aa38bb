import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { readForm, unitOf } from '../../core/http/forms.js';
import { listResidentialGroups } from '../../core/org.js';
import { pageParam } from '../../web/components/display.js';
import { renderPage, renderStaffPage } from '../../web/render.js';
import * as repo from './broadcasts/repo.js';
import { synthesiseVietnamese } from './broadcasts/tts.js';
import { inUnit, isUuid, READ_ROLES, staffBase, WARD_ROLES } from './context.js';
import { BroadcastDetail, BroadcastList, PublicBroadcast, PublicBroadcasts } from './views/broadcast-pages.js';

type IdReq = FastifyRequest<{ Params: { unit: string; id: string }; Querystring: Record<string, string | undefined> }>;
const MAX_AUDIO = 20 * 1024 * 1024;
const crumbs = (req: FastifyRequest) => [{ label: req.t('community.staff_nav'), href: staffBase(req) }];

async function showList(req: FastifyRequest, reply: FastifyReply, f: Record<string, string> = {}, errors?: Record<string,
  string>, status = 200) {
  const d = await inUnit(req, async (trx) => ({ rows: await repo.listBroadcasts(trx), groups: await listResidentialGroups(trx) }));
  return renderStaffPage(req, reply, { title: req.t('community.broadcasts.title'), current: 'cong-dong',
    styles: ['css/community.css'], breadcrumbs: crumbs(req) },
    <BroadcastList req={req} rows={d.rows} groups={d.groups} f={f} errors={errors} />, status);
}

async function create(req: FastifyRequest, reply: FastifyReply) {
  const { fields, lists, files } = await readForm(req);
  const f = { title: (fields.title ?? '').trim(), body: (fields.body ?? '').trim(),
    radio_script: (fields.radio_script ?? '').trim(), social_text: (fields.social_text ?? '').trim() };
  const errors: Record<string, string> = {};
  if (!f.title) errors.title = 'Nhập tiêu đề thông báo.';
  if (!f.body) errors.body = 'Nhập nội dung thông báo.';
  const audio = files.find((x) => x.field === 'audio' && x.data.length);
  if (audio && !/^audio\//.test(audio.mimetype)) errors.audio = 'Tệp ghi âm phải là âm thanh (MP3, WAV, OGG…).';
  if (audio && audio.data.length > MAX_AUDIO) return showList(req, reply, f, { audio: 'Tệp ghi âm tối đa 20 MB.' }, 413);
  if (Object.keys(errors).length) return showList(req, reply, f, errors, 422);
  const id = await inUnit(req, async (trx) => {
    const groupIds = new Set((await listResidentialGroups(trx)).map((g) => g.id));
    const broadcastId = await repo.insertBroadcast(trx, unitOf(req).id, {
      title: f.title, body: f.body,
      radio_script: f.radio_script || `Thông báo của Ủy ban nhân dân ${unitOf(req).name}. ${f.title}. ${f.body}`,
      social_text: f.social_text || `📢 ${f.title}\n\n${f.body}`,
      group_ids: (lists.groups ?? []).filter((g) => groupIds.has(g)),
      audio: audio?.data ?? null, audio_mime: audio?.mimetype ?? null, audio_source: audio ? 'upload' : null, created_by: req.staff?.userId ?? null,
    });
    await audit(trx, req, { action: 'community.broadcast.create', entity: 'community_broadcast', entityId: broadcastId,
      after: { title: f.title, audio: !!audio } });
    return broadcastId;
  });
  return reply.redirect(`${staffBase(req)}/thong-bao/${id}`, 303);
}

async function detail(req: IdReq, reply: FastifyReply, error?: string, status = 200) {
  if (!isUuid(req.params.id)) throw AppError.notFound();
  const d = await inUnit(req, async (trx) => ({ b: await repo.getBroadcast(trx, req.params.id),
    pubs: await repo.listPublications(trx, req.params.id), groups: await listResidentialGroups(trx) }));
  if (!d.b) throw AppError.notFound('community.error.broadcast_not_found');
  const notice = req.query.ok ? req.t(`community.broadcasts.done_${req.query.ok === 'audio' ? 'audio' : 'publish'}`) : undefined;
  return renderStaffPage(req, reply, { title: d.b.title, current: 'cong-dong', styles: ['css/community.css'], breadcrumbs: crumbs(req) },
    <BroadcastDetail req={req} b={d.b} pubs={d.pubs} groups={d.groups} notice={notice} error={error} />, status);
}

async function generateAudio(req: IdReq, reply: FastifyReply) {
  const b = await inUnit(req, (trx) => repo.getBroadcast(trx, req.params.id));
  if (!b) throw AppError.notFound('community.error.broadcast_not_found');
  let wav: Buffer;
  try { wav = await synthesiseVietnamese(b.radio_script); } catch (e) {
    req.log.warn({ err: e }, 'espeak-ng failed');
    return detail(req, reply,
      'Không tạo được âm thanh: máy chủ chưa cài espeak-ng (apt-get install espeak-ng). Có thể tải lên bản ghi âm.', 422);
  }
  await inUnit(req, async (trx) => {
    await repo.setSynthesisedAudio(trx, b.id, wav);
    await audit(trx, req, { action: 'community.broadcast.audio', entity: 'community_broadcast', entityId: b.id,
      after: { source: 'tts', bytes: wav.length } });
  });
  return reply.redirect(`${staffBase(req)}/thong-bao/${b.id}?ok=audio`, 303);
}

async function publish(req: IdReq, reply: FastifyReply) {
  const { fields } = await readForm(req);
  const channel = repo.CHANNELS.find((c) => c === fields.channel);
  if (!channel) return detail(req, reply, 'Chọn kênh phát hành.', 422);
  const r = await inUnit(req, async (trx) => {
    const b = await repo.getBroadcast(trx, req.params.id);
    if (!b) throw AppError.notFound('community.error.broadcast_not_found');
    const groupId = channel === 'radio' && isUuid(fields.group_id) ? fields.group_id : null;
    if (groupId && b.group_ids.length && !b.group_ids.includes(groupId)) return 'Tổ này không nằm trong danh sách phát của thông báo.';
    if (channel === 'website' && await repo.isOnWebsite(trx, b.id)) return 'Thông báo đã đăng trên trang web.';
    const publicationId = await repo.insertPublication(trx, unitOf(req).id, b.id, { channel, group_id: groupId,
      published_by: req.staff?.userId ?? null, note: (fields.note ?? '').trim().slice(0, 300) });
    await audit(trx, req, { action: 'community.broadcast.publish', entity: 'community_broadcast', entityId: b.id,
      after: { publication: publicationId, channel, group_id: groupId } });
    return null;
  });
  if (r) return detail(req, reply, r, 409);
  return reply.redirect(`${staffBase(req)}/thong-bao/${req.params.id}?ok=publish`, 303);
}

async function sendAudio(req: IdReq, reply: FastifyReply, publicOnly: boolean) {
  if (!isUuid(req.params.id)) throw AppError.notFound();
  const a = await inUnit(req, async (trx) => (publicOnly && !(await repo.isOnWebsite(trx,
    req.params.id)) ? undefined : repo.getAudio(trx, req.params.id)));
  if (!a?.audio) throw AppError.notFound('community.error.no_audio');
  return reply.type(a.audio_mime ?? 'audio/wav').header('cache-control', 'private, max-age=300').send(a.audio);
}

export function registerBroadcastRoutes(app: FastifyInstance): void {
  const read = { preHandler: app.requireStaff(READ_ROLES) };
  const ward = { preHandler: app.requireStaff(WARD_ROLES) };
  app.get('/quan-tri/:unit/cong-dong/thong-bao', read, (req, reply) => showList(req, reply));
  app.post('/quan-tri/:unit/cong-dong/thong-bao', ward, create);
  app.get('/quan-tri/:unit/cong-dong/thong-bao/:id', read, (req, reply) => detail(req as IdReq, reply));
  app.get('/quan-tri/:unit/cong-dong/thong-bao/:id/am-thanh', read, (req, reply) => sendAudio(req as IdReq, reply, false));
  app.post('/quan-tri/:unit/cong-dong/thong-bao/:id/am-thanh', ward, (req, reply) => generateAudio(req as IdReq, reply));
  app.post('/quan-tri/:unit/cong-dong/thong-bao/:id/phat-hanh', ward, (req, reply) => publish(req as IdReq, reply));
  app.get('/:unit/thong-bao', async (req, reply) => {
    const page = pageParam(req.query);
    const d = await inUnit(req, async (trx) => ({ rows: await repo.listBroadcasts(trx, true, 20, (page - 1) * 20),
      total: await repo.countWebsiteBroadcasts(trx) }));
    return renderPage(req, reply, { title: req.t('community.nav.broadcasts'), current: 'thong-bao',
      styles: ['css/community.css'] }, <PublicBroadcasts req={req} rows={d.rows} page={page} total={d.total} />);
  });
  app.get('/:unit/thong-bao/:id', async (req, reply) => {
    const r = req as IdReq;
    if (!isUuid(r.params.id)) throw AppError.notFound();
    const b = await inUnit(r, async (trx) => ((await repo.isOnWebsite(trx, r.params.id)) ? repo.getBroadcast(trx,
      r.params.id) : undefined));
    if (!b) throw AppError.notFound('community.error.broadcast_not_found');
    return renderPage(r, reply, { title: b.title, current: 'thong-bao', styles: ['css/community.css'] }, <PublicBroadcast req={r} b={b} />);
  });
  app.get('/:unit/thong-bao/:id/am-thanh', (req, reply) => sendAudio(req as IdReq, reply, true));
}
