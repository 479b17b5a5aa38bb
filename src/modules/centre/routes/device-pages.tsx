import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit.js';
import { withUnit } from '../../../core/tenancy.js';
import { formatDateTime } from '../../../lib/format.js';
import { Alert, RawSvg, StatusTag, Table } from '../../../web/components/display.js';
import { Button, CsrfField } from '../../../web/components/forms.js';
import { renderPage, renderStaffPage } from '../../../web/render.js';
import {
  createPairingCode, DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S, listDevices, PAIR_CODE_TTL_MIN, pairDevice, pairedCounter,
  pendingPairing, redeemPairingCode, revokeDevice, type DeviceRow,
} from '../device-service.js';
import { vnTimeOf } from '../../../lib/vn-calendar/index.js';
import { requireCounter } from '../queue-service.js';
import { qrSvg } from '../../../lib/qr/index.js';
import { urls } from './urls.js';

type P = { unit: string; counter: string };
const COUNTER = { type: 'object', properties: { counter: { type: 'string', pattern: '^[0-9]{1,2}$' } } } as const;

function setDeviceCookie(app: FastifyInstance, reply: FastifyReply, value: string) {
  reply.setCookie(DEVICE_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure: app.config.secureCookies, maxAge: DEVICE_COOKIE_MAX_AGE_S });
}

/**
 * Pairing rating devices with a counter: staff pair the browser they are on, or create a one-time
 * link (QR) for a device they are not logged in on; they list and revoke a counter's devices.
 */
export function registerDevicePages(app: FastifyInstance): void {
  const guard = app.requireStaff(['admin', 'centre_officer']);

  const show = async (req: FastifyRequest<{ Params: P }>, reply: FastifyReply, extra: { notice?: string; link?: { url: string; expiresAt: Date } } = {}, status = 200) => {
    const unit = req.unit!;
    const { counter, devices, current } = await withUnit(app.db, unit.id, async (trx) => ({
      counter: await requireCounter(trx, unit.id, req.params.counter),
      devices: await listDevices(trx, unit.id, req.params.counter),
      current: await pairedCounter(trx, unit.id, req.cookies?.[DEVICE_COOKIE], new Date()),
    }));
    const t = req.t;
    const base = urls.devices(unit.slug, counter.number);
    const state = (d: DeviceRow) => d.revoked_at ? <StatusTag tone="error">{t('centre.device.revoked')}</StatusTag>
      : d.paired_at ? <StatusTag tone="ok">{t('centre.device.paired')}</StatusTag>
        : d.pair_expires_at && d.pair_expires_at.getTime() > Date.now() ? <StatusTag tone="info">{t('centre.device.pending')}</StatusTag>
          : <StatusTag tone="warn">{t('centre.device.expired')}</StatusTag>;
    const live = (d: DeviceRow) => !d.revoked_at && (d.paired_at || (d.pair_expires_at && d.pair_expires_at.getTime() > Date.now()));
    return renderStaffPage(req, reply, {
      title: t('centre.device.title', { n: counter.number }), current: 'quay', styles: ['css/centre.css'],
      breadcrumbs: [{ label: t('centre.admin.title'), href: urls.staffHome(unit.slug) }, { label: counter.name, href: urls.counter(unit.slug, counter.number) }, { label: t('centre.device.manage') }],
    }, (
      <div>
        <h1>{t('centre.device.title', { n: counter.number })}</h1>
        <p class="lead">{t('centre.device.lead')}</p>
        {extra.notice && <Alert kind="success">{extra.notice}</Alert>}
        {current?.counter === counter.number && <Alert kind="info">{t('centre.device.this_is_paired', { n: counter.number })}</Alert>}
        {extra.link && (
          <section class="ticket-slip device-link" aria-labelledby="device-link">
            <h2 id="device-link">{t('centre.device.link_created', { time: vnTimeOf(extra.link.expiresAt) })}</h2>
            <RawSvg className="ticket-slip__qr" svg={await qrSvg(extra.link.url, { margin: 1 })} label={t('centre.device.link_created', { time: vnTimeOf(extra.link.expiresAt) })} />
            <p><a href={extra.link.url} data-pair-link>{extra.link.url}</a></p>
            <p class="muted">{t('centre.device.pair_link_hint', { min: PAIR_CODE_TTL_MIN })}</p>
          </section>
        )}
        <div class="grid-2">
          <form method="post" action={base}>
            <CsrfField req={req} />
            <h2>{t('centre.device.pair_here')}</h2>
            <p>{t('centre.device.pair_here_hint')}</p>
            <Button>{t('centre.device.pair_here')}</Button>
          </form>
          <form method="post" action={`${base}/lien-ket`}>
            <CsrfField req={req} />
            <h2>{t('centre.device.pair_link')}</h2>
            <p>{t('centre.device.pair_link_hint', { min: PAIR_CODE_TTL_MIN })}</p>
            <Button variant="secondary">{t('centre.device.pair_link')}</Button>
          </form>
        </div>
        <h2>{t('centre.device.list')}</h2>
        <Table caption={t('centre.device.list')} rows={devices} empty={t('centre.device.none')} columns={[
          { header: t('centre.device.created'), cell: (d) => formatDateTime(d.created_at) },
          { header: t('centre.device.status'), cell: state },
          { header: t('centre.device.last_seen'), cell: (d) => (d.last_seen_at ? formatDateTime(d.last_seen_at) : '—') },
          { header: t('centre.device.actions'), cell: (d) => live(d) ? (
            <form method="post" action={`${base}/${d.id}/thu-hoi`} class="inline-form">
              <CsrfField req={req} />
              <Button variant="secondary">{t('centre.device.revoke')}</Button>
            </form>
          ) : '' },
        ]} />
        <p><a href={urls.device(unit.slug, counter.number)}>{t('centre.device.open_page')}</a></p>
      </div>
    ), status);
  };

  app.get<{ Params: P }>('/quan-tri/:unit/quay/:counter/thiet-bi', { preHandler: guard, schema: { hide: true, params: COUNTER } }, (req, reply) => show(req, reply));

  // This browser becomes the counter's rating device (an earlier pairing of it is revoked).
  app.post<{ Params: P }>('/quan-tri/:unit/quay/:counter/thiet-bi', { preHandler: guard, schema: { hide: true, params: COUNTER } }, async (req, reply) => {
    const unit = req.unit!;
    const now = new Date();
    const paired = await withUnit(app.db, unit.id, async (trx) => {
      const old = await pairedCounter(trx, unit.id, req.cookies?.[DEVICE_COOKIE], now);
      if (old) {
        await revokeDevice(trx, unit.id, old.counter, old.id, now);
        await audit(trx, req, { action: 'centre.device.revoke', entity: 'centre_rating_device', entityId: old.id, before: { counter: old.counter }, after: { reason: 'repaired' } });
      }
      const d = await pairDevice(trx, unit.id, req.params.counter, req.staff?.userId ?? null, now);
      await audit(trx, req, { action: 'centre.device.pair', entity: 'centre_rating_device', entityId: d.id, after: { counter: d.counter, how: 'this_browser' } });
      return d;
    });
    setDeviceCookie(app, reply, paired.cookie);
    return reply.redirect(urls.device(unit.slug, paired.counter), 303);
  });

  app.post<{ Params: P }>('/quan-tri/:unit/quay/:counter/thiet-bi/lien-ket', { preHandler: guard, schema: { hide: true, params: COUNTER } }, async (req, reply) => {
    const unit = req.unit!;
    const p = await withUnit(app.db, unit.id, async (trx) => {
      const p = await createPairingCode(trx, unit.id, req.params.counter, req.staff?.userId ?? null, new Date());
      await audit(trx, req, { action: 'centre.device.pair_link', entity: 'centre_rating_device', entityId: p.id, after: { counter: Number(req.params.counter), expires_at: p.expiresAt } });
      return p;
    });
    const url = `${app.config.publicUrl}${urls.pairDevice(unit.slug, req.params.counter, p.code)}`;
    return show(req, reply, { link: { url, expiresAt: p.expiresAt } }, 201);
  });

  app.post<{ Params: P & { id: string } }>('/quan-tri/:unit/quay/:counter/thiet-bi/:id/thu-hoi', { preHandler: guard, schema: { hide: true, params: COUNTER } }, async (req, reply) => {
    const unit = req.unit!;
    await withUnit(app.db, unit.id, async (trx) => {
      await revokeDevice(trx, unit.id, req.params.counter, req.params.id, new Date());
      await audit(trx, req, { action: 'centre.device.revoke', entity: 'centre_rating_device', entityId: req.params.id, before: { counter: Number(req.params.counter) } });
    });
    return show(req, reply, { notice: req.t('centre.device.revoked_ok') });
  });

  // The device opens the one-time link (no staff login on it) and confirms with a button.
  type PC = P & { code: string };
  const pairPage = (req: FastifyRequest<{ Params: PC }>, reply: FastifyReply, ok: boolean, status = 200) => {
    const t = req.t;
    return renderPage(req, reply, { title: t('centre.device.pair_title', { n: req.params.counter }), bare: true, styles: ['css/centre.css'] }, (
      <div class="rate-device">
        <h1>{t('centre.device.pair_title', { n: req.params.counter })}</h1>
        {ok ? (
          <form method="post" action={urls.pairDevice(req.unit!.slug, req.params.counter, req.params.code)}>
            <CsrfField req={req} />
            <p>{t('centre.device.pair_lead', { n: req.params.counter })}</p>
            <Button>{t('centre.device.pair_confirm')}</Button>
          </form>
        ) : <Alert kind="warning">{t('centre.device.pair_invalid')}</Alert>}
      </div>
    ), status);
  };
  const PAIR = '/:unit/quay/danh-gia/:counter/ghep/:code';
  app.get<{ Params: PC }>(PAIR, { schema: { hide: true, params: COUNTER } }, async (req, reply) => {
    const p = await withUnit(app.db, req.unit!.id, (trx) => pendingPairing(trx, req.unit!.id, req.params.counter, req.params.code, new Date()));
    return pairPage(req, reply, !!p, p ? 200 : 410);
  });
  app.post<{ Params: PC }>(PAIR, { schema: { hide: true, params: COUNTER }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
    const unit = req.unit!;
    const paired = await withUnit(app.db, unit.id, async (trx) => {
      const d = await redeemPairingCode(trx, unit.id, req.params.counter, req.params.code, new Date());
      if (d) await audit(trx, req, { action: 'centre.device.pair', entity: 'centre_rating_device', entityId: d.id, after: { counter: Number(req.params.counter), how: 'link' } });
      return d;
    });
    if (!paired) return pairPage(req, reply, false, 410);
    setDeviceCookie(app, reply, paired.cookie);
    return reply.redirect(urls.device(unit.slug, req.params.counter), 303);
  });
}

