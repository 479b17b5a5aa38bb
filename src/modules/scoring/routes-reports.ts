import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { renderDocx, renderPdf } from '../../lib/documents/index.js';
import { unitRowOf, yearParam } from './context.js';
import { scorecardWorkbook } from './reports/ranking-xlsx.js';
import { selfAssessmentDocument, type ReportKind } from './reports/self-assessment.js';
import * as repo from './repo.js';
import { rubricOfYear, scorecardOf, type UnitScorecard } from './service.js';

/** The programme starts in 2026 (seed decision): reviews list every year from then on. */
export const PROGRAMME_START = 2026;

const KINDS: Record<string, ReportKind> = { nam: 'annual', 'so-ket': 'midterm', 'tong-ket': 'final' };

function kindParam(query: unknown): ReportKind {
  const raw = (query as Record<string, unknown>)?.loai;
  if (raw === undefined || raw === '') return 'annual';
  const kind = KINDS[String(raw)];
  if (!kind) throw AppError.badRequest('scoring.error.report_kind');
  return kind;
}

async function reportInputs(req: FastifyRequest): Promise<{ unit: repo.UnitRow; card: UnitScorecard; kind: ReportKind; history: UnitScorecard[]; year: number }> {
  const unit = await unitRowOf(req);
  if (unit.type === 'city') throw AppError.notFound();
  const year = yearParam(req.query);
  const kind = kindParam(req.query);
  const card = await scorecardOf(req.server.db, unit, year);
  const history: UnitScorecard[] = [];
  if (kind !== 'annual') {
    for (let y = Math.min(PROGRAMME_START, year); y <= year; y++) history.push(y === year ? card : await scorecardOf(req.server.db, unit, y));
  }
  return { unit, card, kind, history, year };
}

async function sendDocument(req: FastifyRequest, reply: FastifyReply, format: 'pdf' | 'docx') {
  const { unit, card, kind, history, year } = await reportInputs(req);
  const doc = selfAssessmentDocument({ card, rubric: await rubricOfYear(req.server.db, unit, year), kind, history, date: new Date() });
  const buf = format === 'pdf' ? await renderPdf(doc) : await renderDocx(doc);
  const type = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return reply.type(type).header('content-disposition', `attachment; filename="bao-cao-tu-danh-gia-${unit.slug}-${year}-${kind}.${format}"`).send(buf);
}

export function registerReportRoutes(app: FastifyInstance): void {
  const guard = { preHandler: app.requireStaff() };
  app.get('/quan-tri/:unit/tieu-chi/bao-cao.pdf', guard, (req, reply) => sendDocument(req, reply, 'pdf'));
  app.get('/quan-tri/:unit/tieu-chi/bao-cao.docx', guard, (req, reply) => sendDocument(req, reply, 'docx'));
  app.get('/quan-tri/:unit/tieu-chi/bang-diem.xlsx', guard, async (req, reply) => {
    const { unit, card, year } = await reportInputs(req);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="bang-diem-${unit.slug}-${year}.xlsx"`).send(await scorecardWorkbook(card));
  });
}
