import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AppError } from '../../core/errors.js';
import { inUnit, READER_ROLES, staffName, WRITER_ROLES } from './context.js';
import { HONORIFICS } from './domain/honorific.js';
import { LETTER_KINDS, paddedLetterNumber } from './domain/kinds.js';
import { CHANNELS, createLetter, STATUSES } from './letters-service.js';
import { CONTENT_TYPES, documentOfLetter, letterFileName, letterFileUrls, renderLetter } from './print.js';
import * as repo from './repo-letters.js';
import type { LetterRow } from './repo-letters.js';
import { filterOf, LETTER_QUERY } from './routes-letters.js';
import { unitOf } from '../../core/http/forms.js';

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const UnitParams = Type.Object({ unit: Type.String() });
const FileParams = Type.Object({ unit: Type.String(), file: Type.String({ pattern: '^[0-9a-fA-F-]{36}\\.(pdf|docx)$' }) });

const CreateLetter = Type.Object({
  kind: lit(LETTER_KINDS),
  recipient_name: Type.String({ minLength: 1, maxLength: 200 }),
  gender: Type.Optional(lit(['male', 'female'] as const)),
  birth_year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
  honorific: Type.Optional(lit(HONORIFICS)),
  address: Type.Optional(Type.String({ maxLength: 300 })),
  email: Type.Optional(Type.String({ maxLength: 200 })),
  phone: Type.Optional(Type.String({ maxLength: 30 })),
  channel: Type.Optional(lit(CHANNELS)),
  fields: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z_]{1,40}$' }), Type.String({ maxLength: 2000 }))),
  source_ref: Type.Optional(Type.String({ maxLength: 100 })),
  subject: Type.Optional(Type.String({ maxLength: 500 })),
  body: Type.Optional(Type.String({ maxLength: 20000 })),
  with_signature: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

const Letter = Type.Object({
  id: Type.String(), kind: Type.String(), year: Type.Integer(), seq: Type.Integer(),
  number: Type.String({ description: 'Số, ký hiệu, e.g. 05/TCM-UBND' }), status: lit(STATUSES), channel: Type.String(),
  honorific: Type.String(), recipient_name: Type.String(), subject: Type.String(), body: Type.String(), issued_on: Type.String(),
  pdf_url: Type.String(), docx_url: Type.String(),
});


function toJson(unitSlug: string, l: LetterRow) {
  return {
    id: l.id, kind: l.kind, year: l.year, seq: l.seq, number: paddedLetterNumber(l.kind, l.seq),
    status: l.status, channel: l.channel, honorific: l.honorific, recipient_name: l.recipient_name, subject: l.subject, body: l.body,
    issued_on: l.issued_on, ...letterFileUrls(unitSlug, l.id),
  };
}

export function registerApiRoutes(app: FastifyInstance): void {
  app.post('/api/v1/units/:unit/letters', {
    preHandler: app.requireStaff([...WRITER_ROLES]),
    schema: { tags: ['outreach'], summary: 'Create a letter in the register (numbered per kind and year)', params: UnitParams, body: CreateLetter, response: { 201: Letter } },
  }, async (req, reply) => {
    const b = req.body as Static<typeof CreateLetter>;
    const l = await inUnit(req, (trx) => createLetter(trx, req, unitOf(req), {
      kind: b.kind, recipientName: b.recipient_name, gender: b.gender, birthYear: b.birth_year, honorific: b.honorific,
      address: b.address, email: b.email, phone: b.phone, channel: b.channel, fields: b.fields, source: 'api', sourceRef: b.source_ref,
      subject: b.subject, body: b.body, withSignature: b.with_signature,
    }, new Date(), staffName(req)));
    return reply.code(201).send(toJson(unitOf(req).slug, l));
  });
  app.get('/api/v1/units/:unit/letters', {
    preHandler: app.requireStaff([...READER_ROLES]),
    schema: { tags: ['outreach'], summary: 'Letters of the register (newest first, 100 at most)', params: UnitParams, querystring: LETTER_QUERY, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(Letter) }) } },
  }, async (req) => {
    const { rows, total } = await inUnit(req, (trx) => repo.listLetters(trx, unitOf(req).id, filterOf((req as FastifyRequest<{ Querystring: Static<typeof LETTER_QUERY> }>).query), 100, 0));
    return { total, items: rows.map((l) => toJson(unitOf(req).slug, l)) };
  });
  app.get('/api/v1/units/:unit/letters/:file', {
    preHandler: app.requireStaff([...READER_ROLES]),
    schema: { tags: ['outreach'], summary: 'The letter as PDF or DOCX (Decree 30/2020 layout)', params: FileParams },
  }, async (req, reply) => {
    const { file } = (req as FastifyRequest<{ Params: Static<typeof FileParams> }>).params;
    const [id, format] = file.split('.') as [string, 'pdf' | 'docx'];
    const { letter, doc } = await inUnit(req, (trx) => documentOfLetter(trx, unitOf(req), id));
    if (!letter) throw AppError.notFound('outreach.error.letter_not_found');
    const body = await renderLetter(doc, format);
    return reply.type(CONTENT_TYPES[format]).header('content-disposition', `inline; filename="${letterFileName(letter, format)}"`).send(body);
  });
}
