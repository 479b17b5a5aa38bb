import { renderDocx, renderPdf, type OfficialDocument } from '../../../lib/documents/index.js';
import { form06 } from './control-slip.js';
import { type FormContext, type FormNumber } from './context.js';
import { form01, form02, form03, form04 } from './paper-forms.js';
import { handOversOf, trackingBookXlsx } from './tracking-book.js';

export { FORM_NAMES, FORM_NUMBERS, formDate, registerNumber, type FormContext, type FormNumber } from './context.js';
export { collectPlace, formPrecondition } from './paper-forms.js';
export { handOversOf, TRACKING_BOOK_COLUMNS, trackingBookXlsx, type HandOvers } from './tracking-book.js';

const BUILDERS: Record<Exclude<FormNumber, '05'>, (ctx: FormContext) => OfficialDocument> = {
  '01': form01, '02': form02, '03': form03, '04': form04, '06': form06,
};

export type FormFormat = 'pdf' | 'docx' | 'xlsx';

export const CONTENT_TYPES: Record<FormFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Whether form `n` exists in `format` (05 is a book: XLSX only; the others PDF or DOCX). */
export const formatAllowed = (n: FormNumber, format: FormFormat) => (n === '05' ? format === 'xlsx' : format !== 'xlsx');

export function buildForm(n: Exclude<FormNumber, '05'>, ctx: FormContext): OfficialDocument {
  return BUILDERS[n](ctx);
}

/** Renders one form of one dossier. */
export async function renderForm(n: FormNumber, format: FormFormat, ctx: FormContext): Promise<Buffer> {
  if (n === '05') {
    return trackingBookXlsx(ctx.unitName, [ctx.dossier], {
      unitNames: new Map([[ctx.dossier.unit_id, ctx.decidingUnitName || ctx.unitName]]),
      handOvers: new Map([[ctx.dossier.id, handOversOf(ctx.events)]]),
    });
  }
  const doc = buildForm(n, ctx);
  return format === 'pdf' ? renderPdf(doc) : renderDocx(doc);
}
