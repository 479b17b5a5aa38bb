import {
  AlignmentType, BorderStyle, Document, ImageRun, Packer, PageOrientation, Paragraph, Table, TableCell,
  TableRow, TextRun, UnderlineType, VerticalAlign, WidthType,
} from 'docx';
import { qrPng } from '../qr/index.js';
import type { Block, OfficialDocument, QrBlock, SignatureImage, Signer } from './model.js';
import { MOTTO, NATIONAL_TITLE, QR_DEFAULT_MM, authorityLines, numberLine, placeDateLine, signatureSizeMm } from './model.js';

/** Decree 30/2020: Times New Roman, A4, margins top/bottom 20 mm, left 30 mm, right 15 mm. */
const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const size = (pt: number) => pt * 2; // docx sizes are half-points
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER,
  insideHorizontal: NO_BORDER, insideVertical: NO_BORDER,
};

interface RunStyle { bold?: boolean; italics?: boolean; pt?: number; underline?: boolean }

function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({
    text, font: FONT, size: size(s.pt ?? 13), bold: s.bold, italics: s.italics,
    underline: s.underline ? { type: UnderlineType.SINGLE } : undefined,
  });
}

function centred(text: string, s: RunStyle = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, s)] });
}

/** A short solid line under the issuing body (1/3–1/2 of the text): underlined spaces. */
function shortRule(chars: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [run('\u00a0'.repeat(chars), { underline: true, pt: 8 })],
  });
}

function cell(children: Paragraph[], widthPct: number): TableCell {
  return new TableCell({ children, borders: NO_BORDERS, width: { size: widthPct, type: WidthType.PERCENTAGE } });
}

function header(doc: OfficialDocument): Table {
  const left = [
    ...(doc.governingBody ? [centred(doc.governingBody, { pt: 12 })] : []),
    ...doc.issuingBody.split('\n').map((line) => centred(line, { bold: true, pt: 12 })),
    shortRule(Math.max(8, Math.round(Math.max(...doc.issuingBody.split('\n').map((l) => l.length)) / 3))),
    centred(numberLine(doc.number)),
  ];
  const right = [
    centred(NATIONAL_TITLE, { bold: true, pt: 12 }),
    centred(MOTTO, { bold: true, pt: 13, underline: true }),
    new Paragraph({ text: '' }),
    centred(placeDateLine(doc.place, doc.date), { italics: true }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 40), cell(right, 60)] })],
  });
}

function bodyParagraph(text: string, s: RunStyle & { align?: string } = {}): Paragraph {
  const alignment = s.align === 'center' ? AlignmentType.CENTER
    : s.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED;
  return new Paragraph({
    alignment, spacing: { after: 120, line: 300 }, indent: { firstLine: Math.round(10 * MM) },
    children: [run(text, s)],
  });
}

function gridTable(b: Extract<Block, { kind: 'table' }>): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const widths = b.widths ?? b.columns.map(() => 100 / b.columns.length);
  const alignment = (i: number, header: boolean) => (!header && b.align?.[i] === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER);
  const row = (cells: string[], bold: boolean) => new TableRow({
    cantSplit: true,
    children: cells.map((text, i) => new TableCell({
      borders, width: { size: widths[i], type: WidthType.PERCENTAGE },
      // One paragraph per line: Word ignores "\n" inside a run.
      children: text.split('\n').map((line) => new Paragraph({ alignment: alignment(i, bold), children: [run(line, { bold, pt: 11 })] })),
    })),
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(b.columns, true), ...b.rows.map((r) => row(r, false))],
  });
}

/** PNG images of the document's QR codes, made before the (synchronous) layout. */
type QrImages = Map<QrBlock, Buffer>;

async function qrImages(doc: OfficialDocument): Promise<QrImages> {
  const blocks = doc.blocks.filter((b): b is QrBlock => b.kind === 'qr');
  const pngs = await Promise.all(blocks.map((b) => qrPng(b.value)));
  return new Map(blocks.map((b, i) => [b, pngs[i]]));
}

/** The QR image (sized in 96-dpi pixels) in a borderless row with its caption beside it. */
function qrTable(b: QrBlock, png: Buffer): Table {
  const px = Math.round(((b.sizeMm ?? QR_DEFAULT_MM) / 25.4) * 96);
  const [first, ...rest] = b.caption ?? [];
  const image = new Paragraph({
    children: [new ImageRun({ type: 'png', data: png, transformation: { width: px, height: px }, altText: { name: 'QR', description: b.value, title: first ?? 'QR' } })],
  });
  const caption = [
    ...(first ? [new Paragraph({ children: [run(first, { bold: true })] })] : []),
    ...rest.map((line) => new Paragraph({ children: [run(line, { italics: true, pt: 12 })] })),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS,
    rows: [new TableRow({ children: [
      new TableCell({ children: [image], borders: NO_BORDERS, width: { size: 25, type: WidthType.PERCENTAGE } }),
      new TableCell({ children: caption.length ? caption : [new Paragraph({ text: '' })], borders: NO_BORDERS, verticalAlign: VerticalAlign.CENTER, width: { size: 75, type: WidthType.PERCENTAGE } }),
    ] })],
  });
}

function block(b: Block, images: QrImages): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'qr':
      return [qrTable(b, images.get(b)!), new Paragraph({ text: '' })];
    case 'paragraph':
      return [bodyParagraph(b.text, { italics: b.italic, bold: b.bold, align: b.align })];
    case 'field':
      return [new Paragraph({
        spacing: { after: 80 }, indent: { firstLine: Math.round(10 * MM) },
        children: [run(`${b.label}: `), run(b.value, { bold: true })],
      })];
    case 'list':
      return b.items.map((item, i) => bodyParagraph(`${i + 1}. ${item}`, { align: 'left' }));
    case 'table':
      return [gridTable(b), new Paragraph({ text: '' })];
  }
}

/** The signature image, centred, at its printed size (96-dpi pixels for the docx library). */
function signatureParagraph(sig: SignatureImage): Paragraph {
  const { width, height } = signatureSizeMm(sig);
  const px = (mm: number) => Math.round((mm / 25.4) * 96);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: 'png', data: sig.png, transformation: { width: px(width), height: px(height) }, altText: { name: 'Chữ ký', description: 'Chữ ký', title: 'Chữ ký' } })],
  });
}

function signerParagraphs(s: Signer): Paragraph[] {
  return [
    ...authorityLines(s).map((line) => centred(line, { bold: true })),
    centred(s.title, { bold: true }),
    ...(s.hint ? [centred(s.hint, { italics: true, pt: 12 })] : []),
    ...(s.signature ? [signatureParagraph(s.signature)] : [new Paragraph({ text: '' }), new Paragraph({ text: '' }), new Paragraph({ text: '' })]),
    centred(s.name ?? '', { bold: true }),
  ];
}

function recipientsParagraphs(lines: string[]): Paragraph[] {
  return [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, pt: 12 })] }),
    ...lines.map((l) => new Paragraph({ children: [run(`- ${l}`, { pt: 11 })] })),
  ];
}

function footer(doc: OfficialDocument): Table {
  const signers = doc.signers;
  const leftChildren = signers.length > 1 ? signerParagraphs(signers[0])
    : recipientsParagraphs(doc.recipients ?? []);
  const right = signers.length > 0 ? signerParagraphs(signers[signers.length - 1]) : [new Paragraph({ text: '' })];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(leftChildren.length ? leftChildren : [new Paragraph({ text: '' })], 50), cell(right, 50)] })],
  });
}

/** Renders the document as a DOCX file (Office Open XML). */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const images = await qrImages(doc);
  const children: Array<Paragraph | Table> = [
    header(doc),
    new Paragraph({ text: '' }),
    centred(doc.typeName, { bold: true, pt: 14 }),
    ...(doc.summary ? [centred(doc.summary, { bold: true })] : []),
    ...(doc.addressee ? [centred(`Kính gửi: ${doc.addressee}`)] : []),
    new Paragraph({ text: '' }),
    ...doc.blocks.flatMap((b) => block(b, images)),
    new Paragraph({ text: '' }),
    footer(doc),
    ...(doc.signers.length > 1 && doc.recipients?.length ? recipientsParagraphs(doc.recipients) : []),
  ];
  const document = new Document({
    title: doc.title ?? doc.typeName, creator: doc.issuingBody.replace(/\n/g, ' '),
    sections: [{
      properties: {
        page: {
          size: { width: 11906, height: 16838, orientation: doc.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) },
        },
      },
      children,
    }],
  });
  return Packer.toBuffer(document);
}
