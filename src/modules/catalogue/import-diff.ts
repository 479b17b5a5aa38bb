import { slugify } from '../../lib/vn-text/index.js';
import { procedureData } from './row-mapping.js';
import type { Procedure, ProcedureData } from './types.js';
import { changedFields } from './validate.js';

/** One field of a procedure before and after the import (values as stored: strings, lists, objects). */
export interface FieldChange { field: keyof ProcedureData; before: unknown; after: unknown }

export interface ImportDiff {
  added: { name: string; field: string; index: number }[];
  changed: { id: string; name: string; fields: string[]; changes: FieldChange[]; index: number }[];
  /** Published procedures missing from the file (unpublished only if the officer asks). */
  removed: { id: string; name: string }[];
  unchanged: number;
}

/** Fields a national list says nothing about: the unit's own choices, never overwritten. */
const LOCAL_FIELDS = new Set(['counter', 'published', 'needsReview', 'keywords']);

function keysOf(p: Pick<ProcedureData, 'code' | 'referenceId' | 'name'>): string[] {
  return [p.code ? `code:${p.code}` : '', p.referenceId ? `ref:${p.referenceId}` : '', `slug:${slugify(p.name)}`].filter(Boolean);
}

/** Matches incoming procedures to the unit's by code, then reference id, then name. */
export function matchImport(current: Procedure[], incoming: ProcedureData[]): Map<number, Procedure> {
  const index = new Map<string, Procedure>();
  for (const p of current) for (const k of keysOf(p)) if (!index.has(k)) index.set(k, p);
  const matches = new Map<number, Procedure>();
  const used = new Set<string>();
  incoming.forEach((p, i) => {
    const hit = keysOf(p).map((k) => index.get(k)).find((c) => c && !used.has(c.id));
    if (hit) { matches.set(i, hit); used.add(hit.id); }
  });
  return matches;
}

/** What applying `incoming` would do: added, changed (with field names), removed (unpublished). */
export function diffImport(current: Procedure[], incoming: ProcedureData[]): ImportDiff {
  const matches = matchImport(current, incoming);
  const diff: ImportDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  incoming.forEach((p, index) => {
    const existing = matches.get(index);
    if (!existing) return diff.added.push({ name: p.name, field: p.field, index });
    const before = procedureData(existing);
    const after = mergeImported(before, p);
    const fields = changedFields(before, after).filter((f) => !LOCAL_FIELDS.has(f)) as (keyof ProcedureData)[];
    if (fields.length) diff.changed.push({ id: existing.id, name: existing.name, fields, changes: fields.map((f) => ({ field: f, before: before[f], after: after[f] })), index });
    else diff.unchanged += 1;
  });
  const matched = new Set([...matches.values()].map((p) => p.id));
  for (const p of current) if (!matched.has(p.id) && p.published) diff.removed.push({ id: p.id, name: p.name });
  return diff;
}

const orList = (incoming: string[], existing: string[]) => (incoming.length ? incoming : existing);
const orValue = <T>(incoming: T | null, existing: T | null) => (incoming === null || incoming === '' ? existing : incoming);

/**
 * The data to store for a changed procedure: national fields from the file, local fields kept.
 * An empty value in the file (a column the list does not have, a blank cell) never erases what
 * the unit has: papers, steps, legal basis, code, English name, online level stay.
 */
export function mergeImported(existing: ProcedureData, incoming: ProcedureData): ProcedureData {
  return {
    ...incoming,
    referenceId: existing.referenceId,
    slug: existing.slug,
    counter: existing.counter,
    published: existing.published,
    code: orValue(incoming.code, existing.code),
    nameEn: orValue(incoming.nameEn, existing.nameEn),
    documents: orList(incoming.documents, existing.documents),
    steps: orList(incoming.steps, existing.steps),
    legalBasis: orList(incoming.legalBasis, existing.legalBasis),
    sources: orList(incoming.sources, existing.sources),
    onlineLevel: orValue(incoming.onlineLevel, existing.onlineLevel),
    keywords: incoming.keywords.length ? incoming.keywords : existing.keywords,
    fee: {
      ...incoming.fee,
      tiers: incoming.fee.tiers ?? (incoming.fee.amount === existing.fee.amount ? existing.fee.tiers : null),
      // The national list has no online fee: the ward's one stays while the desk fee is unchanged.
      onlineAmount: incoming.fee.onlineAmount ?? (incoming.fee.amount === existing.fee.amount ? existing.fee.onlineAmount ?? null : null),
    },
    needsReview: true,
    reviewNote: 'Cập nhật từ danh mục thủ tục quốc gia; cần cán bộ đối chiếu.',
  };
}
