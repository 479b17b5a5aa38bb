import type { OfficialDocument } from './model.js';

export * from './model.js';

// docx and pdfmake take seconds to import on a small machine: load them when a form is rendered.
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  return (await import('./docx.js')).renderDocx(doc);
}

export async function renderPdf(doc: OfficialDocument): Promise<Buffer> {
  return (await import('./pdf.js')).renderPdf(doc);
}
