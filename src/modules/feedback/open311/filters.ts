/** Parse and validate the query of `GET requests.json` (GeoReport v2). */
import { isCategoryCode, type CategoryCode } from '../categories.js';

export interface RequestFilters {
  ids: string[] | null;
  serviceCodes: CategoryCode[] | null;
  start: Date;
  end: Date;
  statuses: Array<'open' | 'closed'> | null;
  limit: number;
}

export type FilterResult = { ok: true; filters: RequestFilters } | { ok: false; /** a message key */ description: string };

const DAY_MS = 86_400_000;
/** The spec's defaults: the last 90 days, at most 1000 results. */
const DEFAULT_SPAN_DAYS = 90;
const MAX_RESULTS = 1000;

const list = (v: unknown): string[] | null =>
  typeof v === 'string' && v.trim() !== '' ? v.split(',').map((s) => s.trim()).filter(Boolean) : null;

function parseDate(v: unknown): Date | null | 'invalid' {
  if (v === undefined || v === '') return null;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) return 'invalid';
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? 'invalid' : d;
}

export function parseRequestFilters(q: Record<string, unknown>, now: Date): FilterResult {
  const ids = list(q.service_request_id);
  const codes = list(q.service_code);
  if (codes && !codes.every(isCategoryCode)) return { ok: false, description: 'feedback.open311.bad_service_code' };
  const statuses = list(q.status);
  if (statuses && !statuses.every((s) => s === 'open' || s === 'closed')) {
    return { ok: false, description: 'feedback.open311.bad_status' };
  }
  const start = parseDate(q.start_date);
  const end = parseDate(q.end_date);
  if (start === 'invalid' || end === 'invalid') return { ok: false, description: 'feedback.open311.bad_date' };
  const endAt = end ?? now;
  const startAt = start ?? new Date(endAt.getTime() - DEFAULT_SPAN_DAYS * DAY_MS);
  if (startAt > endAt) return { ok: false, description: 'feedback.open311.date_order' };
  return {
    ok: true,
    filters: {
      ids,
      serviceCodes: codes as CategoryCode[] | null,
      start: startAt,
      end: endAt,
      statuses: statuses as Array<'open' | 'closed'> | null,
      limit: MAX_RESULTS,
    },
  };
}
