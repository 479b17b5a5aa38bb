import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { TimeLimit, TimeLimitKind } from '../../../lib/vn-calendar/index.js';

/**
 * The procedures a counter officer can pick, from the shipped reference list
 * (data/reference/procedures.json, the same file the catalogue module imports), each with its
 * time limit in its own unit (docs/deadlines.md): "immediate" = same day, "working_day" =
 * working days, "day" = calendar days (Civil Code art. 147–148), "working_hour" = working hours.
 */
export interface ProcedureChoice {
  key: string; name: string; field: string;
  /** The limit's value (days or hours; 0 for same day). */
  workingDays: number;
  limit: TimeLimit;
  /** The procedure's cut-off 'HH:MM', or null. */
  cutoff: string | null;
  documents: string[];
}

const KIND_OF_UNIT: Record<string, TimeLimitKind> = {
  immediate: 'same_day', working_day: 'working_days', day: 'calendar_days', working_hour: 'working_hours',
};

/** Fields whose same-day procedures carry the sector's 15:00 cut-off (Decree 23/2015 art. 7; Decree 123/2015). */
const SAME_DAY_CUTOFF_FIELDS = /hộ tịch|chứng thực/i;

/**
 * The time limit and cut-off of a procedure from its catalogue processing time.
 * @example limitOfProcessing({ value: 0, unit: 'immediate' }, 'Hộ tịch') // { limit: same_day, cutoff: '15:00' }
 */
export function limitOfProcessing(
  p: { value: number; unit: string; cutoff?: string | null; note?: string | null } | undefined, field: string,
): { limit: TimeLimit; cutoff: string | null } {
  const kind = KIND_OF_UNIT[p?.unit ?? ''] ?? 'working_days';
  const value = kind === 'same_day' ? 0 : Math.max(0, Math.round(p?.value ?? 0));
  const stated = p?.cutoff ?? (/\b15\s*(giờ|h)/i.test(p?.note ?? '') ? '15:00' : null);
  const cutoff = stated ?? (kind === 'same_day' && SAME_DAY_CUTOFF_FIELDS.test(field) ? '15:00' : null);
  return { limit: { kind: value === 0 && kind !== 'calendar_days' ? 'same_day' : kind, value }, cutoff };
}

const FILE = fileURLToPath(new URL('../../../../data/reference/procedures.json', import.meta.url));
let cache: ProcedureChoice[] | null = null;

interface RefProcedure {
  id: string; name: string; field: string; documents?: string[];
  processing_time?: { value: number; unit: string; cutoff?: string | null; note?: string | null };
}

export function procedureChoices(): ProcedureChoice[] {
  if (cache) return cache;
  const json = JSON.parse(readFileSync(FILE, 'utf8')) as { procedures: RefProcedure[] };
  cache = json.procedures.map((p) => {
    const { limit, cutoff } = limitOfProcessing(p.processing_time, p.field);
    return { key: p.id, name: p.name, field: p.field, workingDays: limit.value, limit, cutoff, documents: p.documents ?? [] };
  });
  return cache;
}

export const findProcedureChoice = (key: string) => procedureChoices().find((p) => p.key === key) ?? null;
