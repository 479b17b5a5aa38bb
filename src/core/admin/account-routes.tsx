import type { FastifyInstance } from 'fastify';
import { qrSvg } from '../../lib/qr/index.js';
import { renderStaffPage } from '../../web/render.js';
import { Alert, RawSvg, SummaryList } from '../../web/components/display.js';
import { Button, CsrfField, TextInput } from '../../web/components/forms.js';
import { enableTotp, setTotpSecret, totpStateOf } from '../auth/accounts.js';
import { checkTotp, newTotpSecret, totpFor } from '../auth/login.js';
import { readForm } from '../http/forms.js';
import { audit } from '../audit.js';

/** The signed-in user's own account: roles and the TOTP second factor. */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const page = async (req: any, reply: any, msg?: { kind: 'success' | 'error'; text: string }) => {
    const u = (await totpStateOf(app.db, req.staff.userId))!;
    let secret = u.totp_secret as string | null;
    if (!u.totp_enabled && !secret) {
      secret = newTotpSecret();
      await setTotpSecret(app.db, req.staff.userId, secret);
    }
    const uri = totpFor(secret!, u.username).toString();
    const svg = u.totp_enabled ? '' : await qrSvg(uri, { margin: 1 });
    return renderStaffPage(req, reply, { title: req.t('core.account') }, (
      <>
        <h1>{req.t('core.account')}</h1>
        {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
        <SummaryList rows={[[req.t('core.username'), u.username], [req.t('core.your_roles'), req.staff.roles.map((r: string) => req.t(`core.role.${r}`)).join(', ')]]} />
        <h2>{req.t('core.totp_setup')}</h2>
        {u.totp_enabled ? <p>{req.t('core.totp_on')}</p> : (
          <>
            <p>{req.t('core.totp_off')}</p>
            <RawSvg svg={svg} label={req.t('core.totp_setup')} className="qr" />
            <p class="muted totp-secret">{secret}</p>
            <form method="post" action="/quan-tri/tai-khoan/totp" novalidate>
              <CsrfField req={req} />
              <TextInput name="code" label={req.t('core.totp_code')} inputMode="numeric" autocomplete="one-time-code" maxLength={6} required />
              <Button>{req.t('core.totp_enable')}</Button>
            </form>
          </>
        )}
      </>
    ), msg?.kind === 'error' ? 422 : 200);
  };

  app.get('/quan-tri/tai-khoan', { schema: { hide: true }, preHandler: app.requireStaff() }, async (req, reply) => {
    if (!req.staff!.userId) return reply.redirect('/quan-tri', 303);
    return page(req, reply);
  });

  app.post('/quan-tri/tai-khoan/totp', { schema: { hide: true }, preHandler: app.requireStaff() }, async (req, reply) => {
    const { fields } = await readForm(req);
    const userId = req.staff!.userId;
    const secret = userId ? (await totpStateOf(app.db, userId))?.totp_secret : undefined;
    if (!userId || !secret || !checkTotp(secret, fields.code ?? '')) {
      return page(req, reply, { kind: 'error', text: req.t('core.totp_wrong') });
    }
    await app.db.transaction().execute(async (trx) => {
      await enableTotp(trx, userId);
      await audit(trx, req, { action: 'user.totp_enable', entity: 'user', entityId: userId, unitId: req.staff!.unitId });
    });
    return page(req, reply, { kind: 'success', text: req.t('core.totp_enabled_ok') });
  });
}
