/**
 * Recounting the due dates of open dossiers after the calendar changed (an official holiday
 * table replaced an expected or computed year, docs/deadlines.md): each open dossier of the given
 * deciding units is counted again from its acceptance with its stored limit (unit and value),
 * cut-off and pauses, on the unit's current calendar (computeDue, as at intake). Rows whose due
 * instant changes are updated, get a timeline event and a `dossier_due_changes` row, and are
 * returned for the clerk; one audit entry per unit lists them.
 */
import { sql } from 'kysely';
import { type Actor, audit } from '../../../core/audit.js';
import { withUnit, withUnits } from '../../../core/tenancy.js';
import { formatDateTime } from '../../../lib/format.js';
import { computeDue, dueFields } from '../domain/deadline.js';
import type { DossierRow } from '../domain/types.js';
import { insertEvent, listPauses, updateDossier } from '../repo/dossiers.js';
import type { DossierDeps } from './deps.js';

/** Statuses still waiting for a result: their deadline runs. */
export const OPEN_STATUSES = ['received', 'supplement_requested', 'supplemented', 'processing'] as const;

export interface DueChange {
  code: string;
  unitId: string;
  oldDueAt: Date | null;
  newDueAt: Date | null;
  oldDueDate: string | null;
  newDueDate: string | null;
}

export interface DueChangeRow extends DueChange { reason: string; changedAt: Date }

const showDue = (d: Date | null) => (d ? formatDateTime(d) : '—');
const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Recounts the open dossiers decided by `unitIds` and returns those whose due instant moved.
 * @example await recomputeOpenDueDates(makeDeps(app.db), [wardId], { reason: 'Lịch nghỉ chính thức năm 2027', actor })
 */
export async function recomputeOpenDueDates(
  deps: DossierDeps, unitIds: string[], opts: { reason: string; actor: Actor },
): Promise<DueChange[]> {
  const changes: DueChange[] = [];
  for (const unitId of unitIds) changes.push(...await recomputeUnit(deps, unitId, opts));
  return changes;
}

async function recomputeUnit(deps: DossierDeps, unitId: string, opts: { reason: string; actor: Actor }): Promise<DueChange[]> {
  const rules = await deps.rules(unitId);
  const now = deps.now();
  return withUnit(deps.db, unitId, async (trx) => {
    const open = (await trx.selectFrom('dossiers').selectAll()
      .where('unit_id', '=', unitId).where('status', 'in', [...OPEN_STATUSES])
      .where('accepted_at', 'is not', null).where('result_at', 'is', null)
      .orderBy('code').forUpdate().execute()) as DossierRow[];
    const batchId = (await sql<{ id: string }>`select uuidv7() as id`.execute(trx)).rows[0]!.id;
    const changes: DueChange[] = [];
    for (const d of open) {
      const next = dueFields(computeDue(rules, d, await listPauses(trx, d.id)));
      const moved = !sameInstant(d.due_at, next.due_at);
      if (!moved && next.due_confidence === d.due_confidence) continue;
      const patch: Partial<DossierRow> = { ...next, ...(next.due_date !== d.due_date ? { warned_on: null } : {}) };
      await updateDossier(trx, d.id, patch);
      if (!moved) continue;
      const change: DueChange = {
        code: d.code, unitId, oldDueAt: d.due_at, newDueAt: next.due_at, oldDueDate: d.due_date, newDueDate: next.due_date,
      };
      changes.push(change);
      await insertEvent(trx, d, {
        at: now, action: 'due_recomputed', from_status: d.status, to_status: d.status,
        officer_id: opts.actor.id, officer_name: opts.actor.name,
        note: `${opts.reason}: ${showDue(d.due_at)} → ${showDue(next.due_at)}`,
      });
      await trx.insertInto('dossier_due_changes').values({
        unit_id: unitId, batch_id: batchId, dossier_id: d.id, code: d.code, old_due_at: d.due_at, new_due_at: next.due_at,
        old_due_date: d.due_date, new_due_date: next.due_date, reason: opts.reason, changed_at: now,
      }).execute();
    }
    if (changes.length) {
      await audit(trx, opts.actor, {
        action: 'dossier.due_recomputed', entity: 'dossier_due_changes', entityId: batchId, unitId,
        after: { reason: opts.reason, changes: changes.map((c) => ({ code: c.code, old: c.oldDueDate, new: c.newDueDate })) },
      });
    }
    return changes;
  });
}

/**
 * The latest due-date changes of the given units, newest first (the clerk's list after an import).
 * @example await listDueChanges(app.db, [wardId])
 */
export async function listDueChanges(db: DossierDeps['db'], unitIds: string[], limit = 200): Promise<DueChangeRow[]> {
  if (!unitIds.length) return [];
  return withUnits(db, unitIds, async (trx) => {
    const { rows } = await sql<any>`
      select code, unit_id, old_due_at, new_due_at, old_due_date::text as old_due_date, new_due_date::text as new_due_date,
        reason, changed_at
      from dossier_due_changes where unit_id = any(${unitIds}::uuid[])
      order by changed_at desc, code limit ${limit}`.execute(trx);
    return rows.map((r) => ({
      code: r.code, unitId: r.unit_id, oldDueAt: r.old_due_at, newDueAt: r.new_due_at,
      oldDueDate: r.old_due_date, newDueDate: r.new_due_date, reason: r.reason, changedAt: r.changed_at,
    }));
  });
}
