/** Small form-validation toolkit: collects errors as i18n keys so views can translate them. */
export interface FieldError { field: string; key: string; params?: Record<string, string | number> }
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[]; values: Record<string, string> };

export type FormBody = Record<string, unknown>;

import { fieldText as str } from '../../../core/http/forms.js';

export { str };

/** All values of a repeated field (checkboxes). */
export function list(body: FormBody, name: string): string[] {
  const v = body[name];
  const arr = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return arr.map((x) => (x && typeof x === 'object' && 'value' in x ? String((x as { value: unknown }).value) : String(x))).filter(Boolean);
}

export class Checker {
  errors: FieldError[] = [];
  constructor(private body: FormBody, private label: (field: string) => string) {}

  text(name: string, opts: { required?: boolean; max?: number } = {}): string {
    const v = str(this.body, name);
    const max = opts.max ?? 300;
    if (opts.required && !v) this.errors.push({ field: name, key: 'transparency.error.required', params: { field: this.label(name) } });
    else if (v.length > max) this.errors.push({ field: name, key: 'transparency.error.too_long', params: { field: this.label(name), max } });
    return v;
  }

  choice<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
    const v = str(this.body, name) || fallback || '';
    if (!(allowed as readonly string[]).includes(v)) {
      this.errors.push({ field: name, key: 'transparency.error.choice', params: { field: this.label(name) } });
      return allowed[0];
    }
    return v as T;
  }

  int(name: string, opts: { min?: number; max?: number; fallback?: number } = {}): number {
    const raw = str(this.body, name);
    if (!raw && opts.fallback !== undefined) return opts.fallback;
    const n = /^\d{1,12}$/.test(raw.replace(/\./g, '')) ? Number(raw.replace(/\./g, '')) : NaN;
    if (!Number.isFinite(n) || (opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
      this.errors.push({ field: name, key: 'transparency.error.number', params: { field: this.label(name) } });
      return opts.fallback ?? 0;
    }
    return n;
  }

  add(field: string, key: string, params?: Record<string, string | number>): void {
    this.errors.push({ field, key, params });
  }

  result<T>(value: T): Parsed<T> {
    if (this.errors.length === 0) return { ok: true, value };
    const values: Record<string, string> = {};
    for (const k of Object.keys(this.body)) values[k] = str(this.body, k);
    return { ok: false, errors: this.errors, values };
  }
}

export const PHONE_RE = /^\+?[0-9][0-9 .-]{5,18}[0-9]$/;
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const TIME_RE = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
