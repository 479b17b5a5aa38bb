import type { Signer } from '../../../lib/documents/index.js';

const CHAIR = 'CHỦ TỊCH';

/**
 * The leader's title as the signature block prints it: upper case, without the body's name that
 * the "TM." line already gives ("Phó Chủ tịch UBND phường" → "PHÓ CHỦ TỊCH").
 */
export function signatureTitle(title: string): string {
  const t = title.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');
  return t.replace(/\s+(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)(\s.*)?$/, '').trim() || CHAIR;
}

/**
 * Signature block of a document signed on behalf of the People's Committee (Decree 30/2020,
 * Appendix I, 7a–7c): "TM. ỦY BAN NHÂN DÂN" over the chair's title; a deputy signs
 * "KT. CHỦ TỊCH" over their own title, an acting chair "Q. CHỦ TỊCH".
 * @example committeeSigner('Phó Chủ tịch', 'Trần Minh Đức')
 * // { authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH', name: 'Trần Minh Đức' }
 */
export function committeeSigner(title: string, name: string, body = 'ỦY BAN NHÂN DÂN'): Signer {
  const t = signatureTitle(title);
  const tm = `TM. ${body}`;
  if (t === CHAIR) return { authority: [tm], title: CHAIR, name };
  if (/^(Q\.|QUYỀN) CHỦ TỊCH$/.test(t)) return { authority: [tm], title: `Q. ${CHAIR}`, name };
  return { authority: [tm, `KT. ${CHAIR}`], title: t, name };
}
