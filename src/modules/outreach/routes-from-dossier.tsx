import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { Q, query, withQuery, type QueryOf } from '../../core/http/query.js';
import { readForm, str, unitOf } from '../../core/http/forms.js';
import { renderStaffPage } from '../../web/render.js';
import { LETTER_PROCEDURES, apologisedDossiers, dossierForLetter, dossiersForLetters } from '../dossiers/index.js';
import { inUnit, staffBase, staffName, WRITER_ROLES } from './context.js';
import { letterFromDossier } from './from-dossier.js';
import { createLetter } from './letters-service.js';
import * as repo from './repo-letters.js';
import { DossierPickerPage, type Existing, type PickerKind } from './views/dossier-picker-page.js';

const PICKER_KINDS: PickerKind[] = ['marriage', 'condolence', 'apology'];
const isPickerKind = (v: unknown): v is PickerKind => PICKER_KINDS.includes(v as PickerKind);

const PICKER_QUERY = query({ loai: Q.text(40) });

async function picker(req: FastifyRequest<{ Querystring: QueryOf<typeof PICKER_QUERY> }>, reply: FastifyReply) {
  const kind = req.query.loai;
  if (!isPickerKind(kind)) throw AppError.notFound();
  const unitId = unitOf(req).id;
  const dossiers = kind === 'apology' ? await apologisedDossiers(req.server.db, unitId)
    : await dossiersForLetters(req.server.db, unitId, kind === 'marriage' ? LETTER_PROCEDURES.marriage : LETTER_PROCEDURES.death);
  const made = await inUnit(req, (trx) => repo.lettersBySource(trx, unitId, kind, dossiers.map((d) => d.code)));
  const existing = new Map<string, Existing>(made.map((m) => [m.source_ref as string, m as Existing]));
  const crumbs = [{ label: req.t('outreach.register.title'), href: staffBase(req, 'thu') }];
  return renderStaffPage(req, reply, { title: req.t(`outreach.picker.title_${kind}`), breadcrumbs: crumbs, current: 'thu', styles: ['css/outreach.css'] },
    <DossierPickerPage req={req} kind={kind} dossiers={dossiers} existing={existing} />);
}

/**
 * One click from a dossier to a letter in the register (marriage, apology). A second click on the
 * same dossier opens the letter already made instead of numbering a new one.
 */
async function fromDossier(req: FastifyRequest, reply: FastifyReply) {
  const { fields } = await readForm(req);
  const kind = str(fields.kind);
  if (!isPickerKind(kind)) throw AppError.badRequest('outreach.error.bad_letter_kind');
  const unit = unitOf(req);
  const d = await dossierForLetter(req.server.db, unit.id, str(fields.code));
  if (!d) throw AppError.notFound('outreach.error.dossier_not_found');
  if (kind === 'apology' && !d.apology) throw AppError.conflict('outreach.error.no_apology');
  const id = await inUnit(req, async (trx) => {
    const [made] = await repo.lettersBySource(trx, unit.id, kind, [d.code]);
    if (made) return made.id as string;
    return (await createLetter(trx, req, unit, letterFromDossier(kind, d), new Date(), staffName(req))).id;
  });
  return reply.redirect(`${staffBase(req, 'thu')}/${id}?moi=1`, 303);
}

export function registerFromDossierRoutes(app: FastifyInstance): void {
  const write = { preHandler: app.requireStaff([...WRITER_ROLES]) };
  app.get<{ Querystring: QueryOf<typeof PICKER_QUERY> }>('/quan-tri/:unit/thu/tu-ho-so', withQuery(write, PICKER_QUERY), picker);
  app.post('/quan-tri/:unit/thu/tu-ho-so', write, fromDossier);
}
