/** vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) for directory entries. */
export type VCardVersion = '3.0' | '4.0';

export interface VCardPerson {
  id: string;
  fullName: string;
  title: string;
  duties?: string;
  organisation: string;
  department?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** Escapes a TEXT value: backslash, comma, semicolon and newlines (RFC 6350 §3.4). */
export function escapeVCardText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 6350 §3.2). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with one space
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `0912 345 678` → `+84912345678`; other shapes are kept as digits with a leading plus if present. */
export function telUri(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('0')) return `+84${digits.slice(1)}`;
  return digits;
}

/** Vietnamese names put the family name first: `Nguyễn Văn Thương` → family Nguyễn, middle Văn, given Thương. */
export function splitVietnameseName(fullName: string): { family: string; middle: string; given: string } {
  const words = fullName.trim().split(/\s+/);
  if (words.length === 1) return { family: '', middle: '', given: words[0] };
  return { family: words[0], middle: words.slice(1, -1).join(' '), given: words[words.length - 1] };
}

function lines(p: VCardPerson, version: VCardVersion): string[] {
  const n = splitVietnameseName(p.fullName);
  const e = escapeVCardText;
  const org = [p.organisation, p.department].filter(Boolean).map((s) => e(s as string)).join(';');
  const out = ['BEGIN:VCARD', `VERSION:${version}`, `UID:urn:uuid:${p.id}`, `FN:${e(p.fullName)}`,
    `N:${e(n.family)};${e(n.given)};${e(n.middle)};;`, `ORG:${org}`, `TITLE:${e(p.title)}`];
  if (p.phone) {
    out.push(version === '4.0'
      ? `TEL;VALUE=uri;TYPE=work,voice:tel:${telUri(p.phone)}`
      : `TEL;TYPE=WORK,VOICE:${e(p.phone)}`);
  }
  if (p.email) out.push(version === '4.0' ? `EMAIL;TYPE=work:${e(p.email)}` : `EMAIL;TYPE=INTERNET,WORK:${e(p.email)}`);
  if (p.duties) out.push(`NOTE:${e(p.duties)}`);
  out.push('END:VCARD');
  return out;
}

/** One vCard; CRLF line endings, folded lines, UTF-8 (3.0 needs no CHARSET parameter when the file is UTF-8). */
export function buildVCard(person: VCardPerson, version: VCardVersion = '3.0'): string {
  return lines(person, version).map(foldLine).join('\r\n') + '\r\n';
}

/** Several vCards in one file, as phones import them. */
export function buildVCards(people: VCardPerson[], version: VCardVersion = '3.0'): string {
  return people.map((p) => buildVCard(p, version)).join('');
}
