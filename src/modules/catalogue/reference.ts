import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeeTiers, OnlineLevel, ProcedureData, ProcessingUnit } from './types.js';
import { ONLINE_LEVELS, PROCESSING_UNITS } from './types.js';
import { slugify } from '../../lib/vn-text/index.js';
import { onlineFeeFromNote } from './fees.js';

/** One entry of data/reference/procedures.json (format thanthien.procedures/1). */
export interface ReferenceProcedure {
  id: string;
  code: string | null;
  slug?: string;
  name: string;
  name_en?: string | null;
  field: string;
  processing_time: { value: number; unit: string; note?: string | null };
  /** `online_amount_vnd`: the online-submission fee; when absent, read from the note when it states one. */
  fee: { amount_vnd: number | null; unit?: string | null; tiers?: FeeTiers | null; note?: string | null; online_amount_vnd?: number | null };
  documents: string[];
  steps: string[];
  legal_basis: string[];
  online_level: string | null;
  keywords?: string[];
  sources?: string[];
  needs_review?: boolean;
  /** The shared research file's spelling of needs_review. */
  uncertain?: boolean;
  review_note?: string | null;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const REFERENCE_FILE = path.resolve(here, '../../../data/reference/procedures.json');

export function loadReferenceProcedures(file = REFERENCE_FILE): ReferenceProcedure[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { procedures: ReferenceProcedure[] } | ReferenceProcedure[];
  return Array.isArray(doc) ? doc : doc.procedures;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((s) => String(s).trim()).filter((s) => s.length > 0) : [];

export function referenceToData(r: ReferenceProcedure): ProcedureData {
  const unit = (PROCESSING_UNITS as string[]).includes(r.processing_time.unit) ? (r.processing_time.unit as ProcessingUnit) : 'working_day';
  const online = (ONLINE_LEVELS as (string | null)[]).includes(r.online_level) ? (r.online_level as OnlineLevel) : null;
  const needsReview = r.needs_review ?? r.uncertain ?? true;
  return {
    referenceId: r.id,
    code: r.code ?? null,
    slug: r.slug || slugify(r.name),
    name: r.name.trim(),
    nameEn: r.name_en ?? null,
    field: r.field.trim(),
    processing: { value: unit === 'immediate' ? 0 : Math.max(0, Math.round(r.processing_time.value || 0)), unit, note: r.processing_time.note ?? null },
    fee: {
      amount: r.fee.amount_vnd ?? null, unit: r.fee.unit ?? null, tiers: r.fee.tiers ?? null, note: r.fee.note ?? null,
      onlineAmount: r.fee.online_amount_vnd ?? (r.fee.amount_vnd ? onlineFeeFromNote(r.fee.note) : null),
    },
    documents: strings(r.documents),
    steps: strings(r.steps),
    legalBasis: strings(r.legal_basis),
    keywords: strings(r.keywords),
    sources: strings(r.sources),
    onlineLevel: online,
    counter: null,
    published: true,
    needsReview,
    reviewNote: r.review_note ?? null,
  };
}
