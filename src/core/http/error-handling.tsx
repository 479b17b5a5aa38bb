import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorBody } from '../errors.js';
import { wantsJson } from './request-context.js';
import { PublicLayout } from '../../web/components/layout.js';
import { translator } from '../i18n.js';

function toAppError(err: FastifyError | AppError): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validation?: unknown };
  if (e.validation) {
    return new AppError(400, 'invalid_request', `Dữ liệu không hợp lệ: ${e.message}`, e.validation);
  }
  const status = e.statusCode ?? 500;
  if (status === 413) return AppError.tooLarge();
  if (status === 429) return AppError.tooMany();
  if (status === 415) return new AppError(415, 'unsupported_media_type', 'Kiểu dữ liệu gửi lên không được hỗ trợ.');
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (e as any).name === 'SyntaxError') {
    return new AppError(400, 'invalid_json', 'Nội dung JSON không hợp lệ.');
  }
  if (status >= 400 && status < 500) return new AppError(status, 'bad_request', 'Yêu cầu không hợp lệ.');
  return new AppError(500, 'internal_error', 'Hệ thống gặp lỗi. Vui lòng thử lại sau; dữ liệu bạn đã gửi trước đó không bị mất.');
}

function sendError(req: FastifyRequest, reply: FastifyReply, e: AppError) {
  if (wantsJson(req)) return reply.code(e.status).send(errorBody(e.code, e.message, e.details));
  if (!req.t) req.t = translator('vi');
  const title = e.status === 404 ? req.t('core.not_found_title') : req.t('core.error_title');
  const home = req.unit ? `/${req.unit.slug}/` : '/';
  return reply.html(
    <PublicLayout req={req} o={{ title }}>
      <h1>{title}</h1>
      <p class="lead">{e.message}</p>
      <p><a href={home}>{req.t('core.back_home')}</a></p>
    </PublicLayout>,
    e.status,
  );
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const e = toAppError(err);
    if (e.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: e.code, status: e.status }, e.message);
    return sendError(req, reply, e);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, AppError.notFound()));
}
