/** Weekly intake register of the Fatherland Front, mass organisations and residential groups. */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { withUnit } from '../../core/tenancy.js';
import { ORGANISATIONS } from './categories.js';
import { type IsoWeek, isoWeekOf, lastWeeks } from '../../lib/vn-calendar/index.js';
import { coverage, type CoverageRow } from './coverage.js';
import { listResidentialGroups } from './org.js';
import { asFeedbackTrx, type FeedbackTrx } from './types.js';

export interface IntakeGroup {
  kind: 'residential_group' | 'organisation';
  code: string;
  name: string;
}

/** Organisation names are i18n keys (`feedback.org.<code>`); the caller translates. */
export async function intakeGroups(trx: FeedbackTrx, translate: (key: string) => string): Promise<IntakeGroup[]> {
  const groups = await listResidentialGroups(trx);
  return [
    ...ORGANISATIONS.map((code) => ({ kind: 'organisation' as const, code, name: translate(`feedback.org.${code}`) })),
    ...groups.map((g) => ({ kind: 'residential_group' as const, code: g.code, name: g.name })),
  ];
}

export interface IntakeRecord {
  week: IsoWeek;
  groupKind: IntakeGroup['kind'];
  groupCode: string;
  metOn: string | null;
  noNewItems: boolean;
  itemsCount: number;
  notes: string | null;
}

/** Record (or correct) one group's intake for one week; audited. */
export async function recordIntake(
  db: Kysely<any>, who: FastifyRequest, unitId: string, rec: IntakeRecord, translate: (key: string) => string,
): Promise<string> {
  if (rec.metOn && (isoWeekOf(rec.metOn).week !== rec.week.week || isoWeekOf(rec.metOn).year !== rec.week.year)) {
    throw AppError.unprocessable('feedback.error.meeting_outside_week', { field: 'metOn' });
  }
  if (!rec.noNewItems && rec.itemsCount < 1 && !rec.metOn) {
    throw AppError.unprocessable('feedback.error.meeting_or_nothing', { field: 'metOn' });
  }
  return withUnit(db, unitId, async (raw) => {
    const trx = asFeedbackTrx(raw);
    const group = (await intakeGroups(trx, translate)).find((g) => g.kind === rec.groupKind && g.code === rec.groupCode);
    if (!group) throw AppError.unprocessable('feedback.error.bad_group', { field: 'group' });
    const values = {
      unit_id: unitId, iso_year: rec.week.year, iso_week: rec.week.week, group_kind: group.kind, group_code: group.code,
      group_name: group.name, met_on: rec.metOn, no_new_items: rec.noNewItems, items_count: rec.itemsCount,
      notes: rec.notes, recorded_by: who.staff?.userId ?? null,
    };
    const row = await trx.insertInto('feedback_intakes').values(values)
      .onConflict((oc) => oc.columns(['unit_id', 'iso_year', 'iso_week', 'group_kind', 'group_code']).doUpdateSet({
        met_on: values.met_on, no_new_items: values.no_new_items, items_count: values.items_count, notes: values.notes,
        recorded_by: values.recorded_by, recorded_at: new Date(),
      }))
      .returning('id').executeTakeFirstOrThrow();
    await audit(trx, who, { action: 'feedback.intake.record', entity: 'feedback_intake', entityId: row.id, unitId, after: values });
    return row.id;
  });
}

/** Coverage of the `count` weeks ending with the week of `today`. */
export async function intakeCoverage(
  trx: FeedbackTrx, today: string, count: number, translate: (key: string) => string,
): Promise<{ weeks: IsoWeek[]; rows: CoverageRow[] }> {
  const weeks = lastWeeks(today, count);
  const groups = await intakeGroups(trx, translate);
  const recorded = await trx.selectFrom('feedback_intakes')
    .select(['group_kind', 'group_code', 'iso_year', 'iso_week'])
    .where((eb) => eb.or([
      eb('iso_year', '>', weeks[0].year),
      eb.and([eb('iso_year', '=', weeks[0].year), eb('iso_week', '>=', weeks[0].week)]),
    ]))
    .execute();
  return { weeks, rows: coverage(groups, recorded, weeks) };
}

/** (group, week) pairs expected and recorded in `year`, up to the week of `today`. */
export async function intakeCoverageForYear(trx: FeedbackTrx, _unitId: string, year: number, today: string) {
  const groups = await intakeGroups(trx, (k) => k);
  const lastDay = today < `${year}-12-28` ? today : `${year}-12-28`;
  const weekCount = isoWeekOf(lastDay).year === year ? isoWeekOf(lastDay).week : 0;
  const recorded = await trx.selectFrom('feedback_intakes').select(['group_kind', 'group_code', 'iso_week'])
    .where('iso_year', '=', year).where('iso_week', '<=', weekCount).execute();
  const known = new Set(groups.map((g) => `${g.kind}|${g.code}`));
  const distinct = new Set(recorded.filter((r) => known.has(`${r.group_kind}|${r.group_code}`)).map((r) => `${r.group_kind}|${r.group_code}|${r.iso_week}`));
  return { expected: groups.length * weekCount, recorded: distinct.size };
}
