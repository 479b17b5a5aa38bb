/**
 * Open311 GeoReport v2 documents (http://wiki.open311.org/GeoReport_v2): JSON objects and their
 * XML serialisation. Pure functions; the routes feed them rows.
 */
import { XMLBuilder } from 'fast-xml-parser';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface Open311Error {
  code: number;
  description: string;
}

const builder = new XMLBuilder({ ignoreAttributes: true, format: false, suppressEmptyNode: false });

/** Serialise `<root><item>…</item>…</root>` with an XML declaration; nulls become empty elements. */
export function toXml(root: string, item: string, rows: object[]): string {
  const clean = rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? '' : v])),
  );
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: { [item]: clean } })}`;
}

export const servicesXml = (services: Open311Service[]) => toXml('services', 'service', services);
export const requestsXml = (requests: Open311Request[]) => toXml('service_requests', 'request', requests);
export const errorsXml = (errors: Open311Error[]) => toXml('errors', 'error', errors);
export const postResponseXml = (rows: Array<{ service_request_id: string; service_notice: string; account_id: string | null }>) =>
  toXml('service_requests', 'request', rows);

/** A service definition; our services take no extra attributes (metadata = false). */
export function serviceDefinition(code: string): { service_code: string; attributes: [] } {
  return { service_code: code, attributes: [] };
}

export const serviceDefinitionXml = (code: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>${builder.build({ service_definition: { service_code: code, attributes: '' } })}`;

export function discovery(baseUrl: string, contact: string) {
  return {
    changeset: '2026-11-01T00:00:00Z',
    contact,
    key_service: 'Khóa API do Ủy ban nhân dân phường cấp (liên hệ bộ phận quản trị).',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: baseUrl,
        changeset: '2026-11-01T00:00:00Z',
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}

export function discoveryXml(d: ReturnType<typeof discovery>): string {
  const doc = {
    discovery: {
      changeset: d.changeset,
      contact: d.contact,
      key_service: d.key_service,
      endpoints: {
        endpoint: d.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })),
      },
    },
  };
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build(doc)}`;
}
