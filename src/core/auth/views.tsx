import type { FastifyRequest } from 'fastify';
import { Alert } from '../../web/components/display.js';
import { Button, CsrfField, TextInput } from '../../web/components/forms.js';

export function LoginPage({ req, next, username, error, passwordSet }: {
  req: FastifyRequest; next: string; username?: string; error?: string; passwordSet?: boolean;
}) {
  const done = passwordSet === true;
  return (
    <>
      <h1>{req.t('core.login_title')}</h1>
      {done && <Alert kind="success">{req.t('core.password_set')}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      <form method="post" action="/dang-nhap" novalidate>
        <CsrfField req={req} />
        <input type="hidden" name="next" value={next} />
        <TextInput name="username" label={req.t('core.username')} value={username} autocomplete="username" required />
        <TextInput name="password" type="password" label={req.t('core.password')} autocomplete="current-password" required />
        <Button>{req.t('core.login')}</Button>
      </form>
      <p><a href="/dang-nhap/quen-mat-khau">{req.t('core.forgot_link')}</a></p>
    </>
  );
}

export function ForgotPasswordPage({ req, who, error, sent }: { req: FastifyRequest; who?: string; error?: string; sent?: boolean }) {
  return (
    <>
      <h1>{req.t('core.forgot_title')}</h1>
      {sent ? (
        <>
          <Alert kind="success">{req.t('core.forgot_sent')}</Alert>
          <p><a href="/dang-nhap">{req.t('core.back_to_login')}</a></p>
        </>
      ) : (
        <>
          <p>{req.t('core.forgot_intro')}</p>
          <form method="post" action="/dang-nhap/quen-mat-khau" novalidate>
            <CsrfField req={req} />
            <TextInput name="who" label={req.t('core.forgot_who')} value={who} error={error} autocomplete="username" maxLength={200} required />
            <Button>{req.t('core.forgot_send')}</Button>
          </form>
          <p><a href="/dang-nhap">{req.t('core.back_to_login')}</a></p>
        </>
      )}
    </>
  );
}

export function TotpPage({ req, next, error }: { req: FastifyRequest; next: string; error?: string }) {
  return (
    <>
      <h1>{req.t('core.totp_title')}</h1>
      {error && <Alert kind="error">{error}</Alert>}
      <form method="post" action="/dang-nhap/ma-xac-thuc" novalidate>
        <CsrfField req={req} />
        <input type="hidden" name="next" value={next} />
        <TextInput name="code" label={req.t('core.totp_code')} inputMode="numeric" autocomplete="one-time-code" maxLength={6} required />
        <Button>{req.t('core.confirm')}</Button>
      </form>
    </>
  );
}

export function SetPasswordPage({ req, username, error }: { req: FastifyRequest; username: string; error?: string }) {
  return (
    <>
      <h1>{req.t('core.set_password_title')}</h1>
      <p>{req.t('core.username')}: <strong>{username}</strong></p>
      {error && <Alert kind="error">{error}</Alert>}
      <form method="post" novalidate>
        <CsrfField req={req} />
        <input type="text" name="username" value={username} autoComplete="username" hidden readOnly />
        <TextInput name="password" type="password" label={req.t('core.new_password')} hint={req.t('core.new_password_hint')} autocomplete="new-password" required />
        <TextInput name="password2" type="password" label={req.t('core.repeat_password')} autocomplete="new-password" required />
        <Button>{req.t('core.save')}</Button>
      </form>
    </>
  );
}
