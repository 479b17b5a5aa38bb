import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { readForm, str, unitOf } from '../../core/http/forms.js';
import { Table } from '../../web/components/display.js';
import { Button, CsrfField, ErrorSummary, TextInput, Textarea } from '../../web/components/forms.js';
import { formatDate } from '../../lib/format.js';
import { renderStaffPage } from '../../web/render.js';
import { inUnit, staffBase, staffName, WRITER_ROLES } from './context.js';
import { letterNumber } from './domain/kinds.js';
import { createLetter } from './letters-service.js';
import * as repo from './repo-letters.js';
import type { InitiativeRow } from './repo-letters.js';

function InitiativesPage({ req, rows, letters, errors, values }: {
  req: FastifyRequest; rows: InitiativeRow[]; letters: Map<string, { id: string; seq: number }>; errors?: Record<string, string>; values?: Record<string, string>;
}) {
  const base = staffBase(req, 'thu');
  return (
    <>
      <h1>{req.t('outreach.initiatives.title')}</h1>
      <Table caption={req.t('outreach.initiatives.title')} rows={rows} empty={req.t('outreach.initiatives.empty')} columns={[
        { header: req.t('outreach.initiatives.recognised_on'), cell: (i) => formatDate(i.recognised_on) },
        { header: req.t('outreach.initiatives.name'), cell: (i) => i.title },
        { header: req.t('outreach.initiatives.citizen'), cell: (i) => i.citizen_name },
        { header: req.t('outreach.picker.letter'), cell: (i) => {
          const l = letters.get(i.id);
          if (l) return <a href={`${base}/${l.id}`}>{req.t('outreach.picker.has_letter', { number: letterNumber('commendation', l.seq) })}</a>;
          return (
            <form method="post" action={`${base}/sang-kien/${i.id}/thu-khen`}>
              <CsrfField req={req} />
              <Button variant="secondary">{req.t('outreach.initiatives.make_letter')}<span class="visually-hidden"> — {i.title}</span></Button>
            </form>
          );
        } },
      ]} />
      <h2>{req.t('outreach.initiatives.add')}</h2>
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={`${base}/sang-kien`}>
        <CsrfField req={req} />
        <TextInput name="title" label={req.t('outreach.initiatives.name')} value={values?.title} error={errors?.title} required maxLength={300} />
        <TextInput name="citizen_name" label={req.t('outreach.initiatives.citizen')} value={values?.citizen_name} error={errors?.citizen_name} required maxLength={200} />
        <Textarea name="description" label={req.t('outreach.initiatives.description')} value={values?.description} rows={3} />
        <TextInput name="recognised_on" type="date" label={req.t('outreach.initiatives.recognised_on')} value={values?.recognised_on} error={errors?.recognised_on} required />
        <Button>{req.t('outreach.initiatives.add')}</Button>
      </form>
    </>
  );
}

async function show(req: FastifyRequest, reply: FastifyReply, errors?: Record<string, string>, values?: Record<string, string>, status = 200) {
  const unitId = unitOf(req).id;
  const { rows, letters } = await inUnit(req, async (trx) => {
    const rows = await repo.listInitiatives(trx, unitId);
    const made = await repo.lettersBySource(trx, unitId, 'commendation', rows.map((r) => r.id));
    return { rows, letters: new Map(made.map((m) => [m.source_ref as string, { id: m.id as string, seq: m.seq as number }])) };
  });
  const crumbs = [{ label: req.t('outreach.register.title'), href: staffBase(req, 'thu') }];
  return renderStaffPage(req, reply, { title: req.t('outreach.initiatives.title'), breadcrumbs: crumbs, current: 'thu', styles: ['css/outreach.css'] },
    <InitiativesPage req={req} rows={rows} letters={letters} errors={errors} values={values} />, status);
}

export function registerInitiativeRoutes(app: FastifyInstance): void {
  const write = { preHandler: app.requireStaff([...WRITER_ROLES]) };
  app.get('/quan-tri/:unit/thu/sang-kien', write, (req, reply) => show(req, reply));
  app.post('/quan-tri/:unit/thu/sang-kien', write, async (req, reply) => {
    const { fields } = await readForm(req);
    const errors: Record<string, string> = {};
    if (!str(fields.title)) errors.title = 'Nhập tên sáng kiến.';
    if (!str(fields.citizen_name)) errors.citizen_name = 'Nhập họ tên người có sáng kiến.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(str(fields.recognised_on))) errors.recognised_on = 'Nhập ngày công nhận.';
    if (Object.keys(errors).length) return show(req, reply, errors, fields, 422);
    await inUnit(req, async (trx) => {
      const i = await repo.insertInitiative(trx, unitOf(req).id, {
        title: str(fields.title).slice(0, 300), citizen_name: str(fields.citizen_name).slice(0, 200), description: str(fields.description).slice(0, 2000), recognised_on: fields.recognised_on,
      });
      await audit(trx, req, { action: 'initiative.create', entity: 'initiative', entityId: i.id, after: { title: i.title } });
    });
    return reply.redirect(staffBase(req, 'thu/sang-kien'), 303);
  });
  app.post('/quan-tri/:unit/thu/sang-kien/:id/thu-khen', write, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const unit = unitOf(req);
    const letterId = await inUnit(req, async (trx) => {
      const i = await repo.getInitiative(trx, unit.id, id);
      if (!i) throw AppError.notFound('outreach.error.initiative_not_found');
      const [made] = await repo.lettersBySource(trx, unit.id, 'commendation', [i.id]);
      if (made) return made.id as string;
      return (await createLetter(trx, req, unit, {
        kind: 'commendation', recipientName: i.citizen_name, source: 'initiative', sourceRef: i.id,
        fields: { sang_kien: i.title, noi_dung: i.description || i.title },
      }, new Date(), staffName(req))).id;
    });
    return reply.redirect(`${staffBase(req, 'thu')}/${letterId}?moi=1`, 303);
  });
}
