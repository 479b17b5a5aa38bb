import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The procedures a counter officer can pick, from the shipped reference list
 * (data/reference/procedures.json, the same file the catalogue module imports).
 * "immediate" procedures have 0 working days (same day); calendar-day periods are kept as days.
 */
export interface ProcedureChoice { key: string; name: string; field: string; workingDays: number; documents: string[] }

const FILE = fileURLToPath(new URL('../../../../data/reference/procedures.json', import.meta.url));
let cache: ProcedureChoice[] | null = null;

interface RefProcedure { id: string; name: string; field: string; processing_time?: { value: number; unit: string }; documents?: string[] }

export function procedureChoices(): ProcedureChoice[] {
  if (cache) return cache;
  const json = JSON.parse(readFileSync(FILE, 'utf8')) as { procedures: RefProcedure[] };
  cache = json.procedures.map((p) => ({
    key: p.id, name: p.name, field: p.field,
    workingDays: p.processing_time?.unit === 'immediate' ? 0 : Math.max(0, Math.round(p.processing_time?.value ?? 0)),
    documents: p.documents ?? [],
  }));
  return cache;
}

export const findProcedureChoice = (key: string) => procedureChoices().find((p) => p.key === key) ?? null;
