import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AppError } from '../../core/errors.js';
import { unitRowOf, yearParam } from './context.js';
import * as repo from './repo.js';
import { cityRanking, rubricOf, scorecardOf, type UnitScorecard } from './service.js';
import { RubricBody } from './rubric/schema.js';

const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);
const Text = Type.Object({ vi: Type.String(), en: Type.String() });
const YearQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2020, maximum: 2100 })) });
const CityQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2020, maximum: 2100 })), parent: Type.Optional(Type.String({ maxLength: 100 })) });

const IndicatorOut = Type.Object({
  key: Type.String(), label: Text, source: Type.String(), value: Nullable(Type.Number()),
  numerator: Type.Optional(Type.Number()), denominator: Type.Optional(Type.Number()), unit: Type.Optional(Type.String()),
  formula: Type.Optional(Text), points: Type.Number(), max: Type.Number(),
  status: Type.Union(['met', 'partial', 'not_met', 'not_measured', 'pending'].map((s) => Type.Literal(s))),
  origin: Type.Optional(Type.String()), drillDown: Type.Optional(Type.String()), note: Type.Optional(Type.String()),
});
const CriterionOut = Type.Object({ id: Type.String(), number: Type.Integer(), title: Text, points: Type.Number(), max: Type.Number(), percent: Type.Number(), indicators: Type.Array(IndicatorOut) });
const NationalOut = Type.Object({
  estimate: Type.Literal(true), points: Type.Number(), measuredMax: Type.Number(), max: Type.Number(),
  groups: Type.Array(Type.Object({ key: Type.String(), label: Text, max: Type.Number(), points: Nullable(Type.Number()), basedOn: Type.Array(Type.String()) })),
});
const UnitOut = Type.Object({ slug: Type.String(), name: Type.String(), type: Type.String() });
const ScorecardOut = Type.Object({
  year: Type.Integer(), unit: UnitOut, level: Type.Integer({ minimum: 0, maximum: 4 }), points: Type.Number(), max: Type.Number(), percent: Type.Number(),
  measured: Type.Integer(), total: Type.Integer(), finalised: Type.Boolean(), rubric: Type.Object({ key: Type.String(), version: Type.Integer() }),
  criteria: Type.Array(CriterionOut), national: NationalOut,
});
const RankingOut = Type.Object({
  year: Type.Integer(), parent: UnitOut, rubric: Type.Object({ key: Type.String(), version: Type.Integer() }),
  distribution: Type.Object({ 0: Type.Integer(), 1: Type.Integer(), 2: Type.Integer(), 3: Type.Integer(), 4: Type.Integer() }),
  units: Type.Array(Type.Object({
    rank: Type.Integer(), unit: UnitOut, level: Type.Integer(), points: Type.Number(), max: Type.Number(), percent: Type.Number(),
    measured: Type.Integer(), total: Type.Integer(), finalised: Type.Boolean(),
    criteria: Type.Array(Type.Object({ id: Type.String(), points: Type.Number(), max: Type.Number() })),
  })),
});

const unitOut = (u: { slug: string; name: string; type: string }) => ({ slug: u.slug, name: u.name, type: u.type });

export function scorecardJson(c: UnitScorecard): Static<typeof ScorecardOut> {
  return {
    year: c.year, unit: unitOut(c.unit), level: c.level, points: c.points, max: c.max, percent: c.percent, measured: c.measured, total: c.total,
    finalised: c.finalised, rubric: c.rubric, criteria: c.criteria, national: { estimate: true, ...c.national },
  };
}

/** The city named by `parent` (a slug), or the installation's only city. */
async function cityOf(db: FastifyInstance['db'], slug: string | undefined): Promise<repo.UnitRow> {
  if (slug) {
    const u = await repo.unitBySlug(db, slug);
    if (!u || u.type !== 'city') throw AppError.notFound('scoring.error.city_not_found');
    return u;
  }
  const city = await repo.firstCitySlug(db);
  if (city === null) throw AppError.notFound('scoring.error.no_city');
  return cityOf(db, city);
}

export function registerApiRoutes(app: FastifyInstance): void {
  app.get('/api/v1/units/:unit/scorecard', {
    schema: { tags: ['scoring'], summary: 'Scorecard of a unit for a year (criteria, indicators, level)', params: Type.Object({ unit: Type.String() }),
      querystring: YearQuery, response: { 200: ScorecardOut } },
  }, async (req) => {
    const unit = await unitRowOf(req);
    if (unit.type === 'city') throw AppError.notFound('scoring.error.city_no_scorecard');
    return scorecardJson(await scorecardOf(app.db, unit, yearParam(req.query)));
  });
  app.get('/api/v1/units/:unit/rubric', {
    schema: { tags: ['scoring'], summary: 'The rubric a unit is scored with (its city\'s latest, else the default)', params: Type.Object({ unit: Type.String() }),
      response: { 200: Type.Intersect([RubricBody, Type.Object({ key: Type.String(), version: Type.Integer() })]) } },
  }, async (req) => rubricOf(app.db, await unitRowOf(req)));
  app.get<{ Querystring: Static<typeof CityQuery> }>('/api/v1/scorecards', {
    schema: { tags: ['scoring'], summary: 'All units of a city ranked with the same rubric', querystring: CityQuery, response: { 200: RankingOut } },
  }, async (req) => {
    const q = req.query;
    const city = await cityOf(app.db, q.parent);
    const r = await cityRanking(app.db, city, yearParam(q));
    return {
      year: r.year, parent: unitOut(city), rubric: r.rubric, distribution: r.distribution,
      units: r.units.map((c) => ({
        rank: c.rank, unit: unitOut(c.unit), level: c.level, points: c.points, max: c.max, percent: c.percent, measured: c.measured, total: c.total,
        finalised: c.finalised, criteria: c.criteria.map((k) => ({ id: k.id, points: k.points, max: k.max })),
      })),
    };
  });
}

export type ScorecardRequest = FastifyRequest<{ Params: { unit: string }; Querystring: Static<typeof YearQuery> }>;
