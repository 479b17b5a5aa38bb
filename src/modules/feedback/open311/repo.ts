/** Open311 queries: only non-sensitive items; descriptions and places only as a moderator approved them. */
import { vnInstant, vnIsoString } from '../../../lib/vn-calendar/index.js';
import type { FeedbackTrx } from '../types.js';
import type { RequestFilters } from './filters.js';
import type { Open311Request } from './format.js';

const OPEN = ['received', 'classified', 'assigned', 'in_progress'];

export interface RequestRow {
  code: string; category: string; status: string; received_at: Date; updated_at: Date; due_date: string;
  board_reply: string | null; published: boolean; public_summary: string | null;
  /** Approved by the moderator; the sender's own address and point are never given out. */
  public_place: string | null; public_lat: number | null; public_lng: number | null;
}

const COLUMNS = [
  'code', 'category', 'status', 'received_at', 'updated_at', 'due_date', 'board_reply', 'published', 'public_summary', 'public_place', 'public_lat', 'public_lng',
] as const;

export async function findRequests(trx: FeedbackTrx, f: RequestFilters): Promise<RequestRow[]> {
  let q = trx.selectFrom('feedback').select([...COLUMNS]).where('category', '!=', 'conduct');
  if (f.ids) {
    // With service_request_id the other filters are ignored (GeoReport v2).
    q = q.where('code', 'in', f.ids);
  } else {
    q = q.where('received_at', '>=', f.start).where('received_at', '<=', f.end);
    if (f.serviceCodes) q = q.where('category', 'in', f.serviceCodes);
    if (f.statuses && f.statuses.length === 1) {
      q = f.statuses[0] === 'open' ? q.where('status', 'in', OPEN) : q.where('status', 'not in', OPEN);
    }
  }
  return q.orderBy('received_at', 'desc').limit(f.limit).execute() as Promise<RequestRow[]>;
}

export function toOpen311(r: RequestRow, serviceName: string, agency: string): Open311Request {
  const open = OPEN.includes(r.status);
  return {
    service_request_id: r.code,
    status: open ? 'open' : 'closed',
    status_notes: r.published ? r.board_reply : null,
    service_name: serviceName,
    service_code: r.category,
    description: r.published ? r.public_summary : null,
    agency_responsible: agency,
    service_notice: null,
    requested_datetime: vnIsoString(r.received_at),
    updated_datetime: vnIsoString(r.updated_at),
    expected_datetime: vnIsoString(vnInstant(r.due_date, 17 * 60)),
    address: r.published ? r.public_place : null,
    address_id: null,
    zipcode: null,
    lat: r.published ? r.public_lat : null,
    long: r.published ? r.public_lng : null,
    media_url: null,
  };
}
