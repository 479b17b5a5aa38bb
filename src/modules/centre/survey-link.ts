import type { FastifyInstance, FastifyRequest } from 'fastify';
import { provider } from '../../core/providers.js';

/**
 * The centre's satisfaction survey for a citizen who was just served (the `centreSurvey` provider
 * of the surveys module), or null when none is published or the surveys module is not installed.
 */
export async function surveyLink(app: FastifyInstance, req: FastifyRequest): Promise<string | null> {
  const surveys = provider('centreSurvey');
  return surveys ? surveys.centreSurveyPath(app.db, req.unit!.id, req.unit!.slug) : null;
}
