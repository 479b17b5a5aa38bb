import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../../core/errors.js';
import { renderPage } from '../../../web/render.js';
import { publicLookup, type PublicDossierStatus } from '../service/lookup.js';
import { LookupPage } from '../views/lookup-page.js';
import { depsOf, type UnitReq } from './context.js';
import { limitCodeLookups } from '../../../core/http/lookup-limit.js';

const LOOKUP_LIMIT = { rateLimit: { max: 20, timeWindow: '1 minute' } };

const PublicStatus = Type.Object({
  code: Type.String(), procedure: Type.String(), status: Type.String(), status_text: Type.String(),
  received_on: Type.String(), due_date: Type.Union([Type.String(), Type.Null()]),
  new_due_date: Type.Union([Type.String(), Type.Null()]), collect_at: Type.String(), deciding_unit: Type.String(),
  apology: Type.Union([Type.Object({
    issued_on: Type.String({ description: 'Ngày lập Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) gần nhất' }),
    new_due_date: Type.String(), count: Type.Integer({ description: 'Số phiếu xin lỗi đã lập cho hồ sơ' }),
  }), Type.Null()], { description: 'Phiếu xin lỗi, nếu cơ quan giải quyết đã lập (null: chưa có)' }),
});

async function lookupPage(app: FastifyInstance, req: UnitReq, reply: FastifyReply) {
  const code = (req.query.ma ?? '').trim().slice(0, 40);
  const last4 = (req.query.so ?? '').trim().slice(0, 8);
  const render = (props: { result?: PublicDossierStatus; error?: string; prefilled?: boolean }, status = 200) =>
    renderPage(req, reply, { title: req.t('dossiers.lookup.title'), current: 'tra-cuu-ho-so', styles: ['css/dossiers.css'] },
      <LookupPage req={req} code={code} last4={last4} {...props} />, status);
  if (!code && !last4) return render({});
  // Opened from the QR code of Mẫu 01 (?ma=<code>): the code is filled in, the citizen adds the phone digits.
  if (!last4) return render({ prefilled: true });
  if (!/^\d{4}$/.test(last4)) return render({ error: req.t('dossiers.lookup.bad_phone') }, 400);
  try {
    return render({ result: await publicLookup(depsOf(app), code, last4) });
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return render({ error: req.t('dossiers.lookup.not_found') }, 404);
    throw e;
  }
}

export async function publicRoutes(app: FastifyInstance): Promise<void> {
  app.get('/:unit/tra-cuu-ho-so', { config: LOOKUP_LIMIT, preHandler: limitCodeLookups, schema: { hide: true } }, (req, reply) => lookupPage(app, req as UnitReq, reply));

  app.get<{ Params: { code: string }; Querystring: { phone_last4: string } }>('/api/v1/dossiers/:code', {
    config: LOOKUP_LIMIT,
    preHandler: limitCodeLookups,
    schema: {
      summary: 'Public look-up of a dossier by code and the last 4 digits of the phone number',
      tags: ['dossiers'],
      params: Type.Object({ code: Type.String({ maxLength: 60 }) }),
      querystring: Type.Object({ phone_last4: Type.String({ pattern: '^[0-9]{4}$' }) }),
      response: { 200: PublicStatus },
    },
  }, async (req) => {
    const { code } = req.params;
    const { phone_last4 } = req.query;
    const r = await publicLookup(depsOf(app), code, phone_last4);
    return {
      code: r.code, procedure: r.procedure, status: r.status, status_text: req.t(`dossiers.status.${r.status}`),
      received_on: r.receivedOn, due_date: r.dueDate, new_due_date: r.newDueDate, collect_at: r.collectAt, deciding_unit: r.decidingUnit,
      apology: r.apology ? { issued_on: r.apology.issuedOn, new_due_date: r.apology.newDueDate, count: r.apology.count } : null,
    };
  });
}
