import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AppError } from '../../core/errors.js';
import { highlight } from '../../lib/vn-text/index.js';
import { buildPaymentQr } from './payment.js';
import { hasFixedFee, MAX_QUANTITY, onlineFee } from './fees.js';
import { findProcedure, paymentAccountFor, searchCatalogue } from './service.js';
import { publicPageUrl } from './routes-public.js';
import type { Procedure, ProcessingUnit } from './types.js';
import { feeText, processingTimeText } from './display.js';

const UnitParams = Type.Object({ unit: Type.String() });
const ProcedureParams = Type.Object({ unit: Type.String(), id: Type.String({ maxLength: 200 }) });
const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  field: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});
const QrQuery = Type.Object({
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_QUANTITY, default: 1 })),
  /** desk (default) or online: online submission has a lower fee for some procedures (residence). */
  channel: Type.Optional(Type.Union([Type.Literal('desk'), Type.Literal('online')], { default: 'desk' })),
});

const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);
/** `{ value: 3, unit: 'working_day', text: '3 ngày làm việc' }`; unit is immediate | working_day | day. */
const ProcessingTime = Type.Object({ value: Type.Integer(), unit: Type.String(), text: Type.String() });
/** Fee in đồng (null = set by provincial rules, 0 = free), per fee_unit when given. */
const FeeFields = { fee: Nullable(Type.Integer()), fee_unit: Nullable(Type.String()), fee_text: Type.String() };
/** The lower fee in đồng when submitted online, or null when the desk fee applies online too. */
const OnlineFee = { fee_online: Nullable(Type.Integer()) };
const ListItem = Type.Object({
  id: Type.String(), slug: Type.String(), name: Type.String(), name_html: Type.String(), field: Type.String(),
  processing_time: ProcessingTime, ...FeeFields, needs_review: Type.Boolean(), url: Type.String(),
});
const ListResponse = Type.Object({ items: Type.Array(ListItem), total: Type.Integer() });
const Detail = Type.Object({
  id: Type.String(), slug: Type.String(), code: Type.Union([Type.String(), Type.Null()]), name: Type.String(),
  name_en: Type.Union([Type.String(), Type.Null()]), field: Type.String(), processing_time: ProcessingTime, ...FeeFields, ...OnlineFee,
  processing_note: Nullable(Type.String()), fee_note: Nullable(Type.String()),
  documents: Type.Array(Type.String()), steps: Type.Array(Type.String()), legal_basis: Type.Array(Type.String()),
  online_level: Type.Union([Type.String(), Type.Null()]), counter: Type.Union([Type.String(), Type.Null()]),
  needs_review: Type.Boolean(), version: Type.Integer(), updated_at: Type.String(), url: Type.String(),
});
const QrResponse = Type.Object({
  payload: Type.String(), amount: Type.Integer(), quantity: Type.Integer(), channel: Type.String(), purpose: Type.String(), svg: Type.String(),
});
const ErrorResponse = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }) });

function detailOf(app: FastifyInstance, req: FastifyRequest, p: Procedure): Static<typeof Detail> {
  return {
    id: p.id, slug: p.slug, code: p.code, name: p.name, name_en: p.nameEn, field: p.field,
    processing_time: { value: p.processing.value, unit: p.processing.unit, text: processingTimeText(req.t, p.processing) },
    processing_note: p.processing.note, fee: p.fee.amount, fee_unit: p.fee.unit, fee_text: feeText(req.t, p.fee), fee_note: p.fee.note,
    fee_online: onlineFee(p.fee),
    documents: p.documents, steps: p.steps, legal_basis: p.legalBasis, online_level: p.onlineLevel, counter: p.counter,
    needs_review: p.needsReview, version: p.version, updated_at: p.updatedAt.toISOString(), url: publicPageUrl(app, req.unit!.slug, p.slug),
  };
}

export async function apiRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['Thủ tục hành chính'];
  app.get('/api/v1/units/:unit/procedures', {
    schema: { tags, summary: 'Tìm kiếm thủ tục', params: UnitParams, querystring: ListQuery, response: { 200: ListResponse, 400: ErrorResponse } },
  }, async (req: FastifyRequest<{ Querystring: Static<typeof ListQuery> }>) => {
    const unit = req.unit!;
    const { q = '', field, limit = 20, offset = 0 } = req.query;
    const r = await searchCatalogue(app.db, unit.id, q, { field: field || undefined, limit, offset });
    return {
      total: r.total,
      items: r.hits.map((h) => ({
        id: h.id, slug: h.slug, name: h.name, name_html: highlight(h.name, r.highlightTerms), field: h.field,
        processing_time: { value: h.processingValue, unit: h.processingUnit, text: processingTimeText(req.t, { value: h.processingValue, unit: h.processingUnit as ProcessingUnit, note: null }) },
        fee: h.feeAmount, fee_unit: h.feeUnit, fee_text: feeText(req.t, { amount: h.feeAmount, unit: h.feeUnit, tiers: null, note: null }),
        needs_review: h.needsReview,
        url: publicPageUrl(app, unit.slug, h.slug),
      })),
    };
  });

  app.get('/api/v1/units/:unit/procedures/:id', {
    schema: { tags, summary: 'Chi tiết thủ tục', params: ProcedureParams, response: { 200: Detail, 404: ErrorResponse } },
  }, async (req: FastifyRequest<{ Params: Static<typeof ProcedureParams> }>) => {
    const p = await findProcedure(app.db, req.unit!.id, req.params.id);
    if (!p) throw AppError.notFound('catalogue.api.not_found');
    return detailOf(app, req, p);
  });

  app.get('/api/v1/units/:unit/procedures/:id/payment-qr', {
    schema: {
      tags, summary: 'Mã VietQR nộp lệ phí', params: ProcedureParams, querystring: QrQuery,
      response: { 200: QrResponse, 400: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
    },
  }, async (req: FastifyRequest<{ Params: Static<typeof ProcedureParams>; Querystring: Static<typeof QrQuery> }>) => {
    const unit = req.unit!;
    const p = await findProcedure(app.db, unit.id, req.params.id);
    if (!p) throw AppError.notFound('catalogue.api.not_found');
    if (!hasFixedFee(p.fee)) throw AppError.unprocessable('catalogue.api.no_fee');
    const account = await paymentAccountFor(app.db, unit);
    if (!account) throw AppError.unprocessable('catalogue.api.no_account');
    const qr = await buildPaymentQr(p, account, req.query.quantity ?? 1, new Date(), { channel: req.query.channel ?? 'desk' });
    if (!qr) throw AppError.unprocessable('catalogue.api.no_fee');
    return { payload: qr.payload, amount: qr.amount, quantity: qr.quantity, channel: qr.channel, purpose: qr.purpose, svg: qr.svg };
  });
}
