import fc from 'fast-check';
import { parseDocument, DomUtils } from 'htmlparser2';

/** A marker the fuzzer plants in scripts and event handlers; found unescaped in a page = stored script. */
export const MARK = 'ttfuzz';
export const SCRIPT_PAYLOADS = [
  `<script>${MARK}(1)</script>`,
  `"><script>${MARK}(2)</script>`,
  `<img src=x onerror=${MARK}(3)>`,
  `'><svg onload=${MARK}(4)>`,
  `</textarea><script>${MARK}(5)</script>`,
  `javascript:${MARK}(6)`,
];
/** Unescaped forms of the payloads in HTML (the escaped ones read `&lt;script&gt;…`). */
export const STORED_SCRIPT = new RegExp(`<script>${MARK}|<img src=x onerror=${MARK}|<svg onload=${MARK}|href="javascript:${MARK}`, 'i');

const SQL = ["' OR '1'='1", "'; drop table units; --", '1; select pg_sleep(5)', "\\'", '"', '%', '_', "$$'$$"];
const TRAVERSAL = ['../../../../etc/passwd', '..\\..\\..\\windows\\win.ini', '/etc/passwd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '....//....//etc/passwd',
  'a/../../b', 'con', 'nul.txt', '.htaccess', 'x\u0000.png'];
const ODD = ['', ' ', '\u0000', '\uFFFF', '\uD800', '\u202E', '😀'.repeat(50), 'ắ'.repeat(300), 'NaN', 'Infinity', '-1', '0', '1e309',
  '99999999999999999999999', '-9223372036854775809', '2026-02-30', '2026-13-45', '0000-00-00', '9999-12-31T99:99', 'true', 'null',
  '00000000-0000-0000-0000-000000000000', 'not-a-uuid', '{"a":1}', '[]'];

/** A string a hostile client might send in any field. */
export const hostileString = (): fc.Arbitrary<string> => fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SCRIPT_PAYLOADS, ...SQL, ...TRAVERSAL, ...ODD) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 70_000 }).map((n) => 'A'.repeat(n)) },
);

/** Any JSON value, from a wrong type to a deep nest. */
export const hostileJson = (): fc.Arbitrary<unknown> => fc.oneof(
  { weight: 3, arbitrary: hostileString() },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(2 ** 63)) },
  { weight: 1, arbitrary: fc.array(hostileString(), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileString(), { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 60 }).map(deep) },
);

/** `{"a":{"a":…}}` nested `n` levels (as a value: keep it shallow enough for JSON.stringify). */
export function deep(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}

/** A JSON text nested `n` levels (thousands: deeper than any parser's recursion should go). */
export const deepJsonText = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

/** A plausible value for a form field of this type and name, carrying `payload` where text goes. */
export function plausible(f: { name: string; type: string; value: string; options: string[] }, payload: string): string {
  const n = f.name.toLowerCase();
  if (f.type === 'hidden' || f.type === 'select' || f.type === 'radio' || f.type === 'checkbox') return f.value || f.options[1] || f.options[0] || 'on';
  if (f.type === 'email' || n.includes('email')) return 'nguoi.thu@example.vn';
  if (f.type === 'tel' || /phone|dien_thoai|sdt|so_dt/.test(n)) return '0912345678';
  if (f.type === 'date' || /ngay|date/.test(n)) return '2026-12-10';
  if (f.type === 'time' || /gio|time/.test(n)) return '09:00';
  if (f.type === 'number' || f.type === 'range') return f.value || '1';
  if (f.type === 'password') return 'MatKhauRatManh#2026';
  if (f.type === 'url') return 'https://example.vn/a';
  return `${f.value || 'Nội dung thử nghiệm của người dùng'} ${payload}`;
}

/** A tiny valid PNG that declares 50,000 × 50,000 pixels (an image bomb: 10 GB once decoded). */
export function pngBomb(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(50_000, 0); ihdr.writeUInt32BE(50_000, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])), chunk('IEND', Buffer.alloc(0))]);
}

export interface HostileFile { filename: string; contentType: string; data: Buffer }
export const hostileFile = (): fc.Arbitrary<HostileFile> => fc.record({
  filename: fc.oneof(fc.constantFrom(...TRAVERSAL, 'anh.png', `<script>${MARK}(7)</script>.png`, 'a'.repeat(600) + '.png'), fc.string({ maxLength: 30 })),
  contentType: fc.constantFrom('image/png', 'image/jpeg', 'application/pdf', 'text/csv', 'application/octet-stream', 'text/html'),
  data: fc.oneof(
    fc.constant(pngBomb()),
    fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
    fc.constant(Buffer.from(`<html><script>${MARK}(8)</script></html>`)),
    fc.constant(Buffer.from('ho_ten,cccd\n"=cmd|\' /C calc\'!A0",001\n')),
  ),
});

type Element = ReturnType<typeof DomUtils.findAll>[number];

/** A POST form found in a page: its action, encoding and fields with their default values. */
export interface FoundForm { action: string; multipart: boolean; fields: { name: string; type: string; value: string; options: string[] }[] }

export function formsIn(html: string, pageUrl: string): FoundForm[] {
  const doc = parseDocument(html);
  const forms = DomUtils.findAll((e) => e.name === 'form' && (e.attribs.method ?? '').toLowerCase() === 'post', doc.children);
  return forms.map((f: Element) => {
    const action = new URL(f.attribs.action || pageUrl, 'http://x' + pageUrl).pathname + (new URL(f.attribs.action || pageUrl, 'http://x' + pageUrl).search);
    const controls = DomUtils.findAll((e) => ['input', 'textarea', 'select'].includes(e.name) && !!e.attribs.name, f.children);
    const fields = controls.map((c) => {
      const type = c.name === 'input' ? (c.attribs.type ?? 'text').toLowerCase() : c.name;
      const options = c.name === 'select' ? DomUtils.findAll((o) => o.name === 'option', c.children).map((o) => o.attribs.value ?? DomUtils.textContent(o)) : [];
      const value = c.name === 'textarea' ? DomUtils.textContent(c) : c.name === 'select' ? (options[0] ?? '') : (c.attribs.value ?? '');
      return { name: c.attribs.name, type, value, options };
    });
    return { action, multipart: (f.attribs.enctype ?? '').includes('multipart'), fields };
  });
}

/** Links of a page that stay inside the given prefix. */
export function linksIn(html: string, prefix: string): string[] {
  const doc = parseDocument(html);
  return DomUtils.findAll((e) => e.name === 'a' && !!e.attribs.href, doc.children).map((a) => a.attribs.href.split('#')[0])
    .filter((h) => h.startsWith(prefix));
}

/** Texts every string field of a schema-valid body receives in turn (one request each). */
export const TEXT_SWEEP = [SCRIPT_PAYLOADS[1], SQL[1], SQL[7], '\u202E😀ắ', '../../../../etc/passwd', '%_\\'];

export interface JsonSchema {
  type?: string | string[]; enum?: unknown[]; const?: unknown; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; format?: string;
  minLength?: number; maxLength?: number; minimum?: number; maximum?: number; properties?: Record<string, JsonSchema>;
  required?: string[]; items?: JsonSchema; minItems?: number; pattern?: string;
}

/**
 * A value the schema accepts, its strings replaced by `text` where the schema leaves them free (no enum,
 * format or pattern): the handler is reached with a hostile text in every free field. Cut to maxLength.
 */
export function schemaValid(s: JsonSchema | undefined, text: string): unknown {
  if (!s) return text;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return schemaValid(alt.find((a) => a.type !== 'null') ?? alt[0], text);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object': return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, schemaValid(v, text)]));
    case 'array': return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => schemaValid(s.items, text));
    case 'integer': case 'number': return s.minimum ?? 1;
    case 'boolean': return false;
    case 'string': {
      if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (s.format === 'date') return '2026-12-07';
      if (s.format === 'date-time') return '2026-12-07T09:00:00+07:00';
      if (s.format === 'email') return 'nguoi.thu@example.vn';
      if (s.format || s.pattern) return 'x';
      const t = text.padEnd(s.minLength ?? 0, '.');
      return s.maxLength !== undefined ? [...t].slice(0, s.maxLength).join('') : t;
    }
    default: return text;
  }
}
