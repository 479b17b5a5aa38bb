/**
 * The `dueRecomputation` provider: how the calendar module asks the dossiers module to recount
 * open due dates after an official holiday table is imported (the dossiers module owns its tables).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/audit.js';
import { makeDeps } from './deps.js';
import { type DueChange, type DueChangeRow, listDueChanges, recomputeOpenDueDates } from './recompute-due.js';

export interface DueRecomputation {
  /** Recounts the open dossiers decided by `unitIds` on their current calendars; the moved ones. */
  recompute(db: Kysely<any>, unitIds: string[], opts: { reason: string; actor: Actor }): Promise<DueChange[]>;
  /** The latest recorded changes of the units, newest first. */
  latest(db: Kysely<any>, unitIds: string[], limit?: number): Promise<DueChangeRow[]>;
}

export const dueRecomputation: DueRecomputation = {
  recompute: (db, unitIds, opts) => recomputeOpenDueDates(makeDeps(db), unitIds, opts),
  latest: (db, unitIds, limit) => listDueChanges(db, unitIds, limit),
};
