import type { Gender } from './domain/honorific.js';
import { KIND_SPECS, isLetterKind } from './domain/kinds.js';
import type { LetterInput } from './letters-service.js';
import { intOrNull } from './context.js';
import { str } from '../../core/http/forms.js';

/** A letter form post (fields named as in the form; kind-specific fields as `f_<name>`) → LetterInput. */
export function letterInputOf(f: Record<string, string>): LetterInput {
  const kind = str(f.kind);
  const fields: Record<string, string> = {};
  if (isLetterKind(kind)) for (const k of KIND_SPECS[kind].fields) if (str(f[`f_${k}`])) fields[k] = str(f[`f_${k}`]);
  const gender = str(f.gender);
  const by = intOrNull(f.birth_year);
  return {
    kind, recipientName: str(f.recipient_name),
    gender: gender === 'male' || gender === 'female' ? (gender as Gender) : null,
    birthYear: by === null ? null : Number.isNaN(by) ? -1 : by,
    honorific: str(f.honorific) || null, address: str(f.address) || null, email: str(f.email) || null, phone: str(f.phone) || null,
    channel: str(f.channel) || 'in_person', fields, source: str(f.source) || 'manual', sourceRef: str(f.source_ref) || null,
    subject: str(f.subject) || null, body: str(f.body) || null, withSignature: f.with_signature === '1',
  };
}

/** The form values of a prepared input (a letter prefilled from a dossier). */
export function formValuesOf(i: LetterInput): Record<string, string> {
  const v: Record<string, string> = {
    kind: i.kind, recipient_name: i.recipientName, address: i.address ?? '', email: i.email ?? '', phone: i.phone ?? '',
    channel: i.channel ?? 'in_person', source: i.source ?? 'manual', source_ref: i.sourceRef ?? '',
  };
  for (const [k, val] of Object.entries(i.fields ?? {})) v[`f_${k}`] = val;
  return v;
}
