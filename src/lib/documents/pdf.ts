import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { qrModuleCount } from '../qr/index.js';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Block, OfficialDocument, Signer } from './model.js';
import { MOTTO, NATIONAL_TITLE, QR_DEFAULT_MM, authorityLines, numberLine, placeDateLine, signatureSizeMm } from './model.js';

/**
 * PDF rendering with pdfmake, in Tinos: a Times New Roman-compatible serif (same metrics, full
 * Vietnamese coverage, Apache 2.0) as Decree 30/2020 asks. Tinos comes from Debian's
 * fonts-croscore (installed by .ci/run); Liberation Serif (fonts-liberation, also metric-compatible)
 * is taken when Tinos is absent. Without either, startup of the first PDF fails with a message
 * naming the package, rather than printing a form in the wrong typeface.
 */
const MM = 72 / 25.4;
const FAMILY = 'ThanThienSerif';
let fontsReady = false;

type Style = 'normal' | 'bold' | 'italics' | 'bolditalics';
const SERIF_CANDIDATES: Array<{ name: string; files: Record<Style, string> }> = [
  {
    name: 'Tinos', files: {
      normal: '/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf', bold: '/usr/share/fonts/truetype/croscore/Tinos-Bold.ttf',
      italics: '/usr/share/fonts/truetype/croscore/Tinos-Italic.ttf', bolditalics: '/usr/share/fonts/truetype/croscore/Tinos-BoldItalic.ttf',
    },
  },
  {
    name: 'Liberation Serif', files: {
      normal: '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
      bold: '/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf',
      italics: '/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf',
      bolditalics: '/usr/share/fonts/truetype/liberation/LiberationSerif-BoldItalic.ttf',
    },
  },
];

/** The serif family PDFs embed ('Tinos' or 'Liberation Serif'), or null when none is installed. */
export function pdfSerifFont(): { name: string; files: Record<Style, string> } | null {
  const dirs = (process.env.THANTHIEN_FONT_DIR ?? '').split(':').filter(Boolean);
  for (const c of SERIF_CANDIDATES) {
    const files = Object.fromEntries(Object.entries(c.files).map(([k, f]) => {
      const local = dirs.map((d) => path.join(d, path.basename(f))).find((p) => existsSync(p));
      return [k, local ?? f];
    })) as Record<Style, string>;
    if (Object.values(files).every((f) => existsSync(f))) return { name: c.name, files };
  }
  return null;
}

function ensureFonts(): void {
  if (fontsReady) return;
  const serif = pdfSerifFont();
  if (!serif) {
    throw new Error('No Times-compatible serif font for PDFs: install Debian package fonts-croscore (Tinos) or fonts-liberation');
  }
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(n: string, d: Buffer): void } }).virtualfs;
  const names = {} as Record<Style, string>;
  for (const [style, file] of Object.entries(serif.files) as Array<[Style, string]>) {
    names[style] = `thanthien-fonts/${path.basename(file)}`;
    vfs.writeFileSync(names[style], readFileSync(file));
  }
  pdfmake.addFonts({ [FAMILY]: names as never });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => true);
  fontsReady = true;
}

function shortRule(columnWidth: number, length: number): Content {
  const x1 = (columnWidth - length) / 2;
  return { canvas: [{ type: 'line', x1, y1: 0, x2: x1 + length, y2: 0, lineWidth: 0.6 }], margin: [0, 1, 0, 4] };
}

function header(doc: OfficialDocument, contentWidth: number): Content {
  const leftWidth = contentWidth * 0.4;
  return {
    columns: [
      {
        width: leftWidth, alignment: 'center', stack: [
          ...(doc.governingBody ? [{ text: doc.governingBody, fontSize: 12 }] : []),
          { text: doc.issuingBody, bold: true, fontSize: 12 },
          shortRule(leftWidth, Math.min(leftWidth / 2, 70)),
          { text: numberLine(doc.number), fontSize: 13 },
        ],
      },
      {
        width: '*', alignment: 'center', stack: [
          { text: NATIONAL_TITLE, bold: true, fontSize: 12 },
          { text: MOTTO, bold: true, fontSize: 13, decoration: 'underline' },
          { text: placeDateLine(doc.place, doc.date), italics: true, fontSize: 13, margin: [0, 10, 0, 0] },
        ],
      },
    ],
    columnGap: 6,
  };
}

/**
 * pdfmake draws a QR module as a whole number of points (floor(fit / modules)): a 37-module code
 * asked to fit 25 mm (71 pt) would come out 1 pt a module, 13 mm wide. Round the module to the
 * nearest point instead, so the printed code keeps about the size asked for.
 */
function qrFit(value: string, sizePt: number): number {
  const n = qrModuleCount(value);
  return Math.max(1, Math.round(sizePt / n)) * n + 0.5;
}

function block(b: Block): Content {
  switch (b.kind) {
    case 'paragraph':
      return { text: b.text, italics: b.italic, bold: b.bold, alignment: b.align ?? 'justify', leadingIndent: 10 * MM, margin: [0, 0, 0, 6] };
    case 'field':
      return { text: [`${b.label}: `, { text: b.value, bold: true }], leadingIndent: 10 * MM, margin: [0, 0, 0, 4] };
    case 'list':
      return { stack: b.items.map((item, i) => ({ text: `${i + 1}. ${item}`, margin: [10 * MM, 0, 0, 3] })) };
    case 'qr': {
      const size = qrFit(b.value, (b.sizeMm ?? QR_DEFAULT_MM) * MM);
      const [first, ...rest] = b.caption ?? [];
      return {
        columns: [
          { width: size, qr: b.value, fit: size, eccLevel: 'M' },
          { width: '*', margin: [8, size / 4, 0, 0], stack: [
            ...(first ? [{ text: first, bold: true }] : []),
            ...rest.map((line) => ({ text: line, italics: true, fontSize: 12 })),
          ] },
        ],
        columnGap: 8, margin: [0, 4, 0, 8], unbreakable: true,
      };
    }
    case 'table': {
      const n = b.columns.length;
      const widths = b.widths ? b.widths.map((w) => `${w}%`) : Array.from({ length: n }, () => '*');
      const cell = (t: string, bold: boolean, i: number) => ({ text: t, bold, fontSize: 10, alignment: !bold && b.align?.[i] === 'left' ? 'left' as const : 'center' as const });
      return {
        table: {
          headerRows: 1, widths, dontBreakRows: true,
          body: [b.columns.map((c, i) => cell(c, true, i)), ...b.rows.map((r) => r.map((c, i) => cell(c, false, i)))],
        },
        margin: [0, 4, 0, 8],
      };
    }
  }
}

/** The signature image in the space above the name (none: the space is left blank for a pen). */
function signatureImage(s: Signer): Content[] {
  if (!s.signature) return [];
  const { width, height } = signatureSizeMm(s.signature);
  return [{ image: `data:image/png;base64,${s.signature.png.toString('base64')}`, fit: [width * MM, height * MM], alignment: 'center', margin: [0, 6, 0, 0] }];
}

function signerStack(s: Signer): Content {
  return {
    alignment: 'center', stack: [
      ...authorityLines(s).map((line) => ({ text: line, bold: true })),
      { text: s.title, bold: true },
      ...(s.hint ? [{ text: s.hint, italics: true, fontSize: 12 }] : []),
      ...signatureImage(s),
      { text: s.name ?? ' ', bold: true, margin: [0, s.signature ? 2 : 50, 0, 0] },
    ],
  };
}

function recipientsStack(lines: string[]): Content {
  return {
    stack: [
      { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 },
      ...lines.map((l) => ({ text: `- ${l}`, fontSize: 11 })),
    ],
  };
}

function footer(doc: OfficialDocument): Content[] {
  const [first, ...rest] = doc.signers;
  const recipients = doc.recipients?.length ? recipientsStack(doc.recipients) : { text: '' };
  if (!first) return [recipients];
  const left = rest.length ? signerStack(first) : recipients;
  const right = signerStack(rest.length ? rest[rest.length - 1] : first);
  const out: Content[] = [{ columns: [{ width: '50%', stack: [left] }, { width: '50%', stack: [right] }], margin: [0, 12, 0, 0], unbreakable: true }];
  if (rest.length && doc.recipients?.length) out.push({ stack: [recipientsStack(doc.recipients)], margin: [0, 12, 0, 0] });
  return out;
}

/** Builds the pdfmake definition (exported for tests and other renderers). */
export function pdfDefinition(doc: OfficialDocument): TDocumentDefinitions {
  const pageWidth = doc.landscape ? 841.89 : 595.28;
  const margins: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
  const contentWidth = pageWidth - margins[0] - margins[2];
  return {
    pageSize: 'A4', pageOrientation: doc.landscape ? 'landscape' : 'portrait', pageMargins: margins,
    info: { title: doc.title ?? doc.typeName, creator: doc.issuingBody.replace(/\n/g, ' ') },
    defaultStyle: { font: FAMILY, fontSize: 13, lineHeight: 1.15 },
    header: (page: number) => (page > 1 ? { text: String(page), alignment: 'center', fontSize: 13, margin: [0, 20, 0, 0] } : null) as Content,
    content: [
      header(doc, contentWidth),
      { text: doc.typeName, bold: true, fontSize: 14, alignment: 'center', margin: [0, 18, 0, 0] },
      ...(doc.summary ? [{ text: doc.summary, bold: true, alignment: 'center' as const }] : []),
      ...(doc.addressee ? [{ text: `Kính gửi: ${doc.addressee}`, alignment: 'center' as const, margin: [0, 6, 0, 0] as [number, number, number, number] }] : []),
      { text: ' ', margin: [0, 4, 0, 0] },
      ...doc.blocks.map(block),
      ...footer(doc),
    ],
  };
}

/** Renders the document as a PDF file with an embedded Vietnamese-capable font. */
export async function renderPdf(doc: OfficialDocument): Promise<Buffer> {
  ensureFonts();
  return pdfmake.createPdf(pdfDefinition(doc)).getBuffer();
}
