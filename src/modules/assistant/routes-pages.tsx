import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { readForm } from '../../core/http/forms.js';
import { withUnit } from '../../core/tenancy.js';
import { vnYearBounds } from '../../core/providers.js';
import { vnYearOf } from '../../lib/vn-calendar/index.js';
import { renderPage, renderStaffPage } from '../../web/render.js';
import { ask, MAX_QUESTION_LENGTH, rateAnswer } from './service.js';
import { listForReview, questionStats, type ReviewFilter } from './repo.js';
import { ChatPage, type ChatView } from './views/chat-page.js';
import { StaffQuestionsPage } from './views/staff-page.js';

const ChatQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 2000 })),
  c: Type.Optional(Type.String({ maxLength: 40 })),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
});
const StaffQuery = Type.Object({
  loc: Type.Optional(Type.Union([Type.Literal('unanswered'), Type.Literal('unhelpful'), Type.Literal('all')])),
  trang: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
});
const PAGE_SIZE = 30;

function showChat(req: FastifyRequest, reply: FastifyReply, view: ChatView, status = 200) {
  return renderPage(req, reply, { title: req.t('assistant.title'), current: 'tro-ly', styles: ['css/assistant.css'] },
    <ChatPage req={req} view={view} />, status);
}

export async function pageRoutes(app: FastifyInstance): Promise<void> {
  app.get('/:unit/tro-ly', {
    schema: { hide: true, querystring: ChatQuery },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (req: FastifyRequest<{ Querystring: Static<typeof ChatQuery> }>, reply) => {
    const question = (req.query.q ?? '').trim();
    if (req.query.q === undefined) return showChat(req, reply, {});
    if (!question) return showChat(req, reply, { error: req.t('assistant.error.empty') }, 400);
    if (question.length > MAX_QUESTION_LENGTH) {
      return showChat(req, reply, { question, error: req.t('assistant.error.too_long', { max: MAX_QUESTION_LENGTH }) }, 400);
    }
    const result = await ask({ db: app.db, config: app.config }, req.unit!, { question, conversationId: req.query.c, lang: req.lang });
    return showChat(req, reply, { question, result });
  });

  app.post('/:unit/tro-ly/danh-gia', { schema: { hide: true }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { fields } = await readForm(req);
    const ok = await rateAnswer(app.db, req.unit!.id, fields.question_id ?? '', fields.helpful === '1');
    if (!ok) return showChat(req, reply, { error: req.t('assistant.error.not_found') }, 404);
    return showChat(req, reply, { rated: true });
  });

  app.get('/quan-tri/:unit/tro-ly', {
    schema: { hide: true, querystring: StaffQuery },
    preHandler: app.requireStaff(['admin', 'leader', 'centre_officer']),
  }, async (req: FastifyRequest<{ Querystring: Static<typeof StaffQuery> }>, reply) => {
    const unitId = req.unit!.id;
    const filter: ReviewFilter = req.query.loc ?? 'unanswered';
    const page = req.query.trang ?? 1;
    const year = vnYearOf(new Date());
    const { from, to } = vnYearBounds(year);
    const [list, stats] = await withUnit(app.db, unitId, async (trx) =>
      [await listForReview(trx, unitId, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE), await questionStats(trx, unitId, from, to)] as const);
    return renderStaffPage(req, reply, { title: req.t('assistant.staff.title'), current: 'tro-ly' },
      <StaffQuestionsPage req={req} view={{ filter, rows: list.rows, total: list.total, page, pageSize: PAGE_SIZE, year, stats }} />);
  });
}
