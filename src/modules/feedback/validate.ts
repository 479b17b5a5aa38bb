/** Validation of a citizen's submission. Pure: returns field → i18n message key. */
import { isCategoryCode, type CategoryCode } from './categories.js';

export interface SubmissionInput {
  category?: unknown;
  content?: unknown;
  name?: unknown;
  phone?: unknown;
  email?: unknown;
  lat?: unknown;
  lng?: unknown;
  address?: unknown;
  shareLocation?: unknown;
}

export interface Submission {
  category: CategoryCode;
  content: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  shareLocation: boolean;
}

export type FieldErrors = Partial<Record<keyof SubmissionInput, string>>;
export type ValidationResult = { ok: true; value: Submission } | { ok: false; errors: FieldErrors };

export const CONTENT_MIN = 10;
export const CONTENT_MAX = 5000;

const text = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  const s = String(v).normalize('NFC').trim();
  return s === '' ? null : s;
};

/** `0912 345 678`, `0912.345.678`, `+84 912 345 678` → `0912345678`; null when not a VN number. */
export function normalisePhone(v: string): string | null {
  const digits = v.replace(/[\s.()-]/g, '').replace(/^\+84/, '0').replace(/^84(?=\d{9}$)/, '0');
  return /^0\d{9}$/.test(digits) ? digits : null;
}

function coordinate(v: unknown, limit: number): number | null | 'invalid' {
  const s = text(v);
  if (s === null) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : 'invalid';
}

const truthy = (v: unknown) => v === true || v === 'true' || v === 'on' || v === '1' || v === 1;

export function validateSubmission(input: SubmissionInput): ValidationResult {
  const errors: FieldErrors = {};
  const category = text(input.category);
  if (!isCategoryCode(category)) errors.category = 'feedback.error.category';
  const content = text(input.content);
  if (!content || content.length < CONTENT_MIN) errors.content = 'feedback.error.contentShort';
  else if (content.length > CONTENT_MAX) errors.content = 'feedback.error.contentLong';
  const name = text(input.name);
  if (name && name.length > 120) errors.name = 'feedback.error.nameLong';
  const rawPhone = text(input.phone);
  const phone = rawPhone ? normalisePhone(rawPhone) : null;
  if (rawPhone && !phone) errors.phone = 'feedback.error.phone';
  const email = text(input.email)?.toLowerCase() ?? null;
  if (email && (email.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) errors.email = 'feedback.error.email';
  const lat = coordinate(input.lat, 90);
  const lng = coordinate(input.lng, 180);
  if (lat === 'invalid' || lng === 'invalid' || (lat === null) !== (lng === null)) errors.lat = 'feedback.error.location';
  const address = text(input.address);
  if (address && address.length > 300) errors.address = 'feedback.error.addressLong';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      category: category as CategoryCode,
      content: content!,
      name,
      phone,
      email,
      lat: lat as number | null,
      lng: lng as number | null,
      address,
      shareLocation: truthy(input.shareLocation),
    },
  };
}
