import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { attemptLogin, useTotpCode, type LoginResult, type TotpUse } from './login.js';
import { createSession, destroySession, markSecondFactor, SESSION_COOKIE } from './sessions.js';
import { findPasswordToken, requestPasswordReset, usePasswordToken } from './accounts.js';
import { passwordProblem } from './passwords.js';
import { AppError } from '../errors.js';
import { readForm } from '../http/forms.js';
import { query, Q, type QueryOf } from '../http/query.js';
import { renderPage } from '../../web/render.js';
import { ForgotPasswordPage, LoginPage, TotpPage, SetPasswordPage } from './views.js';

const LOGIN_QUERY = query({ next: Q.text(2000), 'da-dat-mat-khau': Q.text(10) });
const TOTP_QUERY = query({ next: Q.text(2000) });

const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(?!\/)[\w\-/.?=&%]*$/.test(next) ? next : '/quan-tri');

function loginError(req: FastifyRequest, r: Extract<LoginResult, { ok: false }>): string {
  if (r.reason === 'too_many') return req.t('core.login_wait', { seconds: r.seconds ?? 60 });
  return req.t('core.login_failed');
}

const totpError = (req: FastifyRequest, r: TotpUse) => req.t(r === 'blocked' ? 'core.totp_blocked' : 'core.totp_wrong');

function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: app.config.secureCookies, maxAge: 12 * 3600 });
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const loginLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

  app.get<{ Querystring: QueryOf<typeof LOGIN_QUERY> }>('/dang-nhap', { schema: { hide: true, querystring: LOGIN_QUERY } }, async (req, reply) => {
    const q = req.query;
    return renderPage(req, reply, { title: req.t('core.login_title') },
      <LoginPage req={req} next={safeNext(q.next)} passwordSet={q['da-dat-mat-khau'] === '1'} />);
  });

  app.post('/dang-nhap', { schema: { hide: true }, config: loginLimit }, async (req, reply) => {
    const { fields } = await readForm(req);
    const next = safeNext(fields.next);
    if (!fields.username || !fields.password) {
      return renderPage(req, reply, { title: req.t('core.login_title') }, <LoginPage req={req} next={next} username={fields.username} error={req.t('core.login_required')} />, 422);
    }
    const r = await attemptLogin(app.db, fields.username, fields.password, req.ip);
    if (!r.ok) {
      const status = r.reason === 'too_many' ? 429 : 401;
      return renderPage(req, reply, { title: req.t('core.login_title') }, <LoginPage req={req} next={next} username={fields.username} error={loginError(req, r)} />, status);
    }
    const s = await createSession(app.db, r.user.id, !r.user.totp_enabled, req.ip, req.headers['user-agent']);
    setSessionCookie(app, reply, s.token);
    return reply.redirect(r.user.totp_enabled ? `/dang-nhap/ma-xac-thuc?next=${encodeURIComponent(next)}` : next, 303);
  });

  app.get<{ Querystring: QueryOf<typeof TOTP_QUERY> }>('/dang-nhap/ma-xac-thuc', { schema: { hide: true, querystring: TOTP_QUERY } }, async (req, reply) => {
    if (!req.staff) return reply.redirect('/dang-nhap', 303);
    return renderPage(req, reply, { title: req.t('core.totp_title') }, <TotpPage req={req} next={safeNext(req.query.next)} />);
  });

  app.post('/dang-nhap/ma-xac-thuc', { schema: { hide: true }, config: loginLimit }, async (req, reply) => {
    if (!req.staff?.sessionId || !req.staff.userId) return reply.redirect('/dang-nhap', 303);
    const { fields } = await readForm(req);
    const used = await useTotpCode(app.db, req.staff.userId, fields.code ?? '');
    if (used !== 'ok') {
      return renderPage(req, reply, { title: req.t('core.totp_title') }, <TotpPage req={req} next={safeNext(fields.next)} error={totpError(req, used)} />,
        used === 'blocked' ? 429 : 401);
    }
    await markSecondFactor(app.db, req.staff.sessionId);
    return reply.redirect(safeNext(fields.next), 303);
  });

  app.post('/dang-xuat', { schema: { hide: true } }, async (req, reply) => {
    if (req.staff?.sessionId) await destroySession(app.db, req.staff.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    const { fields } = await readForm(req);
    return reply.redirect(/^[a-z0-9-]{2,60}$/.test(fields.unit ?? '') ? `/${fields.unit}/` : '/', 303);
  });

  app.get<{ Params: { token: string } }>('/dat-mat-khau/:token', { schema: { hide: true } }, async (req, reply) => {
    const t = await findPasswordToken(app.db, req.params.token);
    if (!t) throw AppError.notFound('core.link_invalid');
    return renderPage(req, reply, { title: req.t('core.set_password_title') }, <SetPasswordPage req={req} username={t.username} />);
  });

  app.post<{ Params: { token: string } }>('/dat-mat-khau/:token', { schema: { hide: true }, config: loginLimit }, async (req, reply) => {
    const t = await findPasswordToken(app.db, req.params.token);
    if (!t) throw AppError.notFound('core.link_invalid');
    const { fields } = await readForm(req);
    const problem = (await passwordProblem(fields.password ?? '', t.username)) ?? (fields.password !== fields.password2 ? req.t('core.passwords_differ') : null);
    if (problem) {
      return renderPage(req, reply, { title: req.t('core.set_password_title') }, <SetPasswordPage req={req} username={t.username} error={problem} />, 422);
    }
    if (!await usePasswordToken(app.db, req.params.token, fields.password, req.ip)) throw AppError.notFound('core.link_invalid');
    return reply.redirect('/dang-nhap?da-dat-mat-khau=1', 303);
  });

  // Self-service reset: the answer is the same whether or not an account matched.
  app.get('/dang-nhap/quen-mat-khau', { schema: { hide: true } }, async (req, reply) =>
    renderPage(req, reply, { title: req.t('core.forgot_title') }, <ForgotPasswordPage req={req} />));

  app.post('/dang-nhap/quen-mat-khau', { schema: { hide: true }, config: { rateLimit: { max: 10, timeWindow: '15 minutes' } } }, async (req, reply) => {
    const { fields } = await readForm(req);
    const who = (fields.who ?? '').trim();
    if (!who || who.length > 200) {
      return renderPage(req, reply, { title: req.t('core.forgot_title') }, <ForgotPasswordPage req={req} who={who.slice(0, 200)} error={req.t('core.forgot_required')} />, 422);
    }
    const sent = await requestPasswordReset(app.db, who, { publicUrl: app.config.publicUrl, ip: req.ip, t: req.t });
    req.log.info({ sent }, 'password reset requested');
    return renderPage(req, reply, { title: req.t('core.forgot_title') }, <ForgotPasswordPage req={req} sent />);
  });

  const LoginBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }), totp: Type.Optional(Type.String()) });
  app.post('/api/v1/auth/login', {
    config: { ...loginLimit, skipCsrf: true },
    schema: {
      tags: ['auth'], summary: 'Đăng nhập bằng API: đặt cookie phiên và trả mã CSRF', body: LoginBody,
      response: { 200: Type.Object({ csrf_token: Type.String(), user: Type.Object({ id: Type.String(), username: Type.String() }) }) },
    },
  }, async (req, reply) => {
    const body = req.body as { username: string; password: string; totp?: string };
    const r = await attemptLogin(app.db, body.username, body.password, req.ip);
    if (!r.ok) {
      const status = r.reason === 'too_many' ? 429 : 401;
      const code = r.reason === 'failed' ? 'invalid_credentials' : r.reason;
      if (r.reason === 'too_many') throw new AppError(status, code, 'core.login_wait').with({ seconds: r.seconds ?? 60 });
      throw new AppError(status, code, 'core.login_failed');
    }
    let second = !r.user.totp_enabled;
    if (!second) {
      const used = await useTotpCode(app.db, r.user.id, body.totp ?? '');
      if (used === 'blocked') throw new AppError(429, 'totp_blocked', 'core.totp_blocked');
      if (used !== 'ok') throw new AppError(401, 'totp_required', 'core.totp_wrong');
      second = true;
    }
    const s = await createSession(app.db, r.user.id, second, req.ip, req.headers['user-agent']);
    setSessionCookie(app, reply, s.token);
    return { csrf_token: s.csrf, user: { id: r.user.id, username: body.username.trim().toLowerCase() } };
  });

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất' } }, async (req, reply) => {
    if (req.staff?.sessionId) await destroySession(app.db, req.staff.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'Tài khoản đang đăng nhập' } }, async (req) => {
    if (!req.staff) throw AppError.unauthorized();
    // A session that passed the password but not the second factor is not logged in yet.
    if (!req.staff.secondFactorOk) throw new AppError(401, 'second_factor_required', 'core.totp_needed');
    const { csrfToken, sessionId, ...me } = req.staff;
    return me;
  });
}
