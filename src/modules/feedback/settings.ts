/**
 * Escalation and deadline configuration of a unit (admin page `/quan-tri/{unit}/phan-anh/cau-hinh`):
 * per-category deadlines in working days (overrides of `categories.ts`, table `feedback_deadlines`),
 * the department heads who receive overdue escalations (`feedback_departments`), and the chairman
 * contact with the number of overdue working days before the chairman is told (`feedback_settings`).
 * Every change is one audit entry; the rules cache is invalidated after commit.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { audit } from '../../core/audit.js';
import { withUnit } from '../../core/tenancy.js';
import { CATEGORY_CODES, DEFAULT_CATEGORY_RULES, categoryRules, type CategoryCode } from './categories.js';
import { forgetRules } from './intake.js';
import { loadDeadlineOverrides } from './intake-repo.js';
import { listDepartments } from './org.js';
import { asFeedbackTrx, type FeedbackTrx } from './types.js';

export const DEADLINE_MAX = 90;
export const REMIND_MAX = 30;
export const CHAIRMAN_AFTER_MAX = 30;
export const DEFAULT_CHAIRMAN_AFTER = 3;

export interface DeadlineSetting { category: CategoryCode; workingDays: number; remindDaysBefore: number }
export interface DepartmentHead { code: string; name: string; headName: string | null; headEmail: string | null }
export interface ChairmanSetting { name: string | null; email: string | null; afterDays: number }

export interface FeedbackSettings {
  deadlines: DeadlineSetting[];
  departments: DepartmentHead[];
  chairman: ChairmanSetting;
}

/** field name → i18n key (with its parameters) */
export type SettingErrors = Record<string, { key: string; params?: Record<string, string | number> }>;

/** Form field names, shared by the page and the validation. */
export const fieldName = {
  days: (c: string) => `days-${c}`,
  remind: (c: string) => `remind-${c}`,
  headName: (code: string) => `headName-${code}`,
  headEmail: (code: string) => `headEmail-${code}`,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const text = (v: string | undefined) => (v ?? '').normalize('NFC').trim();

function integer(raw: string | undefined): number | null {
  const s = text(raw);
  return /^\d{1,3}$/.test(s) ? Number(s) : null;
}

/**
 * Validates the posted form against the unit's departments. Pure. Returns the settings to store,
 * or the errors by field (i18n keys: the page shows them in the visitor's language).
 */
export function validateSettings(
  fields: Record<string, string | undefined>, departments: Array<{ code: string; name: string }>,
): { ok: true; value: FeedbackSettings } | { ok: false; errors: SettingErrors } {
  const errors: SettingErrors = {};
  const deadlines: DeadlineSetting[] = [];
  for (const category of CATEGORY_CODES) {
    const days = integer(fields[fieldName.days(category)]);
    const remind = integer(fields[fieldName.remind(category)]);
    const daysOk = days !== null && days >= 1 && days <= DEADLINE_MAX;
    if (!daysOk) errors[fieldName.days(category)] = { key: 'feedback.settings.error.days', params: { max: DEADLINE_MAX } };
    if (remind === null || remind > REMIND_MAX) {
      errors[fieldName.remind(category)] = { key: 'feedback.settings.error.remind', params: { max: REMIND_MAX } };
    } else if (daysOk && remind >= days) {
      errors[fieldName.remind(category)] = { key: 'feedback.settings.error.remindBeforeDeadline' };
    }
    deadlines.push({ category, workingDays: days ?? 0, remindDaysBefore: remind ?? 0 });
  }
  const heads: DepartmentHead[] = departments.map((d) => {
    const headName = text(fields[fieldName.headName(d.code)]) || null;
    const headEmail = text(fields[fieldName.headEmail(d.code)]).toLowerCase() || null;
    if (headName && headName.length > 120) errors[fieldName.headName(d.code)] = { key: 'feedback.settings.error.nameLong' };
    if (headEmail && (headEmail.length > 200 || !EMAIL.test(headEmail))) errors[fieldName.headEmail(d.code)] = { key: 'feedback.settings.error.email' };
    return { code: d.code, name: d.name, headName, headEmail };
  });
  const chairmanName = text(fields.chairmanName) || null;
  const chairmanEmail = text(fields.chairmanEmail).toLowerCase() || null;
  const after = integer(fields.chairmanAfter);
  if (chairmanName && chairmanName.length > 120) errors.chairmanName = { key: 'feedback.settings.error.nameLong' };
  if (chairmanEmail && (chairmanEmail.length > 200 || !EMAIL.test(chairmanEmail))) errors.chairmanEmail = { key: 'feedback.settings.error.email' };
  if (after === null || after < 1 || after > CHAIRMAN_AFTER_MAX) errors.chairmanAfter = { key: 'feedback.settings.error.chairmanAfter', params: { max: CHAIRMAN_AFTER_MAX } };
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { deadlines, departments: heads, chairman: { name: chairmanName, email: chairmanEmail, afterDays: after! } } };
}

/** The unit's current settings: defaults merged with its overrides, every core department listed. */
export async function loadSettings(trx: FeedbackTrx): Promise<FeedbackSettings> {
  const rules = categoryRules(await loadDeadlineOverrides(trx));
  const core = await listDepartments(trx);
  const stored = new Map((await trx.selectFrom('feedback_departments').selectAll().execute()).map((d) => [d.code, d]));
  const s = await trx.selectFrom('feedback_settings').selectAll().executeTakeFirst();
  return {
    deadlines: CATEGORY_CODES.map((c) => ({ category: c, workingDays: rules[c].deadlineDays, remindDaysBefore: rules[c].remindDaysBefore })),
    departments: core.map((d) => ({ code: d.code, name: d.name, headName: stored.get(d.code)?.head_name ?? null, headEmail: stored.get(d.code)?.head_email ?? null })),
    chairman: { name: s?.chairman_name ?? null, email: s?.chairman_email ?? null, afterDays: s?.chairman_after_days ?? DEFAULT_CHAIRMAN_AFTER },
  };
}

export const loadUnitSettings = (db: Kysely<any>, unitId: string) => withUnit(db, unitId, (raw) => loadSettings(asFeedbackTrx(raw)));
export const unitDepartments = (db: Kysely<any>, unitId: string) => withUnit(db, unitId, (raw) => listDepartments(raw));

/**
 * Stores what changed, one audit entry per changed deadline, department head or chairman contact,
 * in one transaction. A deadline equal to the default is stored as "no override". Returns the
 * number of changes.
 */
export async function saveSettings(db: Kysely<any>, who: FastifyRequest, unitId: string, next: FeedbackSettings): Promise<number> {
  const changes = await withUnit(db, unitId, async (raw) => {
    const trx = asFeedbackTrx(raw);
    const current = await loadSettings(trx);
    let n = 0;
    for (const d of next.deadlines) {
      const before = current.deadlines.find((x) => x.category === d.category)!;
      if (before.workingDays === d.workingDays && before.remindDaysBefore === d.remindDaysBefore) continue;
      const def = DEFAULT_CATEGORY_RULES[d.category];
      if (def.deadlineDays === d.workingDays && def.remindDaysBefore === d.remindDaysBefore) {
        await trx.deleteFrom('feedback_deadlines').where('category', '=', d.category).execute();
      } else {
        await trx.insertInto('feedback_deadlines')
          .values({ unit_id: unitId, category: d.category, working_days: d.workingDays, remind_days_before: d.remindDaysBefore })
          .onConflict((oc) => oc.columns(['unit_id', 'category']).doUpdateSet({ working_days: d.workingDays, remind_days_before: d.remindDaysBefore }))
          .execute();
      }
      await audit(trx, who, {
        action: 'feedback.settings.deadline', entity: 'feedback_deadline', entityId: d.category, unitId,
        before: { working_days: before.workingDays, remind_days_before: before.remindDaysBefore },
        after: { working_days: d.workingDays, remind_days_before: d.remindDaysBefore },
      });
      n++;
    }
    for (const d of next.departments) {
      const before = current.departments.find((x) => x.code === d.code);
      if (!before || (before.headName === d.headName && before.headEmail === d.headEmail)) continue;
      await trx.insertInto('feedback_departments')
        .values({ unit_id: unitId, code: d.code, name: before.name, head_name: d.headName, head_email: d.headEmail })
        .onConflict((oc) => oc.columns(['unit_id', 'code']).doUpdateSet({ name: before.name, head_name: d.headName, head_email: d.headEmail }))
        .execute();
      await audit(trx, who, {
        action: 'feedback.settings.department', entity: 'feedback_department', entityId: d.code, unitId,
        before: { head_name: before.headName, head_email: before.headEmail }, after: { head_name: d.headName, head_email: d.headEmail },
      });
      n++;
    }
    const c = next.chairman;
    const b = current.chairman;
    if (b.name !== c.name || b.email !== c.email || b.afterDays !== c.afterDays) {
      await trx.insertInto('feedback_settings')
        .values({ unit_id: unitId, chairman_name: c.name, chairman_email: c.email, chairman_after_days: c.afterDays })
        .onConflict((oc) => oc.column('unit_id').doUpdateSet({ chairman_name: c.name, chairman_email: c.email, chairman_after_days: c.afterDays }))
        .execute();
      await audit(trx, who, {
        action: 'feedback.settings.chairman', entity: 'feedback_settings', entityId: unitId, unitId,
        before: { chairman_name: b.name, chairman_email: b.email, chairman_after_days: b.afterDays },
        after: { chairman_name: c.name, chairman_email: c.email, chairman_after_days: c.afterDays },
      });
      n++;
    }
    return n;
  });
  // After commit, so that no request can refill the cache from the old rows.
  forgetRules(unitId);
  return changes;
}
