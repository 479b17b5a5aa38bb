import type { Attachment, ProcedureData } from './types.js';

/** The national public-service portal (Cổng Dịch vụ công quốc gia). */
export const PORTAL_ORIGIN = 'https://dichvucong.gov.vn';
export const PORTAL_PROCEDURE_PAGE = `${PORTAL_ORIGIN}/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html`;
export const PORTAL_SEARCH_PAGE = `${PORTAL_ORIGIN}/p/home/dvc-tthc-thu-tuc-hanh-chinh.html`;

/** National procedure codes look like 1.001193 or 2.000986 (digit, dot, six digits). */
const NATIONAL_CODE = /^\d\.\d{6}$/;

export interface PortalLink {
  href: string;
  /** True when the link opens this procedure's own page (a national code is known). */
  direct: boolean;
}

/** Where a citizen applies online; null when the procedure is not offered online. */
export function portalLinkFor(p: Pick<ProcedureData, 'code' | 'onlineLevel'>): PortalLink | null {
  if (!p.onlineLevel) return null;
  const code = p.code?.trim() ?? '';
  if (NATIONAL_CODE.test(code)) return { href: `${PORTAL_PROCEDURE_PAGE}?ma_thu_tuc=${encodeURIComponent(code)}`, direct: true };
  return { href: PORTAL_SEARCH_PAGE, direct: false };
}

const DECLARATION = /tờ khai/i;

/** Whether the papers to bring include a declaration form (tờ khai). */
export const needsDeclaration = (documents: string[]): boolean => documents.some((d) => DECLARATION.test(d));

/** The attachments that are declaration forms (by title or file name), else all attachments. */
export function declarationForms(attachments: Attachment[]): Attachment[] {
  const forms = attachments.filter((a) => DECLARATION.test(a.title) || /to-?khai/i.test(a.filename));
  return forms.length > 0 ? forms : attachments;
}
