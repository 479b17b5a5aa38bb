import type { FastifyInstance, FastifyRequest } from 'fastify';
import { centreSurveyPath } from '../surveys/index.js';

/**
 * The centre's satisfaction survey for a citizen who was just served (through the surveys
 * module's service), or null when none is published or the surveys module is not installed.
 */
export async function surveyLink(app: FastifyInstance, req: FastifyRequest): Promise<string | null> {
  try {
    return await centreSurveyPath(app.db, req.unit!.id, req.unit!.slug);
  } catch (err) {
    req.log.warn({ err }, 'centre: survey link unavailable');
    return null;
  }
}
