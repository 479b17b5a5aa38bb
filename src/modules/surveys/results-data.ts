import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { inUnit, publicSurvey, surveyById } from './context.js';
import * as repo from './repo.js';
import type { SurveyRow } from './repo.js';
import type { StoredResponse } from './results.js';
import { computeSatisfactionIndex, type SatisfactionIndex } from './satisfaction.js';
import { vnYearStart } from '../../lib/vn-calendar/index.js';
import { currentDefinition, versionDefinitions } from './service.js';
import type { SurveyDefinition } from './types.js';

export interface ResultsData {
  survey: SurveyRow; def: SurveyDefinition; responses: StoredResponse[]; index: SatisfactionIndex; years: number[]; year: number | null;
}

/** `?nam=2026` → 2026; anything else → all years. */
export function yearParam(q: unknown): number | null {
  const y = Number((q as Record<string, unknown> | undefined)?.nam);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null;
}

/**
 * Everything a results page or export needs. Old answers are read with the version they
 * answered (for the index); tallies use the latest definition, matching questions by id.
 */
export async function loadResults(req: FastifyRequest, by: { id: string } | { slug: string }): Promise<ResultsData> {
  const year = yearParam(req.query);
  return inUnit(req, async (trx) => {
    const survey = 'id' in by ? await surveyById(trx, req, by.id) : await publicSurvey(trx, req, by.slug);
    const def = (await currentDefinition(trx, survey)) ?? survey.draft;
    const defs = await versionDefinitions(trx, survey.id);
    const responses = await repo.loadResponses(trx, survey.id, year ? vnYearStart(year) : undefined, year ? vnYearStart(year + 1) : undefined);
    const index = computeSatisfactionIndex(responses.flatMap((r) => {
      const d = defs.get(r.version);
      return d ? [{ definition: d, answers: r.answers }] : [];
    }));
    return { survey, def, responses, index, years: await repo.responseYears(trx, survey.id), year };
  });
}

export function requirePublicResults(d: ResultsData): void {
  if (!d.survey.public_results) throw AppError.notFound('surveys.error.results_private');
}
