import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import jsQRModule from 'jsqr';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { sampleDocument } from './examples.js';
import { numberLine, placeDateLine, renderDocx, renderPdf } from './index.js';

const run = promisify(execFile);


async function docxText(buffer: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'docx-'));
  const file = path.join(dir, 'doc.docx');
  await writeFile(file, buffer);
  const { stdout } = await run('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 10e6 });
  const parsed = new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(stdout);
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'w:t') (v as Array<{ '#text'?: unknown }>).forEach((t) => t['#text'] !== undefined && texts.push(String(t['#text'])));
        else if (k !== ':@') walk(v);
      }
    }
  };
  walk(parsed);
  return texts.join('|');
}

describe('Decree 30 helpers', () => {
  test('place and date line pads day and months 1–2', () => {
    expect(placeDateLine('Phường Chu Văn An', new Date('2026-01-05T03:00:00Z'))).toBe('Phường Chu Văn An, ngày 05 tháng 01 năm 2026');
    expect(placeDateLine('Phường Chu Văn An', new Date('2026-11-24T03:00:00Z'))).toBe('Phường Chu Văn An, ngày 24 tháng 11 năm 2026');
    expect(placeDateLine('Phường X', new Date('2026-03-31T18:00:00Z'))).toBe('Phường X, ngày 01 tháng 4 năm 2026');
  });
  test('number line pads numbers below ten', () => {
    expect(numberLine('5/QĐ-UBND')).toBe('Số: 05/QĐ-UBND');
    expect(numberLine('12/UBND-VP')).toBe('Số: 12/UBND-VP');
  });
});

describe('DOCX', () => {
  test('opens with a standard parser and keeps the official layout text', async () => {
    const text = await docxText(await renderDocx(sampleDocument));
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ỦY BAN NHÂN DÂN PHƯỜNG CHU VĂN AN',
      'Số: 01/TNHS', 'Phường Chu Văn An, ngày 05 tháng 01 năm 2026', 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ', 'Nơi nhận:', 'Tờ khai đăng ký khai sinh']) {
      expect(text).toContain(expected);
    }
  });
});

// jsqr is CommonJS: under NodeNext its default export types as the module object.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as typeof jsQRModule.default;

/** The text of the QR code found in a PNG, or null. */
async function readQr(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}

const LINK = 'https://thanthien.example/chu-van-an/tra-cuu-ho-so?ma=000.00.00.H31-260105-0001';
const withQr = {
  ...sampleDocument,
  blocks: [...sampleDocument.blocks, { kind: 'qr' as const, value: LINK, caption: ['000.00.00.H31-260105-0001', 'Quét mã để tra cứu hồ sơ'] }],
};

describe('QR code', () => {
  test('DOCX carries it as a PNG image in word/media with its caption', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'docx-qr-'));
    const file = path.join(dir, 'doc.docx');
    await writeFile(file, await renderDocx(withQr));
    const { stdout } = await run('unzip', ['-Z1', file]);
    const media = stdout.split('\n').filter((f) => /^word\/media\/.+\.png$/.test(f));
    expect(media).toHaveLength(1);
    const png = (await run('unzip', ['-p', file, media[0]], { encoding: 'buffer', maxBuffer: 10e6 })).stdout as unknown as Buffer;
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(meta.height);
    expect(await readQr(png)).toBe(LINK);
    expect(await docxText(await renderDocx(withQr))).toContain('Quét mã để tra cứu hồ sơ');
    // Without a QR block there is no image at all.
    await writeFile(file, await renderDocx(sampleDocument));
    expect((await run('unzip', ['-Z1', file])).stdout).not.toMatch(/word\/media\//);
  });
  test('PDF draws it natively (vector) beside its caption', async () => {
    const def = (await import('./pdf.js')).pdfDefinition(withQr);
    expect(JSON.stringify(def.content)).toContain(`"qr":"${LINK}"`);
    // pdfmake draws whole-point modules: the fit is rounded so the code keeps about 25 mm.
    const fit = Number(/"fit":([\d.]+)/.exec(JSON.stringify(def.content))![1]);
    const mm25 = (25 * 72) / 25.4;
    expect(fit).toBeGreaterThan(mm25 * 0.8);
    expect(fit).toBeLessThan(mm25 * 1.25);
    const dir = await mkdtemp(path.join(tmpdir(), 'pdf-qr-'));
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, await renderPdf(withQr));
    expect((await run('pdftotext', ['-layout', file, '-'])).stdout).toContain('Quét mã để tra cứu hồ sơ');
    // Printed and scanned: page 1 at 150 dpi reads back as the link.
    await run('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
    expect(await readQr(await readFile(path.join(dir, 'page-1.png')))).toBe(LINK);
  });
});

describe('PDF', () => {
  test('renders a non-blank first page and keeps Vietnamese diacritics', async () => {
    const pdf = await renderPdf(sampleDocument);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = await mkdtemp(path.join(tmpdir(), 'pdf-'));
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-layout', file, '-']);
    expect(stdout).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(stdout).toContain('Phường Chu Văn An, ngày 05 tháng 01 năm 2026');
    expect(stdout).toContain('Nguyễn Thị Hoa');
    // Decree 30: a Times New Roman-compatible serif — Tinos, every style embedded, no other font.
    const fonts = (await run('pdffonts', [file])).stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+Tinos(-Bold|-Italic|-BoldItalic)?\s.*\byes\s+yes\b/);
    await run('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
    const png = await readFile(path.join(dir, 'page-1.png'));
    const stats = await sharp(png).greyscale().stats();
    expect(stats.channels[0].min).toBeLessThan(80); // some dark ink
    expect(stats.channels[0].mean).toBeGreaterThan(200); // mostly white paper
    expect(stats.channels[0].mean).toBeLessThan(254.5);
  });
});

describe('table cells on several lines', () => {
  const signatures = {
    ...sampleDocument,
    blocks: [{ kind: 'table' as const, columns: ['Bước', 'Người giao (ký, ghi rõ họ tên)'], align: ['left' as const, 'center' as const],
      rows: [['1. Giao: Bộ phận Một cửa\nNhận: Bộ phận chuyên môn', '\n\n\nTrần Văn Minh']] }],
  };
  test('DOCX: one paragraph per line (Word ignores a line feed inside a run), left-aligned where asked', async () => {
    const buffer = await renderDocx(signatures);
    const cells = (await docxText(buffer)).split('|');
    expect(cells).toEqual(expect.arrayContaining(['1. Giao: Bộ phận Một cửa', 'Nhận: Bộ phận chuyên môn', 'Trần Văn Minh']));
    expect(cells.some((c) => c.includes('\n'))).toBe(false);
    const dir = await mkdtemp(path.join(tmpdir(), 'docx-'));
    await writeFile(path.join(dir, 'doc.docx'), buffer);
    const { stdout } = await run('unzip', ['-p', path.join(dir, 'doc.docx'), 'word/document.xml'], { maxBuffer: 10e6 });
    expect(stdout).toContain('<w:cantSplit/>');
    expect(stdout).toMatch(/<w:jc w:val="left"\/>.{0,400}1\. Giao: Bộ phận Một cửa/s);
  });
  test('PDF: the lines are printed one under the other', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pdf-'));
    await writeFile(path.join(dir, 'doc.pdf'), await renderPdf(signatures));
    const { stdout } = await run('pdftotext', ['-layout', path.join(dir, 'doc.pdf'), '-']);
    const lines = stdout.split('\n');
    const giao = lines.findIndex((l) => l.includes('1. Giao: Bộ phận Một cửa'));
    const nhan = lines.findIndex((l) => l.includes('Nhận: Bộ phận chuyên môn'));
    expect(giao).toBeGreaterThanOrEqual(0);
    expect(nhan).toBeGreaterThan(giao);
    expect(lines.findIndex((l) => l.includes('Trần Văn Minh'))).toBeGreaterThan(giao);
  });
});

describe('signature image', () => {
  test('DOCX and PDF print the optional signature PNG above the signer name', async () => {
    const png = await sharp({ create: { width: 200, height: 90, channels: 4, background: { r: 0, g: 0, b: 200, alpha: 1 } } }).png().toBuffer();
    const signed = { ...sampleDocument, signers: [{ title: 'CHỦ TỊCH', authority: 'TM. ỦY BAN NHÂN DÂN', name: 'Trần Minh Đức', signature: { png, widthMm: 40, heightMm: 18 } }] };
    const dir = await mkdtemp(path.join(tmpdir(), 'sig-'));
    await writeFile(path.join(dir, 'doc.docx'), await renderDocx(signed));
    expect((await run('unzip', ['-Z1', path.join(dir, 'doc.docx')])).stdout).toMatch(/word\/media\/.+\.png/);
    await writeFile(path.join(dir, 'doc.pdf'), await renderPdf(signed));
    await run('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '1', path.join(dir, 'doc.pdf'), path.join(dir, 'page')]);
    const { data, info } = await sharp(path.join(dir, 'page-1.png')).raw().toBuffer({ resolveWithObject: true });
    let blue = 0;
    for (let i = 0; i < data.length; i += info.channels) if (data[i + 2] > 150 && data[i] < 60 && data[i + 1] < 60) blue++;
    expect(blue).toBeGreaterThan(50); // the blue block is on the page
  });
});
