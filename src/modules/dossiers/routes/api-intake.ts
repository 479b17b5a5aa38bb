import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AppError } from '../../../core/errors.js';
import { communeUnitBySlug, unitSlug } from '../repo/dossiers.js';
import { CHANNELS } from '../domain/types.js';
import { lookupUrl } from '../service/forms.js';
import { MAX_PAPERS, receiveDossierOnce } from '../service/intake.js';
import { WRITE_ROLES, depsOf, officerOf } from './context.js';

/**
 * `POST /api/v1/units/:unit/dossiers`: a dossier received through another system (e.g. the
 * provincial one-stop system or the public service portal), by a bearer token or a staff session
 * with a write role (a session also sends `x-csrf-token`, as for every cookie-authenticated JSON
 * call). Same rules as the counter (receiveDossier); idempotent on `external_code`.
 */
const enumOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });

export const IntakeBody = Type.Object({
  procedure: Type.String({ minLength: 1, maxLength: 200, description: 'Mã (slug) thủ tục trong danh mục của đơn vị, ví dụ "chung-thuc-ban-sao"' }),
  applicant_name: Type.String({ minLength: 1, maxLength: 200, description: 'Họ tên người nộp' }),
  applicant_phone: Type.String({ minLength: 1, maxLength: 20, description: 'Số điện thoại (9–11 chữ số); 4 số cuối dùng để tra cứu' }),
  applicant_email: Type.Optional(Type.String({ maxLength: 200 })),
  applicant_address: Type.Optional(Type.String({ maxLength: 300 })),
  channel: Type.Optional(enumOf(CHANNELS, 'Kênh nộp; mặc định "online"')),
  complete: Type.Optional(Type.Boolean({ description: 'Hồ sơ đầy đủ, hợp lệ (mặc định true); false thì phải có missing_papers (Mẫu 02)' })),
  missing_papers: Type.Optional(Type.String({ maxLength: 2000, description: 'Nội dung cần bổ sung, mỗi dòng một nội dung' })),
  papers: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: MAX_PAPERS, description: 'Giấy tờ đã nhận (in trên Mẫu 01)' })),
  deciding_unit: Type.Optional(Type.String({ maxLength: 100, description: 'Slug của đơn vị có thẩm quyền giải quyết, nếu không phải đơn vị tiếp nhận' })),
  home_service: Type.Optional(Type.Boolean()),
  external_code: Type.Optional(Type.String({
    pattern: '^[A-Za-z0-9._:/-]{1,64}$', maxLength: 64,
    description: 'Mã hồ sơ ở hệ thống gửi (ví dụ hệ thống một cửa của tỉnh). Gửi lại cùng mã: trả hồ sơ đã tạo (200) thay vì tạo mới (201).',
  })),
}, { additionalProperties: false });
type IntakeBodyT = Static<typeof IntakeBody>;

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const DossierCreated = Type.Object({
  id: Type.String(),
  code: Type.String({ description: 'Mã hồ sơ (in trên Mẫu 01, dùng để tra cứu)' }),
  external_code: Nullable(Type.String()),
  status: Type.String(),
  status_text: Type.String(),
  received_at: Type.String({ format: 'date-time' }),
  due_date: Nullable(Type.String({ description: 'Ngày hẹn trả (YYYY-MM-DD); null khi chờ bổ sung' })),
  procedure: Type.String(),
  deciding_unit: Type.String(),
  receiving_unit: Type.String(),
  lookup_url: Nullable(Type.String()),
  created: Type.Boolean({ description: 'true: vừa tạo (201); false: đã có từ lần gửi trước với cùng external_code (200)' }),
});
const ErrorResponse = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }) });

interface AjvError { instancePath?: string; keyword: string; params?: Record<string, unknown>; message?: string }

const TYPE_KEYS: Record<string, string> = { string: 'string', boolean: 'boolean', array: 'array', object: 'object', integer: 'number', number: 'number' };

/** One Vietnamese (or English with ?lang=en) sentence for the first schema error, and the field it is about. */
export function describeSchemaError(t: FastifyRequest['t'], errors: AjvError[]): { message: string; field: string } {
  const e = errors.find((x) => x.keyword !== 'anyOf') ?? errors[0];
  const path = (e?.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const p = e?.params ?? {};
  const field = String(p.missingProperty ?? p.additionalProperty ?? path) || 'body';
  const detail = (() => {
    switch (e?.keyword) {
      case 'required': return t('dossiers.api.err_required', { field });
      case 'additionalProperties': return t('dossiers.api.err_unknown', { field });
      case 'type': return field === 'body' ? t('dossiers.api.err_body') : t('dossiers.api.err_type', { field, type: t(`dossiers.api.type_${TYPE_KEYS[String(p.type)] ?? 'string'}`) });
      case 'minLength': return t('dossiers.api.err_empty', { field });
      case 'maxLength': return t('dossiers.api.err_long', { field, limit: String(p.limit) });
      case 'maxItems': return t('dossiers.api.err_items', { field, limit: String(p.limit) });
      case 'enum': return t('dossiers.api.err_enum', { field, values: ((p.allowedValues as string[]) ?? []).join(', ') });
      case 'pattern': case 'format': return t('dossiers.api.err_pattern', { field });
      default: return t('dossiers.api.err_other', { field });
    }
  })();
  return { message: t('dossiers.api.invalid', { detail }), field };
}

/** Maps the service's field names back to the API's. */
const API_FIELDS: Record<string, string> = {
  procedureKey: 'procedure', applicantName: 'applicant_name', applicantPhone: 'applicant_phone', applicantEmail: 'applicant_email',
  channel: 'channel', missingPapers: 'missing_papers', papers: 'papers', decidingUnitId: 'deciding_unit',
};

export async function apiIntakeRoutes(app: FastifyInstance): Promise<void> {
  const unitBySlug = (slug: string) => communeUnitBySlug(app.db, slug);
  const slugOf = async (id: string) => {
    const slug = await unitSlug(app.db, id);
    if (slug === null) throw new Error(`unit ${id} not found`);
    return slug;
  };

  app.post('/api/v1/units/:unit/dossiers', {
    preHandler: app.requireStaff(WRITE_ROLES),
    attachValidation: true,
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      summary: 'Receive a dossier through the API (same rules as the counter); idempotent on external_code',
      description: 'Bearer token (role centre_officer, department_officer or leader of the unit) or a staff session with x-csrf-token. '
        + '201 with the new dossier; 200 with the existing one when external_code was already received by this unit. '
        + '400 when the body does not match the schema, 422 when a value is not acceptable (details per field, in Vietnamese).',
      tags: ['dossiers'],
      security: [{ bearer: [] }, { session: [] }],
      params: Type.Object({ unit: Type.String() }),
      body: IntakeBody,
      response: { 201: DossierCreated, 200: DossierCreated, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse },
    },
  }, async (req, reply) => {
    if (req.validationError) {
      const { message, field } = describeSchemaError(req.t, (req.validationError.validation ?? []) as AjvError[]);
      throw AppError.badRequest(message, { [field]: message });
    }
    const body = req.body as IntakeBodyT;
    const receiving = req.unit!;
    let decidingUnitId = receiving.id;
    if (body.deciding_unit && body.deciding_unit !== receiving.slug) {
      const u = await unitBySlug(body.deciding_unit);
      if (!u) throw AppError.unprocessable('dossiers.api.unknown_unit', { deciding_unit: req.t('dossiers.api.unknown_unit') });
      decidingUnitId = u.id;
    }
    let result;
    try {
      result = await receiveDossierOnce(depsOf(app), receiving.id, {
        procedureKey: body.procedure, applicantName: body.applicant_name, applicantPhone: body.applicant_phone,
        applicantEmail: body.applicant_email, applicantAddress: body.applicant_address, channel: body.channel ?? 'online',
        complete: body.complete ?? true, missingPapers: body.missing_papers, papers: body.papers, decidingUnitId,
        homeService: body.home_service, externalCode: body.external_code, source: 'api',
      }, officerOf(req));
    } catch (e) {
      if (e instanceof AppError && e.status === 422 && e.details && typeof e.details === 'object') {
        const details = Object.fromEntries(Object.entries(e.details as Record<string, string>).map(([k, v]) => [API_FIELDS[k] ?? k, v]));
        throw new AppError(422, e.code, e.message, details, e.params);
      }
      throw e;
    }
    const d = result.dossier;
    const [deciding, recv] = await Promise.all([slugOf(d.unit_id), slugOf(d.receiving_unit_id)]);
    return reply.code(result.created ? 201 : 200).send({
      id: d.id, code: d.code, external_code: d.external_code, status: d.status, status_text: req.t(`dossiers.status.${d.status}`),
      received_at: d.received_at.toISOString(), due_date: d.due_date, procedure: d.procedure_name,
      deciding_unit: deciding, receiving_unit: recv, lookup_url: lookupUrl(depsOf(app), recv, d.code), created: result.created,
    });
  });
}
