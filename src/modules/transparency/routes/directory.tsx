import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { withUnit } from '../../../core/tenancy.js';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { buildVCard, buildVCards, type VCardPerson } from '../lib/vcard.js';
import { deleteDirectoryEntry, getDirectoryEntry, insertDirectoryEntry, listDirectory, updateDirectoryEntry, type DirectoryEntry } from '../repo-directory.js';
import { parseDirectoryForm } from '../validate.js';
import { DirectoryPage } from '../views/directory-page.js';
import { DirectoryForm, StaffDirectoryPage } from '../views/staff-directory.js';
import { translateErrors } from '../views/shared.js';
import { bodyOf, EDITORS, flashOf, item, publicPage, staffPage, uuidParam } from './context.js';
import { unitOf } from '../../../core/http/forms.js';
import { query, Q, type QueryOf } from '../../../core/http/query.js';

const toPerson = (e: DirectoryEntry, organisation: string): VCardPerson => ({
  id: e.id, fullName: e.full_name, title: e.title, duties: e.duties, organisation, department: e.department, phone: e.phone, email: e.email,
});

const DirectoryItem = Type.Object({
  id: Type.String(), grouping: Type.String(), department: Type.Union([Type.String(), Type.Null()]), full_name: Type.String(),
  title: Type.String(), duties: Type.String(), phone: Type.Union([Type.String(), Type.Null()]), email: Type.Union([Type.String(), Type.Null()]),
  vcard_url: Type.String(),
});

/** `?phien-ban=4.0` asks for vCard 4.0 (3.0 otherwise: older phones read only that). */
const VCARD_QUERY = query({ 'phien-ban': Q.text(10) });

export async function directoryRoutes(app: FastifyInstance): Promise<void> {
  app.get('/:unit/danh-ba', { schema: { hide: true } }, async (req, reply) => {
    const u = unitOf(req);
    const [entries, published] = await withUnit(app.db, u.id, async (trx) => [await listDirectory(trx), await item(trx, 'directory')] as const);
    return publicPage(req, reply, { title: req.t('transparency.directory.title'), current: 'danh-ba' }, <DirectoryPage req={req} entries={entries} item={published} />);
  });

  const vcard = { schema: { hide: true, querystring: VCARD_QUERY } };
  app.get<{ Querystring: QueryOf<typeof VCARD_QUERY> }>('/:unit/danh-ba/:id.vcf', vcard, async (req, reply) => {
    const u = unitOf(req);
    const version = req.query['phien-ban'] === '4.0' ? '4.0' : '3.0';
    const id = (req.params as Record<string, string>).id;
    if (id === 'tat-ca') {
      const entries = await withUnit(app.db, u.id, listDirectory);
      return sendVCard(reply, `danh-ba-${u.slug}.vcf`, buildVCards(entries.map((e) => toPerson(e, u.name)), version));
    }
    const entryId = uuidParam(req);
    const entry = await withUnit(app.db, u.id, (trx) => getDirectoryEntry(trx, entryId));
    if (!entry) throw AppError.notFound('transparency.error.not_found');
    return sendVCard(reply, `${entry.id}.vcf`, buildVCard(toPerson(entry, u.name), version));
  });

  app.get('/api/v1/units/:unit/directory', {
    schema: {
      tags: ['transparency'], summary: 'Danh bạ điện thoại của đơn vị',
      response: { 200: Type.Object({ unit: Type.String(), hotline: Type.Union([Type.String(), Type.Null()]), items: Type.Array(DirectoryItem) }) },
    },
  }, async (req) => {
    const u = unitOf(req);
    const entries = await withUnit(app.db, u.id, listDirectory);
    return {
      unit: u.slug, hotline: u.hotline,
      items: entries.map((e) => ({ id: e.id, grouping: e.grouping, department: e.department, full_name: e.full_name, title: e.title,
        duties: e.duties, phone: e.phone, email: e.email, vcard_url: `/${u.slug}/danh-ba/${e.id}.vcf` })),
    };
  });

  staffDirectoryRoutes(app);
}

function sendVCard(reply: import('fastify').FastifyReply, fileName: string, body: string) {
  return reply.type('text/vcard; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(body);
}

function staffDirectoryRoutes(app: FastifyInstance): void {
  const guard = { preHandler: app.requireStaff([...EDITORS]), schema: { hide: true } };
  const base = (slug: string) => `/quan-tri/${slug}/danh-ba`;
  const title = (req: import('fastify').FastifyRequest) => req.t('transparency.directory.staff_title');

  app.get('/quan-tri/:unit/danh-ba', guard, async (req, reply) => {
    const entries = await withUnit(app.db, unitOf(req).id, listDirectory);
    return staffPage(req, reply, { title: title(req), current: 'danh-ba' }, <StaffDirectoryPage req={req} entries={entries} flash={flashOf(req)} />);
  });

  app.post('/quan-tri/:unit/danh-ba', guard, async (req, reply) => {
    const u = unitOf(req);
    const parsed = parseDirectoryForm(bodyOf(req), req.t);
    if (!parsed.ok) {
      const entries = await withUnit(app.db, u.id, listDirectory);
      return staffPage(req, reply, { title: title(req), current: 'danh-ba' },
        <StaffDirectoryPage req={req} entries={entries} errors={translateErrors(req, parsed.errors)} values={parsed.values} />, 422);
    }
    await withUnit(app.db, u.id, async (trx) => {
      const created = await insertDirectoryEntry(trx, u.id, parsed.value);
      await audit(trx, req, { action: 'transparency.directory.create', entity: 'directory_entry', entityId: created.id, after: parsed.value });
    });
    return reply.redirect(`${base(u.slug)}?da-luu=1`, 303);
  });

  app.get('/quan-tri/:unit/danh-ba/:id', guard, async (req, reply) => {
    const u = unitOf(req);
    const entry = await withUnit(app.db, u.id, (trx) => getDirectoryEntry(trx, uuidParam(req)));
    if (!entry) throw AppError.notFound('transparency.error.not_found');
    return staffPage(req, reply, { title: req.t('transparency.directory.edit'), current: 'danh-ba' }, (
      <><h1>{req.t('transparency.directory.edit')}</h1>
        <DirectoryForm req={req} action={`${base(u.slug)}/${entry.id}`} values={entry as any} submit={req.t('transparency.common.save')} /></>
    ));
  });

  app.post('/quan-tri/:unit/danh-ba/:id', guard, async (req, reply) => {
    const u = unitOf(req);
    const id = uuidParam(req);
    const parsed = parseDirectoryForm(bodyOf(req), req.t);
    if (!parsed.ok) {
      return staffPage(req, reply, { title: req.t('transparency.directory.edit'), current: 'danh-ba' }, (
        <><h1>{req.t('transparency.directory.edit')}</h1>
          <DirectoryForm req={req} action={`${base(u.slug)}/${id}`} values={parsed.values} errors={translateErrors(req, parsed.errors)} submit={req.t('transparency.common.save')} /></>
      ), 422);
    }
    await withUnit(app.db, u.id, async (trx) => {
      const before = await getDirectoryEntry(trx, id);
      if (!before) throw AppError.notFound('transparency.error.not_found');
      await updateDirectoryEntry(trx, id, parsed.value);
      await audit(trx, req, { action: 'transparency.directory.update', entity: 'directory_entry', entityId: id, before, after: parsed.value });
    });
    return reply.redirect(`${base(u.slug)}?da-luu=1`, 303);
  });

  app.post('/quan-tri/:unit/danh-ba/:id/xoa', guard, async (req, reply) => {
    const u = unitOf(req);
    const id = uuidParam(req);
    await withUnit(app.db, u.id, async (trx) => {
      const before = await getDirectoryEntry(trx, id);
      if (!before || !(await deleteDirectoryEntry(trx, id))) throw AppError.notFound('transparency.error.not_found');
      await audit(trx, req, { action: 'transparency.directory.delete', entity: 'directory_entry', entityId: id, before });
    });
    return reply.redirect(`${base(u.slug)}?da-luu=1`, 303);
  });
}
