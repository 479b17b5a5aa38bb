import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import jsQRModule from 'jsqr';
import sharp from 'sharp';

/** Test support: open generated files with standard tools (unzip + XML parser, poppler). */
const run = promisify(execFile);

async function withTemp<T>(name: string, data: Buffer, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dossier-file-'));
  try {
    const file = path.join(dir, name);
    await writeFile(file, data);
    return await fn(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// jsqr is CommonJS: under NodeNext its default export types as the module object.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as typeof jsQRModule.default;

/** The text of a QR code found anywhere in a PNG image, or null. */
export async function readQr(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}

/** The images of a DOCX (word/media/*) by name. */
export function docxMedia(data: Buffer): Promise<Map<string, Buffer>> {
  return withTemp('f.docx', data, async (file) => {
    const { stdout } = await run('unzip', ['-Z1', file]);
    const names = stdout.split('\n').map((s) => s.trim()).filter((s) => s.startsWith('word/media/'));
    const out = new Map<string, Buffer>();
    for (const name of names) out.set(name, (await run('unzip', ['-p', file, name], { encoding: 'buffer', maxBuffer: 20e6 })).stdout as unknown as Buffer);
    return out;
  });
}

/** The QR code on page 1 of a PDF rendered at 150 dpi (as a phone would read a print), or null. */
export function pdfQr(data: Buffer): Promise<string | null> {
  return withTemp('f.pdf', data, async (file, dir) => {
    await run('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', file, path.join(dir, 'qr')]);
    return readQr(await readFile(path.join(dir, 'qr-1.png')));
  });
}

/** Text of every w:t element of word/document.xml, joined by '|'. */
export function docxText(data: Buffer): Promise<string> {
  return withTemp('f.docx', data, async (file) => {
    const { stdout } = await run('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 20e6 });
    const texts: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (k === 'w:t') (v as Array<Record<string, unknown>>).forEach((t) => t['#text'] !== undefined && texts.push(String(t['#text'])));
        else if (k !== ':@') walk(v);
      }
    };
    walk(new XMLParser({ preserveOrder: true, ignoreAttributes: false }).parse(stdout));
    return texts.join('|');
  });
}

/** Text of a PDF (pdftotext) and whether page 1 rendered to a non-blank image (pdftoppm). */
export function pdfCheck(data: Buffer): Promise<{ text: string; inked: boolean }> {
  return withTemp('f.pdf', data, async (file, dir) => {
    const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 20e6 });
    await run('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
    const stats = await sharp(await readFile(path.join(dir, 'page-1.png'))).greyscale().stats();
    const g = stats.channels[0];
    return { text: stdout, inked: g.min < 100 && g.mean > 180 && g.mean < 254.8 };
  });
}
