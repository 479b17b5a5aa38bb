import type { FastifyInstance } from 'fastify';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { withUnit } from '../../../core/tenancy.js';
import { Alert, RawSvg } from '../../../web/components/display.js';
import { Button, CsrfField, TextInput } from '../../../web/components/forms.js';
import { renderStaffPage } from '../../../web/render.js';
import { createReceptionToken } from '../rating-service.js';
import { qrSvg } from '../../../lib/qr/index.js';
import { urls } from './urls.js';

/** Staff create single-use QR codes for citizens to rate a citizen-reception session. */
export function registerReceptionPages(app: FastifyInstance): void {
  const guard = app.requireStaff(['admin', 'centre_officer', 'leader']);
  const page = (req: any, reply: any, body: any, status = 200) =>
    renderStaffPage(req, reply, { title: req.t('centre.reception.title'), current: 'quay', styles: ['css/centre.css'] }, body, status);
  const form = (req: any, error?: string) => (
    <form method="post" action={urls.reception(req.unit.slug)}>
      <CsrfField req={req} />
      <TextInput name="reference" label={req.t('centre.reception.reference')} required maxLength={200} error={error} />
      <Button>{req.t('centre.reception.create')}</Button>
    </form>
  );

  app.get('/quan-tri/:unit/quay/tiep-cong-dan', { preHandler: guard, schema: { hide: true } }, (req, reply) =>
    page(req, reply, <div><h1>{req.t('centre.reception.title')}</h1>{form(req)}</div>));

  app.post('/quan-tri/:unit/quay/tiep-cong-dan', { preHandler: guard, schema: { hide: true } }, async (req, reply) => {
    const { fields } = await readForm(req);
    const reference = (fields.reference ?? '').trim();
    if (reference.length < 5 || reference.length > 200) {
      return page(req, reply, <div><h1>{req.t('centre.reception.title')}</h1>{form(req, 'Vui lòng mô tả buổi tiếp (5–200 ký tự).')}</div>, 422);
    }
    const unit = req.unit!;
    const token = await withUnit(app.db, unit.id, async (trx) => {
      const tk = await createReceptionToken(trx, unit.id, reference, req.staff?.userId ?? null);
      await audit(trx, req, { action: 'centre.reception_token.create', entity: 'centre_reception_token', after: { reference } });
      return tk;
    });
    if (!token) throw AppError.badRequest('centre.error.code_not_created');
    const link = `${app.config.publicUrl}${urls.rateReception(unit.slug, token)}`;
    return page(req, reply, (
      <div class="ticket-slip">
        <h1>{req.t('centre.rating.reception_title')}</h1>
        <p>{reference}</p>
        <RawSvg className="ticket-slip__qr" svg={await qrSvg(link, { margin: 1 })} label={req.t('centre.rating.reception_title')} />
        <p><a href={link}>{link}</a></p>
        <Alert kind="info">{req.t('centre.reception.created')}</Alert>
      </div>
    ), 201);
  });
}
