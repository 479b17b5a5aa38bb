import type { Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { vnYearStart } from '../../lib/vn-calendar/index.js';
import * as repo from './repo.js';
import { computeSatisfactionIndex, type SatisfactionIndex } from './satisfaction.js';
import { versionDefinitions } from './service.js';
import type { SurveyKind } from './types.js';

/**
 * Satisfaction index of a unit for one kind of survey ('centre' or 'government') over one
 * calendar year (Vietnam time), across every survey of that kind; `until` cuts a running year
 * short (responses from then on are not counted). See docs/satisfaction-index.md.
 *
 * @example await satisfactionIndex(app.db, unitId, 'centre', 2026)
 *   → { respondents: 312, index: 78.4, indexCi: { low: 76.1, high: 80.7 }, satisfiedShare: 81.2, ... }
 */
export async function satisfactionIndex(
  db: Kysely<any>, unitId: string, surveyKind: Exclude<SurveyKind, 'custom'>, year: number, until = vnYearStart(year + 1),
): Promise<SatisfactionIndex & { year: number; kind: string }> {
  const result = await withUnit<SatisfactionIndex, repo.SurveyTables>(db, unitId, async (trx) => {
    const surveys = (await repo.listSurveys(trx, unitId)).filter((s) => s.kind === surveyKind);
    const all = [];
    for (const s of surveys) {
      const defs = await versionDefinitions(trx, s.id);
      const responses = await repo.loadResponses(trx, s.id, vnYearStart(year), until);
      all.push(...responses.flatMap((r) => {
        const definition = defs.get(r.version);
        return definition ? [{ definition, answers: r.answers }] : [];
      }));
    }
    return computeSatisfactionIndex(all);
  });
  return { ...result, year, kind: surveyKind };
}
