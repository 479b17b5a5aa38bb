import type { Kysely } from 'kysely';
import { vnYearBounds } from '../../core/providers.js';
import { withUnit, withUnits } from '../../core/tenancy.js';
import { compareVi } from '../../lib/vn-text/collate.js';
import * as repo from './repo.js';
import { DEFAULT_RUBRIC } from './rubric/default-rubric.js';
import type { Rubric } from './rubric/model.js';
import { elapsedPeriods } from './rubric/rules.js';
import { computeScorecard, type Scorecard } from './scorecard.js';
import { bulkInputs, valuesOfUnits } from './values.js';
import { nationalIndexEstimate, type NationalEstimate } from './national-index.js';

export interface UnitScorecard extends Scorecard {
  /** Estimate of the national service index groups (Decision 766/QĐ-TTg). */
  national: NationalEstimate;
  unit: { id: string; slug: string; name: string; type: string };
  /** True when the year was finalised: rubric and values frozen. */
  finalised: boolean;
  finalisedAt?: Date;
}

/** The rubric a unit is scored with: its city's latest published one, else the default. */
export async function rubricOf(db: Kysely<any>, unit: Pick<repo.UnitRow, 'id' | 'type' | 'parent_id'>): Promise<Rubric> {
  const cityId = unit.type === 'city' ? unit.id : unit.parent_id;
  if (!cityId) return DEFAULT_RUBRIC;
  const published = await withUnit(db, cityId, (trx) => repo.latestCityRubric(trx, cityId));
  return published ? { ...published.body, version: published.version } : DEFAULT_RUBRIC;
}

const unitSummary = (u: repo.UnitRow) => ({ id: u.id, slug: u.slug, name: u.name, type: u.type });

/**
 * Scorecards of several units for one year with one rubric. A finalised year returns what was
 * frozen then, whatever the rubric or the records say now.
 */
export async function scorecardsOf(db: Kysely<any>, units: repo.UnitRow[], year: number, rubric: Rubric, now = new Date()): Promise<UnitScorecard[]> {
  const ids = units.map((u) => u.id);
  // One transaction for the bulk reads (finalised years, manual entries, reported figures).
  const { assessments, bulk } = await withUnits(db, ids, async (trx) => ({
    assessments: await repo.assessments(trx, ids, year), bulk: await bulkInputs(trx, units, year),
  }));
  const frozen = new Map(assessments.map((a) => [a.unit_id,
    { ...(a.scorecard as Omit<UnitScorecard, 'unit' | 'finalised'>), finalisedAt: new Date(a.finalised_at) }]));
  const live = units.filter((u) => !frozen.has(u.id));
  const values = await valuesOfUnits(db, live, year, now, bulk);
  const { from, to } = vnYearBounds(year);
  const elapsed = elapsedPeriods(from, to, now);
  return units.map((u) => {
    const card = frozen.get(u.id);
    if (card) return { ...(card as UnitScorecard), unit: unitSummary(u), finalised: true };
    const v = values.get(u.id)!;
    return { ...computeScorecard(rubric, year, v, elapsed), national: nationalIndexEstimate(v), unit: unitSummary(u), finalised: false };
  });
}

export async function scorecardOf(db: Kysely<any>, unit: repo.UnitRow, year: number, now = new Date()): Promise<UnitScorecard> {
  return (await scorecardsOf(db, [unit], year, await rubricOf(db, unit), now))[0];
}

export interface CityRanking { year: number; rubric: { key: string; version: number }; units: (UnitScorecard & { rank: number })[]; distribution: Record<0 | 1 | 2 | 3 | 4, number> }

/** Every unit of a city scored with the city's rubric, best first (points, then name). */
export async function cityRanking(db: Kysely<any>, city: repo.UnitRow, year: number, now = new Date()): Promise<CityRanking> {
  const [rubric, children] = await Promise.all([rubricOf(db, city), repo.unitsUnder(db, city.id)]);
  const units = children.filter((u) => u.type !== 'city');
  const cards = await scorecardsOf(db, units, year, rubric, now);
  cards.sort((a, b) => b.points - a.points || compareVi(a.unit.name, b.unit.name));
  const distribution = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 } as CityRanking['distribution'];
  for (const c of cards) distribution[c.level]++;
  let rank = 0;
  const ranked = cards.map((c, i) => ({ ...c, rank: i > 0 && cards[i - 1].points === c.points ? rank : (rank = i + 1) }));
  return { year, rubric: { key: rubric.key, version: rubric.version }, units: ranked, distribution };
}

/** Freezes a year: the rubric and the scorecard as computed now. False when it was already finalised. */
export async function finaliseYear(
  db: Kysely<any>, unit: repo.UnitRow, year: number, by: string, onWrite: (trx: repo.Trx) => Promise<void>, now = new Date(),
): Promise<UnitScorecard | null> {
  const rubric = await rubricOf(db, unit);
  const [card] = await scorecardsOf(db, [unit], year, rubric, now);
  if (card.finalised) return null;
  const { unit: _u, finalised: _f, finalisedAt: _a, ...scorecard } = card;
  const ok = await withUnit(db, unit.id, async (trx) => {
    const inserted = await repo.insertAssessment(trx, unit.id, year, rubric, scorecard, by);
    if (inserted) await onWrite(trx);
    return inserted;
  });
  return ok ? { ...card, finalised: true } : null;
}

/** The rubric a year was (or will be) scored with: the frozen one of a finalised year, else the current one. */
export async function rubricOfYear(db: Kysely<any>, unit: repo.UnitRow, year: number): Promise<Rubric> {
  return (await withUnit(db, unit.id, (trx) => repo.assessmentRubric(trx, unit.id, year))) ?? rubricOf(db, unit);
}
