import type { FeeTiers, OnlineLevel, Procedure, ProcedureData, ProcessingUnit } from './types.js';

/** A catalogue_procedures row as pg returns it (jsonb parsed, bigint as number). */
export interface ProcedureRow {
  id: string;
  unit_id: string;
  short_no: number;
  reference_id: string | null;
  code: string | null;
  slug: string;
  name: string;
  name_en: string | null;
  field: string;
  processing_value: number;
  processing_unit: string;
  processing_note: string | null;
  fee_amount: number | null;
  fee_unit: string | null;
  fee_tiers: FeeTiers | null;
  fee_note: string | null;
  fee_online_amount: number | null;
  documents: string[];
  steps: string[];
  legal_basis: string[];
  keywords: string[];
  sources: string[];
  online_level: string | null;
  counter: string | null;
  published: boolean;
  needs_review: boolean;
  review_note: string | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  version: number;
  updated_at: Date;
  updated_by: string | null;
}

export const PROCEDURE_COLUMNS = [
  'id', 'unit_id', 'short_no', 'reference_id', 'code', 'slug', 'name', 'name_en', 'field',
  'processing_value', 'processing_unit', 'processing_note', 'fee_amount', 'fee_unit', 'fee_tiers', 'fee_note',
  'fee_online_amount',
  'documents', 'steps', 'legal_basis', 'keywords', 'sources', 'online_level', 'counter', 'published',
  'needs_review', 'review_note', 'reviewed_at', 'reviewed_by', 'version', 'updated_at', 'updated_by',
] as const;

/** `7` → `TT007` ("thủ tục" number 7 of the unit). */
export const shortCodeOf = (n: number): string => `TT${String(n).padStart(3, '0')}`;

export function rowToProcedure(r: ProcedureRow): Procedure {
  return {
    id: r.id,
    unitId: r.unit_id,
    shortCode: shortCodeOf(r.short_no),
    referenceId: r.reference_id,
    code: r.code,
    slug: r.slug,
    name: r.name,
    nameEn: r.name_en,
    field: r.field,
    processing: { value: r.processing_value, unit: r.processing_unit as ProcessingUnit, note: r.processing_note },
    fee: {
      amount: r.fee_amount === null ? null : Number(r.fee_amount), unit: r.fee_unit, tiers: r.fee_tiers, note: r.fee_note,
      onlineAmount: r.fee_online_amount == null ? null : Number(r.fee_online_amount),
    },
    documents: r.documents,
    steps: r.steps,
    legalBasis: r.legal_basis,
    keywords: r.keywords,
    sources: r.sources,
    onlineLevel: r.online_level as OnlineLevel | null,
    counter: r.counter,
    published: r.published,
    needsReview: r.needs_review,
    reviewNote: r.review_note,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
    version: r.version,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

/** Column values for insert/update (jsonb columns as JSON text). */
export function dataToColumns(d: ProcedureData): Record<string, unknown> {
  return {
    reference_id: d.referenceId,
    code: d.code,
    slug: d.slug,
    name: d.name,
    name_en: d.nameEn,
    field: d.field,
    processing_value: d.processing.value,
    processing_unit: d.processing.unit,
    processing_note: d.processing.note,
    fee_amount: d.fee.amount,
    fee_unit: d.fee.unit,
    fee_tiers: d.fee.tiers === null ? null : JSON.stringify(d.fee.tiers),
    fee_note: d.fee.note,
    fee_online_amount: d.fee.onlineAmount ?? null,
    documents: JSON.stringify(d.documents),
    steps: JSON.stringify(d.steps),
    legal_basis: JSON.stringify(d.legalBasis),
    keywords: JSON.stringify(d.keywords),
    sources: JSON.stringify(d.sources),
    online_level: d.onlineLevel,
    counter: d.counter,
    published: d.published,
    needs_review: d.needsReview,
    review_note: d.reviewNote,
  };
}

/** The editable part of a procedure, for version snapshots and diffs. */
export function procedureData(p: Procedure): ProcedureData {
  return {
    referenceId: p.referenceId, code: p.code, slug: p.slug, name: p.name, nameEn: p.nameEn, field: p.field,
    processing: { ...p.processing }, fee: { ...p.fee }, documents: [...p.documents], steps: [...p.steps],
    legalBasis: [...p.legalBasis], keywords: [...p.keywords], sources: [...p.sources], onlineLevel: p.onlineLevel,
    counter: p.counter, published: p.published, needsReview: p.needsReview, reviewNote: p.reviewNote,
  };
}
