export * from './model.js';
export { renderDocx } from './docx.js';
export { renderPdf, pdfDefinition } from './pdf.js';
