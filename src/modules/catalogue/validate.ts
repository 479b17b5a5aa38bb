import { ONLINE_LEVELS, PROCESSING_UNITS, type FeeTiers, type OnlineLevel, type ProcedureData, type ProcessingUnit } from './types.js';

export type FormErrors = Record<string, string>;

const lines = (text: string | undefined): string[] =>
  (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0).slice(0, 100);

const optional = (text: string | undefined, max = 1000): string | null => {
  const v = (text ?? '').trim();
  return v ? v.slice(0, max) : null;
};

function parseAmount(raw: string | undefined): number | null | 'invalid' {
  const v = (raw ?? '').trim().replace(/[.\s]/g, '').replace(/đ$/i, '');
  if (v === '') return null;
  if (!/^\d{1,12}$/.test(v)) return 'invalid';
  return Number(v);
}

/** The tier fields of the edit form; the first rate is always the fee amount itself. */
export const TIER_FIELDS = ['tier_first_units', 'tier_next_rate', 'tier_max'] as const;

/**
 * Fee tiers from the form. Present but empty = no tiers. Absent (a form without the tier fields):
 * the current tiers are kept only while the amount is unchanged, so a changed fee never leaves
 * stale tiers driving the payment amount.
 */
function parseTiers(f: Record<string, string>, amount: number | null, current: ProcedureData['fee'], errors: FormErrors): FeeTiers | null {
  if (TIER_FIELDS.every((k) => f[k] === undefined)) {
    return current.tiers && amount === current.amount ? { ...current.tiers, first_rate: amount as number } : null;
  }
  if (TIER_FIELDS.every((k) => (f[k] ?? '').trim() === '')) return null;
  const units = Number((f.tier_first_units ?? '').trim());
  if (!Number.isInteger(units) || units < 1 || units > 1000) errors.tier_first_units = 'catalogue.staff.error_tier_units';
  const next = parseAmount(f.tier_next_rate);
  if (next === null || next === 'invalid') errors.tier_next_rate = 'catalogue.staff.error_tier_rate';
  const max = parseAmount(f.tier_max);
  if (max === 'invalid' || (max !== null && amount !== null && max < amount)) errors.tier_max = 'catalogue.staff.error_tier_max';
  if (amount === null || amount === 0) errors.fee_amount ??= 'catalogue.staff.error_tier_fee';
  if (errors.tier_first_units || errors.tier_next_rate || errors.tier_max || errors.fee_amount) return null;
  return { first_units: units, first_rate: amount as number, next_rate: next as number, max_per_copy: max as number | null };
}

/**
 * The online fee from the form: empty = none (the desk fee applies online too). Absent (a form
 * without the field): the current one is kept while the desk fee is unchanged. Only below or equal
 * to a flat desk fee.
 */
function parseOnlineAmount(
  f: Record<string, string>, amount: number | null | 'invalid', tiers: FeeTiers | null, current: ProcedureData['fee'], errors: FormErrors,
): number | null {
  if (f.fee_online_amount === undefined) return amount === current.amount && !tiers ? current.onlineAmount ?? null : null;
  const online = parseAmount(f.fee_online_amount);
  if (online === null) return null;
  if (online === 'invalid' || amount === 'invalid' || amount === null || amount === 0 || tiers !== null || online > amount) {
    errors.fee_online_amount = 'catalogue.staff.error_fee_online';
    return null;
  }
  return online;
}

/**
 * Reads the staff edit form into procedure data (slug, reference id and review state are kept
 * from `current`). Messages are i18n keys.
 */
export function parseProcedureForm(f: Record<string, string>, current: ProcedureData): { data?: ProcedureData; errors: FormErrors } {
  const errors: FormErrors = {};
  const name = (f.name ?? '').trim();
  if (name.length < 3 || name.length > 500) errors.name = 'catalogue.staff.error_name';
  const field = (f.field ?? '').trim();
  if (!field || field.length > 200) errors.field = 'catalogue.staff.error_field';
  const unit = f.processing_unit as ProcessingUnit;
  if (!PROCESSING_UNITS.includes(unit)) errors.processing_unit = 'catalogue.staff.error_processing_unit';
  const value = unit === 'immediate' ? 0 : Number((f.processing_value ?? '').trim());
  if (!Number.isInteger(value) || value < 0 || value > 365 || (unit !== 'immediate' && value === 0)) {
    errors.processing_value = 'catalogue.staff.error_processing_value';
  }
  const amount = parseAmount(f.fee_amount);
  if (amount === 'invalid') errors.fee_amount = 'catalogue.staff.error_fee';
  const tiers = amount === 'invalid' ? null : parseTiers(f, amount, current.fee, errors);
  const onlineAmount = parseOnlineAmount(f, amount, tiers, current.fee, errors);
  const online = (f.online_level ?? '') === '' ? null : (f.online_level as OnlineLevel);
  if (online !== null && !ONLINE_LEVELS.includes(online)) errors.online_level = 'catalogue.staff.error_online';
  const documents = lines(f.documents);
  if (documents.length === 0) errors.documents = 'catalogue.staff.error_documents';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    data: {
      ...current,
      name,
      nameEn: optional(f.name_en, 500),
      code: optional(f.code, 100),
      field,
      processing: { value, unit, note: optional(f.processing_note) },
      fee: { amount: amount as number | null, unit: optional(f.fee_unit, 50), tiers, note: optional(f.fee_note), onlineAmount },
      documents,
      steps: lines(f.steps),
      legalBasis: lines(f.legal_basis),
      keywords: lines(f.keywords),
      onlineLevel: online,
      counter: optional(f.counter, 200),
      published: f.published === 'on' || f.published === '1',
    },
  };
}

/** Names of the fields that differ between two versions (for history and import diffs). */
export function changedFields(a: ProcedureData, b: ProcedureData): string[] {
  const keys: (keyof ProcedureData)[] = [
    'code', 'name', 'nameEn', 'field', 'processing', 'fee', 'documents', 'steps', 'legalBasis', 'keywords',
    'onlineLevel', 'counter', 'published', 'needsReview',
  ];
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
